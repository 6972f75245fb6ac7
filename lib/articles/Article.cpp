#include "articles/Article.h"

namespace mirsad {

QString Article::dedupeKey() const {
    if (!guid.isEmpty())
        return QStringLiteral("guid:") + guid;
    if (!link.isEmpty())
        return QStringLiteral("link:") + link;
    return QStringLiteral("title:") + title + QLatin1Char('|') +
           (published.isValid() ? published.toUTC().toString(Qt::ISODate) : QString());
}

} // namespace mirsad
