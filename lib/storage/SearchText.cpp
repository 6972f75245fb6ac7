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

} // namespace

QString searchText(QStringView text) {
    return asTokens(text::normalizeForSearch(text));
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
