#include "storage/SearchText.h"

#include "text/TextNormalizer.h"

#include <QStringList>

namespace mirsad::storage {

QString searchText(QStringView text) {
    return text::normalizeForSearch(text);
}

QString searchQuery(QStringView typed) {
    const QString folded = text::normalizeForSearch(typed);
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            terms << QStringLiteral("\"%1\"*").arg(word);
        word.clear();
    };
    for (const QChar c : folded) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing)
            word += c;
        else
            flush();
    }
    flush();
    return terms.join(QLatin1Char(' '));
}

} // namespace mirsad::storage
