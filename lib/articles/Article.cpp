#include "articles/Article.h"

#include <QCryptographicHash>

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
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString& part : {title, author, html, text, tags.join(QLatin1Char('\x1f'))}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1e", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace mirsad
