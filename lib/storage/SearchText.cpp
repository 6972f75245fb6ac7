#include "storage/SearchText.h"

#include "text/TextNormalizer.h"

namespace mirsad::storage {

QString searchText(QStringView text) {
    return text::normalizeForSearch(text);
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
    for (const QString& term : searchTerms(typed))
        terms << QStringLiteral("\"%1\"*").arg(term);
    return terms.join(QLatin1Char(' '));
}

} // namespace mirsad::storage
