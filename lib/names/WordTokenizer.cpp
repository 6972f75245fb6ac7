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

// The hot loop of the matcher: the word's state lives in locals (registers) and is written to
// `word` once, at the end; a plain letter costs one table lookup and a few compares.
bool WordTokenizer::next(Word& word) {
    const char16_t* data = m_text.utf16();
    const qsizetype size = m_text.size();
    const FoldingTable::Entry* entries = m_table.entries();
    const quint32* plainLetters = m_table.plainLetters();
    char16_t* units = word.units;
    qsizetype* origin = word.origin;
    qsizetype pos = m_pos;
    qsizetype start = 0;
    qsizetype end = 0;
    int length = 0;
    bool truncated = false;
    bool inWord = false;
    Word::Script script = Word::Script::Other;

    // Appends one folded word unit produced by the character at `at` (of `width` units); returns
    // false when the unit cannot continue the current word (a change of script).
    const auto append = [&](char16_t unit, Word::Script unitScript, qsizetype at, qsizetype width) {
        if (!inWord) {
            inWord = true;
            start = at;
            script = unitScript;
        } else if (unitScript != script && unitScript != Word::Script::Other &&
                   script != Word::Script::Other) {
            return false;
        }
        if (length < Word::kMaxUnits) {
            units[length] = unit;
            origin[length] = at;
            ++length;
        } else {
            truncated = true;
        }
        end = at + width;
        return true;
    };

    while (pos < size) {
        const char16_t unit = data[pos];
        const FoldingTable::Entry& e = entries[unit];
        if (e.kind == FoldingTable::Single) [[likely]] { // one unit in, one unit out
            if (e.wordClass == FoldingTable::NotWord) {
                ++pos;
                if (inWord)
                    break;
                continue;
            }
            // "RegionMustafa": tags a scraper ran together.
            if (inWord && script == Word::Script::Latin && isAsciiUpper(unit) && isAsciiLower(data[pos - 1]))
                break;
            if (!append(static_cast<char16_t>(e.value), scriptOf(e.wordClass), pos, 1))
                break;
            ++pos;
            // The rest of a Latin or Arabic word is mostly plain letters of its script, which need
            // none of the checks above. Anything else (a capital too) goes the general way.
            if (script != Word::Script::Other) {
                const quint32 same =
                    script == Word::Script::Latin ? FoldingTable::kPlainLatin : FoldingTable::kPlainArabic;
                while (pos < size) {
                    const quint32 plain = plainLetters[data[pos]];
                    if ((plain & FoldingTable::kPlainMask) != same)
                        break;
                    if (length < Word::kMaxUnits) {
                        units[length] = static_cast<char16_t>(plain);
                        origin[length] = pos;
                        ++length;
                    } else {
                        truncated = true;
                    }
                    ++pos;
                }
                end = pos;
            }
            continue;
        }
        if (e.kind == FoldingTable::DropAttached) {
            if (inWord)
                end = pos + 1;
            ++pos;
            continue;
        }
        if (e.kind == FoldingTable::DropInvisible) {
            ++pos;
            continue;
        }
        if (e.kind == FoldingTable::Surrogate) {
            // Outside the BMP (emoji, mathematical letters): a separator; a mark stays attached.
            qsizetype width = 1;
            bool attached = false;
            if (QChar::isHighSurrogate(unit) && pos + 1 < size && QChar::isLowSurrogate(data[pos + 1])) {
                width = 2;
                char16_t buffer[FoldingTable::kMaxExpansion];
                if (FoldingTable::foldCodePoint(QChar::surrogateToUcs4(unit, data[pos + 1]), buffer,
                                                &attached) > 0)
                    attached = false;
            }
            if (attached) {
                if (inWord)
                    end = pos + width;
                pos += width;
                continue;
            }
            pos += width;
            if (inWord)
                break;
            continue;
        }
        // An expansion: all its units join one word, unless it holds a separator (ﷺ).
        if (m_table.isMixedExpansion(unit) || !m_table.isWordUnit(m_table.pool()[e.value])) {
            ++pos;
            if (inWord)
                break;
            continue;
        }
        bool split = false;
        for (quint32 k = 0; k < e.length; ++k) {
            const char16_t folded = m_table.pool()[e.value + k];
            if (!append(folded, scriptOf(FoldingTable::wordClassOf(folded)), pos, 1)) {
                if (k > 0)
                    ++pos; // never split one character between two words
                split = true;
                break;
            }
        }
        if (split)
            break;
        ++pos;
    }
    m_pos = pos;
    word.length = length;
    word.truncated = truncated;
    if (inWord) {
        word.start = start;
        word.end = end;
        word.script = script;
    }
    return inWord;
}

} // namespace mirsad::names
