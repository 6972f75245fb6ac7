#include "exchange/Exchange_p.h"

#include "text/CodePoints.h"
#include "text/TextDirection.h"

namespace mirsad::exchange::detail {

Status writeAll(QIODevice& out, const QByteArray& bytes) {
    if (!out.isWritable())
        return couldNot(QStringLiteral("write the annotations"),
                        QStringLiteral("the output is not open for writing"));
    if (out.write(bytes) != bytes.size())
        return couldNot(QStringLiteral("write the annotations"), out.errorString());
    return {};
}

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString languageOf(const QString& text) {
    if (text::paragraphDirection(text) == Qt::RightToLeft)
        return QStringLiteral("ar");
    for (const QChar c : text)
        if (c.isLetter() && c.script() == QChar::Script_Latin)
            return QStringLiteral("en");
    return {};
}

QString highlightUri(qint64 id) {
    return QStringLiteral("urn:mirsad:highlight:%1").arg(id);
}

QString noteUri(qint64 id) {
    return QStringLiteral("urn:mirsad:note:%1").arg(id);
}

QString articleSource(const Article& article) {
    return article.link.isEmpty() ? QStringLiteral("urn:mirsad:article:%1").arg(article.id) : article.link;
}

std::pair<qsizetype, qsizetype> codePointSpan(const QString& text, qsizetype start, qsizetype end) {
    text::CodePointMap map(text);
    const qsizetype first = map(start);
    return {first, map(end)};
}

const annotations::Highlight* highlightById(const briefs::BriefArticle& article, qint64 id) {
    for (const annotations::Highlight& highlight : article.highlights)
        if (highlight.id == id)
            return &highlight;
    return nullptr;
}

} // namespace mirsad::exchange::detail
