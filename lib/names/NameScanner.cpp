#include "names/NameScanner.h"

#include <QChar>
#include <algorithm>

namespace mirsad::names {

namespace {

constexpr char16_t kWaw = 0x0648, kFa = 0x0641, kBa = 0x0628, kKaf = 0x0643, kLam = 0x0644, kAlef = 0x0627;

bool isCliticLetter(char16_t c) {
    return c == kWaw || c == kFa || c == kBa || c == kKaf || c == kLam;
}

// The proclitics that attach to a name: و ف ب ك ل, and the pairs a conjunction (و ف) makes with
// a preposition (ب ك ل). Before ال, ل elides the alef (ل + الكاظمي = للكاظمي), handled separately.
bool isConjunction(char16_t c) {
    return c == kWaw || c == kFa;
}
bool isPreposition(char16_t c) {
    return c == kBa || c == kKaf || c == kLam;
}

} // namespace

NameScanner::NameScanner(const NameTrie& trie, QStringView text)
    : m_trie(trie)
    , m_text(text)
    , m_tokenizer(text)
    , m_ring(std::move(spareRing())) // a slot is always written before it is read
    // Names are short, but a Latin article may stand between any two of their words.
    , m_lookahead(std::min<int>(2 * trie.maxNameWords() + 1, static_cast<int>(kRingSize) - 2)) {
    if (!m_ring)
        m_ring.reset(new Slot[kRingSize]);
}

NameScanner::~NameScanner() {
    if (!spareRing())
        spareRing() = std::move(m_ring);
}

std::unique_ptr<NameScanner::Slot[]>& NameScanner::spareRing() {
    thread_local std::unique_ptr<Slot[]> spare;
    return spare;
}

bool NameScanner::ensure(qsizetype token) {
    while (m_loaded <= token) {
        if (m_atEnd)
            return false;
        Slot& slot = at(m_loaded);
        if (!m_tokenizer.next(slot.word)) {
            m_atEnd = true;
            return false;
        }
        slot.key = m_trie.keyOf(slot.word);
        ++m_loaded;
    }
    return true;
}

std::vector<Candidate> NameScanner::run() {
    std::vector<Candidate> candidates;
    run(candidates);
    return candidates;
}

void NameScanner::run(std::vector<Candidate>& candidates) {
    candidates.clear();
    if (m_trie.nodeCount() <= 1)
        return;
    Candidate candidate;
    qsizetype head = 0;
    while (ensure(head)) {
        // Most words start no name: decide that without the full match attempt.
        const Slot& slot = at(head);
        if (slot.key == NameTrie::kNone && (slot.word.script != Word::Script::Arabic ||
                                            slot.word.length < 4 || !isCliticLetter(slot.word.units[0]))) {
            ++head;
            continue;
        }
        qsizetype last = head;
        if (matchAt(head, candidate, last)) {
            candidates.push_back(candidate);
            head = last + 1;
        } else {
            ++head;
        }
    }
}

// Words of one name are separated only by spaces, hyphens or invisible marks: never by a
// comma, a full stop or a line break.
bool NameScanner::joinable(qsizetype from, qsizetype to) const {
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = m_text[i];
        if (c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator)
            return false;
        if (c.isSpace() || c.category() == QChar::Punctuation_Dash || c.category() == QChar::Other_Format ||
            c.category() == QChar::Mark_NonSpacing || c == u'\'' || c == u'\u2019')
            continue;
        return false;
    }
    return true;
}

void NameScanner::addCliticStarts(qsizetype head, QVarLengthArray<Start, 8>& starts) {
    const Word& word = at(head).word;
    if (word.length < 4 || !isCliticLetter(word.units[0]))
        return;
    const QStringView folded = word.folded();
    const WordDictionary& words = m_trie.words();
    char16_t withAlef[Word::kMaxUnits + 1];
    // The one-letter clitic first, then a pair: the order of the readings breaks ties in matchAt.
    const auto tryPrefix = [&](qsizetype length) {
        const QStringView core = folded.sliced(length);
        const qsizetype start = word.origin[length];
        if (const int32_t key = words.find(core); key != WordDictionary::kNotFound) {
            if (const NameTrie::Step step = m_trie.step(NameTrie::kRoot, key); step.node != NameTrie::kNone)
                starts.append({step, start, head});
        }
        if (folded[length - 1] == kLam && core.front() == kLam) { // لل: the name's article without its alef
            withAlef[0] = kAlef;
            std::copy(core.utf16(), core.utf16() + core.size(), withAlef + 1);
            const int32_t key = words.find(QStringView(withAlef, core.size() + 1));
            if (key != WordDictionary::kNotFound) {
                if (const NameTrie::Step step = m_trie.step(NameTrie::kRoot, key);
                    step.node != NameTrie::kNone)
                    starts.append({step, start, head});
            }
        }
    };
    tryPrefix(1);
    if (folded.size() >= 5 && isConjunction(folded[0].unicode()) && isPreposition(folded[1].unicode()))
        tryPrefix(2);
}

bool NameScanner::matchAt(qsizetype head, Candidate& candidate, qsizetype& lastToken) {
    QVarLengthArray<Start, 8> starts;
    const Slot& first = at(head);
    if (first.key == NameTrie::kArticle) {
        if (ensure(head + 1) && joinable(first.word.end, at(head + 1).word.start)) {
            const NameTrie::Step step = m_trie.step(NameTrie::kRoot, at(head + 1).key);
            if (step.node != NameTrie::kNone)
                starts.append({step, first.word.start, head + 1});
        }
    } else if (first.key >= 0) {
        const NameTrie::Step step = m_trie.step(NameTrie::kRoot, first.key);
        if (step.node != NameTrie::kNone)
            starts.append({step, first.word.start, head});
    }
    if (first.word.script == Word::Script::Arabic)
        addCliticStarts(head, starts);
    if (starts.isEmpty())
        return false;

    QVarLengthArray<Hit, 16> hits;
    for (int s = 0; s < starts.size(); ++s) {
        NameTrie::Step step = starts[s].step;
        qsizetype previous = starts[s].core;
        if (step.entries != NameTrie::kNone)
            hits.append({previous, step.entries, s, starts[s].start, starts[s].core});
        for (qsizetype j = previous + 1; j - head <= m_lookahead && ensure(j); ++j) {
            const Slot& slot = at(j);
            if (!joinable(at(j - 1).word.end, slot.word.start))
                break;
            if (slot.key == NameTrie::kArticle)
                continue;
            if (slot.key < 0 || (step = m_trie.step(step.node, slot.key)).node == NameTrie::kNone)
                break;
            if (step.entries != NameTrie::kNone)
                hits.append({j, step.entries, s, starts[s].start, starts[s].core});
        }
    }
    // Longest first; for the same length the plain word before a clitic reading.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.last != b.last ? a.last > b.last : a.order < b.order;
    });
    for (const Hit& hit : hits) {
        candidate.entities.clear();
        for (int32_t index = hit.entries;; ++index) {
            const NameEntry& entry = m_trie.entryAt(index);
            if (!candidate.entities.contains(entry.entity) && passes(entry, hit, head))
                candidate.entities.append(entry.entity);
            if (entry.last)
                break;
        }
        if (!candidate.entities.isEmpty()) {
            candidate.start = hit.start;
            candidate.end = at(hit.last).word.end;
            lastToken = hit.last;
            return true;
        }
    }
    return false;
}

bool NameScanner::isSentenceStart(qsizetype position) const {
    for (qsizetype i = position - 1; i >= 0; --i) {
        const QChar c = m_text[i];
        if (c == u'\n' || c == u'\r')
            return true;
        if (c.isSpace() || c.category() == QChar::Punctuation_InitialQuote ||
            c.category() == QChar::Punctuation_FinalQuote || c.category() == QChar::Punctuation_Open ||
            c == u'"' || c == u'\'')
            continue;
        return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u'\u061F' || c == u'\u06D4';
    }
    return true;
}

bool NameScanner::passes(const NameEntry& entry, const Hit& hit, qsizetype head) {
    const Word& core = at(hit.core).word;
    switch (entry.guard) {
    case Guard::None:
        return true;
    case Guard::Capitalised: {
        int k = 0;
        for (qsizetype j = hit.core; j <= hit.last; ++j) {
            const Slot& slot = at(j);
            if (slot.key == NameTrie::kArticle)
                continue; // skipped by the trie walk too
            if (k < 32 && (entry.capitals >> k & 1) && !m_text[slot.word.start].isUpper())
                return false;
            ++k;
        }
        return true;
    }
    case Guard::Acronym:
        for (qsizetype i = core.start; i < at(hit.last).word.end; ++i) {
            if (m_text[i].isLower())
                return false;
        }
        return true;
    case Guard::CommonLatin:
        return m_text[core.start].isUpper() && m_trie.words().find(core.folded()) == entry.exactWord &&
               !isSentenceStart(core.start);
    case Guard::CommonArabic: {
        // The previous word is still in the ring: the look-ahead never reaches that far.
        if (head == 0)
            return false;
        const Slot& previous = at(head - 1);
        return m_trie.isCue(previous.key) && joinable(previous.word.end, at(head).word.start);
    }
    }
    return false;
}

} // namespace mirsad::names
