#include "search/SearchText.h"

#include "text/FoldInto.h"
#include "text/TextNormalizer.h"

#include <utility>
#include <vector>

namespace mirsad::search {

namespace {

bool isWordCodePoint(char32_t c) {
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing ||
           QChar::category(c) == QChar::Other_PrivateUse;
}

// What asTokens() makes of each BMP unit: a space outside words (and for a lone surrogate), the
// lower case of a capital, else the unit itself. Computed once: the Unicode property lookups cost
// more per unit than folding the text did.
const std::vector<char16_t>& tokenUnits() {
    static const std::vector<char16_t> units = [] {
        std::vector<char16_t> table(0x10000);
        for (char32_t c = 0; c < 0x10000; ++c) {
            if (QChar::isSurrogate(c) || !isWordCodePoint(c))
                table[c] = u' ';
            else if (QChar::isUpper(c))
                table[c] = char16_t(QChar::toLower(c));
            else
                table[c] = char16_t(c);
        }
        return table;
    }();
    return units;
}

// asTokens() of the folding of every BMP unit that folds to one unit, neither 0 nor a surrogate:
// the whole work for nearly every character of a text, in one lookup. 0 sends a unit the general
// way (expansions, drops, surrogates).
const std::vector<char16_t>& singleTokenUnits() {
    static const std::vector<char16_t> table = [] {
        const text::FoldingTable& folding = text::FoldingTable::instance();
        const std::vector<char16_t>& units = tokenUnits();
        std::vector<char16_t> singles(0x10000, 0);
        for (char32_t c = 0; c < 0x10000; ++c) {
            const text::FoldingTable::Entry& e = folding.entry(char16_t(c));
            const auto folded = static_cast<char16_t>(e.value);
            if (e.kind == text::FoldingTable::Single && folded != 0 && !QChar::isSurrogate(folded))
                singles[c] = folded < 0x80 ? folded : units[folded];
        }
        return singles;
    }();
    return table;
}

// The index uses FTS5's ascii tokenizer, which splits on ASCII non-alphanumerics only and folds
// ASCII case only: everything else unicode61 did (other separators, other scripts' case) is done
// here, once per article and off the writer's thread, where it costs far less than in the
// tokenizer. Every character outside a word becomes a space; letters are lower-cased.
QString asTokens(QString folded) {
    const std::vector<char16_t>& units = tokenUnits();
    char16_t* text = reinterpret_cast<char16_t*>(folded.data());
    const qsizetype size = folded.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i];
        if (c < 0x80)
            continue; // the tokenizer's own business
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(text[i + 1])) {
            if (!isWordCodePoint(QChar::surrogateToUcs4(c, text[i + 1])))
                text[i] = text[i + 1] = u' ';
            ++i;
        } else {
            text[i] = units[c];
        }
    }
    return folded;
}

// Writes asTokens(folded) as UTF-8 while the text is folded: each folded unit is mapped and
// encoded as it comes, without the folded string in between. A high surrogate waits for the
// unit after it, which may come from a later input character (a mark between them is dropped).
class TokenWriter {
public:
    explicit TokenWriter(qsizetype inputSize)
        : m_bytes(inputSize * 3, Qt::Uninitialized) // a unit takes at most 3 bytes, a pair 4
        , m_out(m_bytes.data())
        , m_units(tokenUnits().data()) {}

    void write(const char16_t* units, qsizetype n) {
        // An expansion may be longer than what it replaces: make room for it first.
        if (m_bytes.size() - (m_out - m_bytes.constData()) < 3 * (n + 1))
            grow(3 * (n + 1));
        for (qsizetype k = 0; k < n; ++k)
            put(units[k]);
    }

    // Writes the units from `i` on while singles[] has their token unit; returns where it stopped.
    qsizetype writeSingles(const char16_t* data, qsizetype i, qsizetype size, const char16_t* singles) {
        if (m_high)
            return i; // the next unit decides what the waiting half becomes
        if (m_bytes.size() - (m_out - m_bytes.constData()) < 3 * (size - i))
            grow(3 * (size - i)); // an expansion before took more than its share
        char* out = m_out;
        for (; i < size; ++i) {
            const char16_t c = singles[data[i]];
            if (c == 0)
                break;
            out = putUnit(out, c);
        }
        m_out = out;
        return i;
    }

    QByteArray take() && {
        if (m_high)
            *m_out++ = ' '; // a lone surrogate is a space
        m_bytes.truncate(m_out - m_bytes.constData());
        return std::move(m_bytes);
    }

private:
    void put(char16_t c) {
        if (m_high) {
            const char16_t high = std::exchange(m_high, char16_t(0));
            if (QChar::isLowSurrogate(c)) {
                const char32_t cp = QChar::surrogateToUcs4(high, c);
                if (isWordCodePoint(cp)) {
                    *m_out++ = char(0xF0 | (cp >> 18));
                    *m_out++ = char(0x80 | ((cp >> 12) & 0x3F));
                    *m_out++ = char(0x80 | ((cp >> 6) & 0x3F));
                    *m_out++ = char(0x80 | (cp & 0x3F));
                } else {
                    *m_out++ = ' ';
                    *m_out++ = ' ';
                }
                return;
            }
            *m_out++ = ' ';
        }
        if (c < 0x80) {
            *m_out++ = char(c);
            return;
        }
        if (QChar::isHighSurrogate(c)) {
            m_high = c;
            return;
        }
        m_out = putUnit(m_out, m_units[c]); // a lone low surrogate is a space
    }

    // A BMP unit that is no surrogate, as UTF-8; returns the end of what it wrote.
    static char* putUnit(char* out, char16_t c) {
        if (c < 0x80) {
            *out++ = char(c);
        } else if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else {
            *out++ = char(0xE0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3F));
            *out++ = char(0x80 | (c & 0x3F));
        }
        return out;
    }

    void grow(qsizetype needed) {
        const qsizetype used = m_out - m_bytes.constData();
        m_bytes.resize(qMax(2 * m_bytes.size(), used + needed));
        m_out = m_bytes.data() + used;
    }

    QByteArray m_bytes;
    char* m_out;
    const char16_t* m_units;
    char16_t m_high = 0; // a high surrogate waiting for its low half
};

} // namespace

QString searchText(QStringView text) {
    return asTokens(text::normalizeForSearch(text));
}

QByteArray searchTextUtf8(QStringView text) {
    const char16_t* singles = singleTokenUnits().data();
    const char16_t* data = text.utf16();
    const qsizetype size = text.size();
    TokenWriter writer(size);
    for (qsizetype i = 0; (i = writer.writeSingles(data, i, size, singles)) < size;) {
        // One character the general way: a pair of surrogates is one.
        const qsizetype width =
            QChar::isHighSurrogate(data[i]) && i + 1 < size && QChar::isLowSurrogate(data[i + 1]) ? 2 : 1;
        text::foldInto(text.sliced(i, width),
                       [&](const char16_t* units, qsizetype n, qsizetype) { writer.write(units, n); });
        i += width;
    }
    return std::move(writer).take();
}

bool isSearchWordCharacter(QChar c) {
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing || c.isSurrogate();
}

} // namespace mirsad::search
