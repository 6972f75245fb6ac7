#pragma once

#include "names/HugePageAllocator.h"
#include "names/WordDictionary.h"
#include "names/WordTokenizer.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <span>
#include <vector>

namespace mirsad::names {

class Gazetteer;

// What a match of one name must also satisfy in the text, against collisions with common words.
enum class Guard : quint8 {
    None,         // Arabic names
    Capitalised,  // Latin names: the words capitalised in the name start with a capital in the text
                  // ("Erbil", never "erbil"; "New Generation", not "New generation")
    Acronym,      // Latin aliases of three letters or fewer in capitals ("IS", "PMF"): capitals in the text
    CommonLatin,  // Latin names that are English words or very short ("Hit", "Kut", "Balad"):
                  // exact spelling (no skeleton), capitalised, not the first word of a sentence
    CommonArabic, // Arabic names that are common words (بلد "country", حديثة "modern"): only
                  // right after a word that announces a place or a party (مدينة، قضاء، تحالف...)
};

// One name that ends at a trie node.
struct NameEntry {
    int32_t entity = 0; // index into Gazetteer::entities()
    Guard guard = Guard::None;
    bool last = false;      // the last entry of its node's list (the scanner walks lists by it)
    int32_t exactWord = -1; // CommonLatin: the folded word the text must spell exactly
    quint32 capitals = 0;   // Capitalised: bit k set when the name's k-th word (articles aside) must
                            // start with a capital; a one-word name always must
};

// The word-level trie of every name's variants (see NameMatcher.h for the design).
class NameTrie {
public:
    static constexpr int32_t kRoot = 0;
    static constexpr int32_t kNone = -1;
    static constexpr int32_t kArticle = -2; // the Latin article al/el: optional wherever it stands

    void build(const Gazetteer& gazetteer);

    // The key of a word of text: its id in the dictionary (the skeleton for Latin words), kArticle,
    // or kNone when no name contains it.
    int32_t keyOf(const Word& word) const;
    // The same key as a string, for words that need not be in the dictionary (suggestions).
    static QString keyString(const Word& word);

    // One step down the trie: the child and where its entries start in the flat entry array
    // (kNone when no name ends there), read from one edge record, so that one cache line answers.
    struct Step {
        int32_t node = kNone;
        int32_t entries = kNone;
    };
    Step step(int32_t node, int32_t key) const {
        if (m_edges.empty() || key < 0)
            return {};
        if (node == kRoot && static_cast<std::size_t>(key) < m_rootSteps.size())
            return m_rootSteps[static_cast<std::size_t>(key)];
        const uint64_t edge =
            (static_cast<uint64_t>(static_cast<uint32_t>(node)) << 32) | static_cast<uint32_t>(key);
        for (std::size_t slot = mixEdge(edge) & m_edgeMask;; slot = (slot + 1) & m_edgeMask) {
            const Edge& e = m_edges[slot];
            if (e.key == edge)
                return {e.child, e.entries};
            if (e.key == kEmptyEdge)
                return {};
        }
    }
    int32_t child(int32_t node, int32_t key) const { return step(node, key).node; }
    bool isTerminal(int32_t node) const { return m_terminal[static_cast<std::size_t>(node)] != kNone; }
    // The names that end at node; empty when none does.
    std::span<const NameEntry> entries(int32_t node) const {
        const int32_t list = m_terminal[static_cast<std::size_t>(node)];
        if (list < 0)
            return {};
        const auto begin = m_entryBegin[static_cast<std::size_t>(list)];
        const auto end = m_entryBegin[static_cast<std::size_t>(list) + 1];
        return {m_entries.data() + begin, end - begin};
    }
    // The entry at index `at` of the flat array (Step::entries, then onwards until `last`).
    const NameEntry& entryAt(int32_t at) const { return m_entries[static_cast<std::size_t>(at)]; }
    bool isCue(int32_t key) const {
        return key >= 0 && key < static_cast<int32_t>(m_cue.size()) && m_cue[static_cast<std::size_t>(key)];
    }
    const WordDictionary& words() const { return m_words; }
    int maxNameWords() const { return m_maxNameWords; }
    int32_t nodeCount() const { return static_cast<int32_t>(m_terminal.size()); }
    // The key strings of every name of each entity, for suggestions.
    const std::vector<QStringList>& entityKeyStrings() const { return m_entityKeyStrings; }
    std::size_t memoryUsage() const;

private:
    static constexpr uint64_t kEmptyEdge = ~uint64_t(0);
    static uint64_t mixEdge(uint64_t edge) {
        edge ^= edge >> 31;
        edge *= 0x9e3779b97f4a7c15ull;
        return edge ^ (edge >> 29);
    }
    int32_t addChild(int32_t node, int32_t key);
    void growEdges();
    void addName(int32_t entity, const QString& form);
    void addEntry(int32_t node, NameEntry entry);

    struct Edge {
        uint64_t key = kEmptyEdge; // parent node << 32 | word key
        int32_t child = kNone;
        int32_t entries = kNone; // the child's first entry in m_entries, set once built
    };

    WordDictionary m_words;
    HugePageVector<Edge> m_edges;
    // The root's edges again, indexed by word key: every word of the text that is in the
    // dictionary is tried as the start of a name, and this array is far smaller than m_edges.
    HugePageVector<Step> m_rootSteps;
    std::size_t m_edgeMask = 0;
    std::size_t m_edgeCount = 0;
    std::vector<int32_t> m_terminal{kNone};           // per node: index of its entry list, or kNone
    std::vector<std::vector<NameEntry>> m_entryLists; // while building; then flattened:
    HugePageVector<NameEntry> m_entries;              // one array, so a match touches one place
    std::vector<uint32_t> m_entryBegin;
    std::vector<quint8> m_cue;
    std::vector<QStringList> m_entityKeyStrings;
    int m_maxNameWords = 0;
};

} // namespace mirsad::names
