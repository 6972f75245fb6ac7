#include "storage/SearchText.h"

#include "text/TextNormalizer.h"

#include <vector>

namespace mirsad::storage {

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

// asTokens(folded).toUtf8() in one pass over the folded text, without the copy in between:
// what the index is given.
QByteArray tokensAsUtf8(const QString& folded) {
    if (folded.isNull())
        return {}; // as QString::toUtf8()
    const char16_t* units = tokenUnits().data();
    const auto* text = reinterpret_cast<const char16_t*>(folded.constData());
    const qsizetype size = folded.size();
    QByteArray bytes(size * 3, Qt::Uninitialized); // a unit takes at most 3 bytes, a pair 4
    char* out = bytes.data();
    for (qsizetype i = 0; i < size; ++i) {
        char16_t c = text[i];
        if (c < 0x80) {
            *out++ = char(c);
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(text[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(c, text[++i]);
            if (isWordCodePoint(cp)) {
                *out++ = char(0xF0 | (cp >> 18));
                *out++ = char(0x80 | ((cp >> 12) & 0x3F));
                *out++ = char(0x80 | ((cp >> 6) & 0x3F));
                *out++ = char(0x80 | (cp & 0x3F));
            } else {
                *out++ = ' ';
                *out++ = ' ';
            }
            continue;
        }
        c = units[c]; // a lone surrogate is a space
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
    }
    bytes.truncate(out - bytes.data());
    return bytes;
}

} // namespace

QString searchText(QStringView text) {
    return asTokens(text::normalizeForSearch(text));
}

QByteArray searchTextUtf8(QStringView text) {
    return tokensAsUtf8(text::normalizeForSearch(text));
}

bool isSearchWordCharacter(QChar c) {
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing || c.isSurrogate();
}

QStringList searchTerms(QStringView typed) {
    const QString folded = text::normalizeForSearch(typed);
    QStringList terms;
    QString word;
    for (const QChar c : folded) {
        if (isSearchWordCharacter(c)) {
            word += c;
        } else if (!word.isEmpty()) {
            terms << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        terms << word;
    terms.removeDuplicates();
    return terms;
}

QString searchQuery(QStringView typed) {
    QStringList terms;
    // Quoted, so that words like AND, OR, NOT or NEAR stay words.
    for (const QString& term : searchTerms(typed)) {
        const QString tokens = asTokens(term).simplified();
        if (!tokens.isEmpty())
            terms << QStringLiteral("\"%1\"*").arg(tokens);
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace mirsad::storage
