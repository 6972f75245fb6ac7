#include "names/WordTokenizer.h"

#include "text/FoldingTable.h"

#include <QChar>

namespace mirsad::names {

using text::FoldingTable;

namespace {

Word::Script scriptOf(FoldingTable::WordClass wordClass) {
    switch (wordClass) {
    case FoldingTable::LatinWord:
        return Word::Script::Latin;
    case FoldingTable::ArabicWord:
        return Word::Script::Arabic;
    default:
        return Word::Script::Other;
    }
}

bool isAsciiLower(char16_t u) {
    return u >= u'a' && u <= u'z';
}
bool isAsciiUpper(char16_t u) {
    return u >= u'A' && u <= u'Z';
}

} // namespace

WordTokenizer::WordTokenizer(QStringView text)
    : m_text(text)
    , m_table(FoldingTable::instance()) {
}

bool WordTokenizer::next(Word& word) {
    const char16_t* data = m_text.utf16();
    const qsizetype size = m_text.size();
    word.length = 0;
    word.truncated = false;
    bool inWord = false;

    // Appends one folded word unit produced by the character at `at` (of `width` units); returns
    // false when the unit cannot continue the current word (a change of script).
    const auto append = [&](char16_t unit, FoldingTable::WordClass wordClass, qsizetype at, qsizetype width) {
        const Word::Script script = scriptOf(wordClass);
        if (!inWord) {
            inWord = true;
            word.start = at;
            word.script = script;
        } else if (script != word.script && script != Word::Script::Other &&
                   word.script != Word::Script::Other) {
            return false;
        }
        if (word.length < Word::kMaxUnits) {
            word.units[word.length] = unit;
            word.origin[word.length] = at;
            ++word.length;
        } else {
            word.truncated = true;
        }
        word.end = at + width;
        return true;
    };

    while (m_pos < size) {
        const char16_t unit = data[m_pos];
        const FoldingTable::Entry& e = m_table.entry(unit);
        if (e.kind == FoldingTable::Single) { // the common case: one unit in, one unit out
            if (e.wordClass == FoldingTable::NotWord) {
                ++m_pos;
                if (inWord)
                    return true;
                continue;
            }
            // "RegionMustafa": tags a scraper ran together.
            if (inWord && isAsciiUpper(unit) && isAsciiLower(data[m_pos - 1]) &&
                word.script == Word::Script::Latin)
                return true;
            if (!append(static_cast<char16_t>(e.value), e.wordClass, m_pos, 1))
                return true;
            ++m_pos;
            continue;
        }
        if (e.kind == FoldingTable::DropAttached) {
            if (inWord)
                word.end = m_pos + 1;
            ++m_pos;
            continue;
        }
        if (e.kind == FoldingTable::DropInvisible) {
            ++m_pos;
            continue;
        }
        if (e.kind == FoldingTable::Surrogate) {
            // Outside the BMP (emoji, mathematical letters): a separator; a mark stays attached.
            qsizetype width = 1;
            bool attached = false;
            if (QChar::isHighSurrogate(unit) && m_pos + 1 < size && QChar::isLowSurrogate(data[m_pos + 1])) {
                width = 2;
                char16_t buffer[FoldingTable::kMaxExpansion];
                if (FoldingTable::foldCodePoint(QChar::surrogateToUcs4(unit, data[m_pos + 1]), buffer,
                                                &attached) > 0)
                    attached = false;
            }
            if (attached) {
                if (inWord)
                    word.end = m_pos + width;
                m_pos += width;
                continue;
            }
            m_pos += width;
            if (inWord)
                return true;
            continue;
        }
        // An expansion: all its units join one word, unless it holds a separator (ﷺ).
        if (m_table.isMixedExpansion(unit) || !m_table.isWordUnit(m_table.pool()[e.value])) {
            ++m_pos;
            if (inWord)
                return true;
            continue;
        }
        for (quint32 k = 0; k < e.length; ++k) {
            const char16_t folded = m_table.pool()[e.value + k];
            if (!append(folded, FoldingTable::wordClassOf(folded), m_pos, 1)) {
                if (k > 0)
                    ++m_pos; // never split one character between two words
                return true;
            }
        }
        ++m_pos;
    }
    return inWord;
}

} // namespace mirsad::names
