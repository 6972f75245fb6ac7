#pragma once

#include "names/NameTrie.h"

#include <QStringView>
#include <QVarLengthArray>
#include <memory>
#include <vector>

namespace mirsad::names {

// A span of text that names one or more entities (several when a name is shared).
struct Candidate {
    qsizetype start = 0;
    qsizetype end = 0;
    QVarLengthArray<int32_t, 2> entities; // indices into Gazetteer::entities()
};

// One pass over a text: at each word start, the longest name of the trie that passes its guard.
// Words are folded into a small ring of slots, reused for the whole text.
class NameScanner {
public:
    NameScanner(const NameTrie& trie, QStringView text);
    ~NameScanner();
    NameScanner(const NameScanner&) = delete;
    NameScanner& operator=(const NameScanner&) = delete;
    std::vector<Candidate> run();
    // The same into candidates, cleared first: a caller that scans many texts reuses its buffer.
    void run(std::vector<Candidate>& candidates);

private:
    struct Slot {
        Word word;
        int32_t key = NameTrie::kNone;
    };
    struct Start {
        NameTrie::Step step;
        qsizetype start; // where the mention starts in the text
        qsizetype core;  // token index of the first word of the name itself (after an article)
    };
    struct Hit {
        qsizetype last;  // token index of the last word
        int32_t entries; // the first of the names that end there (NameTrie::entryAt)
        int order;       // index of the start: the whole word before clitic readings
        qsizetype start;
        qsizetype core;
    };

    // The ring is 40 kB, more than scanning a short text costs to allocate each time, so each
    // thread keeps the last one for the next scanner.
    static std::unique_ptr<Slot[]>& spareRing();

    bool ensure(qsizetype token);
    Slot& at(qsizetype token) { return m_ring[static_cast<std::size_t>(token) & kRingMask]; }
    const Slot& at(qsizetype token) const { return m_ring[static_cast<std::size_t>(token) & kRingMask]; }
    bool matchAt(qsizetype head, Candidate& candidate, qsizetype& lastToken);
    void addCliticStarts(qsizetype head, QVarLengthArray<Start, 8>& starts);
    bool joinable(qsizetype from, qsizetype to) const;
    bool passes(const NameEntry& entry, const Hit& hit, qsizetype head);
    bool isSentenceStart(qsizetype position) const;

    static constexpr std::size_t kRingSize = 64;
    static constexpr std::size_t kRingMask = kRingSize - 1;

    const NameTrie& m_trie;
    QStringView m_text;
    WordTokenizer m_tokenizer;
    std::unique_ptr<Slot[]> m_ring;
    qsizetype m_loaded = 0;
    bool m_atEnd = false;
    int m_lookahead;
};

} // namespace mirsad::names
