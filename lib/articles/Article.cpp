#include "articles/Article.h"

#include "articles/ContentHash.h"

namespace mirsad {

QString Article::dedupeKey() const {
    if (!guid.isEmpty())
        return QStringLiteral("guid:") + guid;
    if (!link.isEmpty())
        return QStringLiteral("link:") + link;
    return QStringLiteral("title:") + title + QLatin1Char('|') +
           (published.isValid() ? published.toUTC().toString(Qt::ISODate) : QString());
}

QString Article::contentHash() const {
    const QByteArray parts[] = {title.toUtf8(), author.toUtf8(), html.toUtf8(), text.toUtf8(),
                                tags.join(QChar(0x1f)).toUtf8()};
    return QString::fromLatin1(mirsad::contentHash({parts[0], parts[1], parts[2], parts[3], parts[4]}));
}

} // namespace mirsad
