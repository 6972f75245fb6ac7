#include "articles/ScrapedText.h"

#include "content/Boilerplate.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace mirsad::articles {

namespace {

// "2021-05-09 15:15", "2021-05-09T15:15:00", with optional seconds.
const QRegularExpression& isoDateTime() {
    static const QRegularExpression re(
        QStringLiteral("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?"));
    return re;
}

// The scraped metadata line is short and carries a date; paragraphs are longer prose.
constexpr qsizetype maxMetadataLineLength = 400;

QDateTime dateFrom(const QRegularExpressionMatch& m) {
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return {};
    QTime time(0, 0);
    if (m.hasCaptured(4))
        time =
            QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.hasCaptured(6) ? m.captured(6).toInt() : 0);
    if (!time.isValid())
        return {};
    // A date written without a zone is taken as UTC, everywhere in Mirsad.
    return QDateTime(date, time, QTimeZone::UTC);
}

} // namespace

QStringList splitRunTogetherTags(const QString& run) {
    QStringList tags;
    QString current;
    for (qsizetype i = 0; i < run.size(); ++i) {
        const QChar c = run.at(i);
        const bool boundary = i > 0 && c.isUpper() && run.at(i - 1).isLower();
        if (boundary || c == u'|' || c == u'،' || c == u',') {
            if (!current.trimmed().isEmpty())
                tags << current.trimmed();
            current.clear();
            if (!boundary)
                continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        tags << current.trimmed();
    tags.removeDuplicates();
    return tags;
}

QString sourceFromDateline(const QString& paragraph) {
    // "Shafaq News / On Sunday, ..." or "شفق نيوز/ ..."
    static const QRegularExpression slash(
        QStringLiteral("^\\s*([\\p{L}][\\p{L}\\p{N}.&' ’-]{1,40}?)\\s*/\\s*\\S"),
        QRegularExpression::UseUnicodePropertiesOption);
    // "BAGHDAD (Reuters) -"
    static const QRegularExpression agency(
        QStringLiteral("^[^()]{2,60}\\(([\\p{L}][\\p{L}\\p{N} .&'-]{1,30})\\)\\s*[-–—]"),
        QRegularExpression::UseUnicodePropertiesOption);
    if (const auto m = slash.match(paragraph); m.hasMatch())
        return m.captured(1).trimmed();
    if (const auto m = agency.match(paragraph); m.hasMatch())
        return m.captured(1).trimmed();
    return {};
}

Article parseScrapedText(const QString& text) {
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    QStringList lines = content::removeBoilerplateLines(normalized.split(u'\n'));

    Article article;
    qsizetype i = 0;
    while (i < lines.size() && lines.at(i).trimmed().isEmpty())
        ++i;
    if (i < lines.size())
        article.title = lines.at(i++).simplified();

    // The metadata line, if any, comes within the next few non-empty lines, before the prose.
    for (qsizetype j = i, seen = 0; j < lines.size() && seen < 3; ++j) {
        const QString line = lines.at(j).trimmed();
        if (line.isEmpty())
            continue;
        ++seen;
        if (line.size() > maxMetadataLineLength)
            break;
        const QRegularExpressionMatch m = isoDateTime().match(line);
        if (!m.hasMatch())
            continue;
        article.published = dateFrom(m);
        article.tags = splitRunTogetherTags(line.left(m.capturedStart()));
        lines.removeAt(j);
        break;
    }

    QStringList paragraphs;
    for (; i < lines.size(); ++i) {
        const QString line = lines.at(i).simplified();
        if (!line.isEmpty())
            paragraphs << line;
    }
    if (!paragraphs.isEmpty())
        article.source = sourceFromDateline(paragraphs.first());
    article.text = paragraphs.join(QStringLiteral("\n\n"));
    return article;
}

} // namespace mirsad::articles
