#include "names/NameScanner.h"

#include <QChar>
#include <algorithm>

namespace mirsad::names {

namespace {

constexpr char16_t kWaw = 0x0648, kFa = 0x0641, kBa = 0x0628, kKaf = 0x0643, kLam = 0x0644, kAlef = 0x0627;

bool isCliticLetter(char16_t c) {
    return c == kWaw || c == kFa || c == kBa || c == kKaf || c == kLam;
}

// The proclitics that attach to a name: و ف ب ك ل and the pairs a conjunction makes with a
// preposition. Before ال, ل elides the alef (ل + الكاظمي = للكاظمي), handled separately.
constexpr std::u16string_view kPrefixes[] = {
    u"\u0648",       u"\u0641",       u"\u0628",       u"\u0643",       u"\u0644",      u"\u0648\u0628",
    u"\u0641\u0628", u"\u0648\u0643", u"\u0641\u0643", u"\u0648\u0644", u"\u0641\u0644"};

} // namespace

NameScanner::NameScanner(const NameTrie& trie, QStringView text)
    : m_trie(trie)
    , m_text(text)
    , m_tokenizer(text)
    , m_ring(new Slot[kRingSize]) // default-initialised: the word buffers are written before use
    // Names are short, but a Latin article may stand between any two of their words.
    , m_lookahead(std::min<int>(2 * trie.maxNameWords() + 1, static_cast<int>(kRingSize) - 2)) {
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
    if (m_trie.nodeCount() <= 1)
        return candidates;
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
    return candidates;
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
    char16_t withAlef[Word::kMaxUnits + 1];
    for (std::u16string_view prefix : kPrefixes) {
        const auto length = static_cast<qsizetype>(prefix.size());
        if (folded.size() - length < 3 || !folded.startsWith(QStringView(prefix)))
            continue;
        const QStringView core = folded.mid(length);
        const qsizetype start = word.origin[length];
        int32_t node = m_trie.child(NameTrie::kRoot, m_trie.words().find(core));
        if (node != NameTrie::kNone)
            starts.append({node, start, head});
        if (prefix.back() == kLam && core.front() == kLam) { // لل: the name's article without its alef
            withAlef[0] = kAlef;
            std::copy(core.utf16(), core.utf16() + core.size(), withAlef + 1);
            node = m_trie.child(NameTrie::kRoot, m_trie.words().find(QStringView(withAlef, core.size() + 1)));
            if (node != NameTrie::kNone)
                starts.append({node, start, head});
        }
    }
}

bool NameScanner::matchAt(qsizetype head, Candidate& candidate, qsizetype& lastToken) {
    QVarLengthArray<Start, 8> starts;
    const Slot& first = at(head);
    if (first.key == NameTrie::kArticle) {
        if (ensure(head + 1) && joinable(first.word.end, at(head + 1).word.start)) {
            const int32_t node = m_trie.child(NameTrie::kRoot, at(head + 1).key);
            if (at(head + 1).key >= 0 && node != NameTrie::kNone)
                starts.append({node, first.word.start, head + 1});
        }
    } else if (first.key >= 0) {
        const int32_t node = m_trie.child(NameTrie::kRoot, first.key);
        if (node != NameTrie::kNone)
            starts.append({node, first.word.start, head});
    }
    if (first.word.script == Word::Script::Arabic)
        addCliticStarts(head, starts);
    if (starts.isEmpty())
        return false;

    QVarLengthArray<Hit, 16> hits;
    for (int s = 0; s < starts.size(); ++s) {
        int32_t node = starts[s].node;
        qsizetype previous = starts[s].core;
        if (m_trie.isTerminal(node))
            hits.append({previous, node, s, starts[s].start, starts[s].core});
        for (qsizetype j = previous + 1; j - head <= m_lookahead && ensure(j); ++j) {
            const Slot& slot = at(j);
            if (!joinable(at(j - 1).word.end, slot.word.start))
                break;
            if (slot.key == NameTrie::kArticle)
                continue;
            if (slot.key < 0 || (node = m_trie.child(node, slot.key)) == NameTrie::kNone)
                break;
            if (m_trie.isTerminal(node))
                hits.append({j, node, s, starts[s].start, starts[s].core});
        }
    }
    // Longest first; for the same length the plain word before a clitic reading.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.last != b.last ? a.last > b.last : a.order < b.order;
    });
    for (const Hit& hit : hits) {
        candidate.entities.clear();
        for (const NameEntry& entry : m_trie.entries(hit.node)) {
            if (!candidate.entities.contains(entry.entity) && passes(entry, hit, head))
                candidate.entities.append(entry.entity);
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
    case Guard::Capitalised:
        return m_text[core.start].isUpper();
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
