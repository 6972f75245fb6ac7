#pragma once

// An article's read or starred mark in SQL, as the connected person sees it: the article's column
// in a file, the analyst's own row on a team's server (resources/migrations-postgresql/010).

#include <QString>

namespace mirsad::test {

inline QString markOf(bool postgres, const QString& column, const QString& article = QStringLiteral("a")) {
    if (!postgres)
        return article + QLatin1Char('.') + column;
    return QStringLiteral("coalesce((SELECT s.%1 FROM article_states s WHERE s.analyst = current_user::text "
                          "AND s.article_id = %2.id), 0)")
        .arg(column, article);
}

} // namespace mirsad::test
