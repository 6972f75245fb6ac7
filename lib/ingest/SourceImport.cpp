#include "ingest/SourceImport.h"

#include "articles/ArticleFile.h"
#include "feeds/Opml.h"
#include "ingest/ArticleImport.h"
#include "ingest/FeedImport.h"
#include "ingest/OpmlImport.h"

#include <QFile>
#include <QFileInfo>

namespace mirsad::ingest {

SourceKind classifySource(const QString& source) {
    const QUrl url(source);
    if (url.scheme() == u"http" || url.scheme() == u"https")
        return SourceKind::FeedUrl;
    const QString path = url.isLocalFile() ? url.toLocalFile() : source;
    const QFileInfo info(path);
    if (!info.exists())
        return SourceKind::Missing;
    if (articles::articleFileKind(path))
        return SourceKind::ArticleFile;
    const QString suffix = info.suffix().toLower();
    if (suffix == u"opml")
        return SourceKind::OpmlFile;
    if (QStringList{QStringLiteral("xml"), QStringLiteral("rss"), QStringLiteral("atom"),
                    QStringLiteral("rdf"), QStringLiteral("json"), QStringLiteral("feed")}
            .contains(suffix))
        return SourceKind::FeedFile;
    // No telling suffix: look at the first bytes.
    QFile file(path);
    if (info.isFile() && file.open(QIODevice::ReadOnly)) {
        const QByteArray head = file.read(4096).trimmed();
        if (head.contains("<opml"))
            return SourceKind::OpmlFile;
        if (head.startsWith('<') || head.startsWith('{') || head.startsWith("\xef\xbb\xbf"))
            return SourceKind::FeedFile;
    }
    return SourceKind::Unsupported;
}

QUrl feedUrlForSource(const QString& source) {
    const QUrl url(source);
    if (url.scheme() == u"http" || url.scheme() == u"https" || url.isLocalFile())
        return url;
    return QUrl::fromLocalFile(QFileInfo(source).absoluteFilePath());
}

static Result<SourceReport> importArticle(QSqlDatabase& db, const QString& path) {
    Result<storage::UpsertResult> stored = importArticleFile(db, path);
    if (!stored)
        return Error{stored.error()};
    SourceReport report;
    const char* what = "unchanged";
    switch (stored->outcome) {
    case storage::UpsertOutcome::Inserted:
        report.inserted = 1;
        what = "new";
        break;
    case storage::UpsertOutcome::Updated:
        report.updated = 1;
        what = "updated";
        break;
    case storage::UpsertOutcome::Unchanged:
        report.unchanged = 1;
        break;
    }
    report.summary = QStringLiteral("%1: article %2 (%3)")
                         .arg(QFileInfo(path).fileName())
                         .arg(stored->id)
                         .arg(QLatin1String(what));
    return report;
}

static Result<SourceReport> importOpmlFile(QSqlDatabase& db, const QString& path) {
    Result<QByteArray> bytes =
        readFeedFile(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()), 10 * 1024 * 1024);
    if (!bytes)
        return Error{bytes.error()};
    Result<feeds::OpmlDocument> document = feeds::parseOpml(*bytes);
    if (!document)
        return Error{QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), document.error())};
    Result<OpmlImportReport> imported = importOpml(db, *document);
    if (!imported)
        return Error{imported.error()};
    SourceReport report;
    report.newFeedIds = imported->newFeedIds;
    report.summary = QStringLiteral("%1: %2 feed(s) subscribed, %3 already known, %4 folder(s)")
                         .arg(QFileInfo(path).fileName())
                         .arg(imported->feedsAdded)
                         .arg(imported->feedsKnown)
                         .arg(imported->folders);
    return report;
}

Result<SourceReport> importFileSource(QSqlDatabase& db, const QString& path, SourceKind kind) {
    switch (kind) {
    case SourceKind::ArticleFile:
        return importArticle(db, path);
    case SourceKind::OpmlFile:
        return importOpmlFile(db, path);
    case SourceKind::Missing:
        return Error{QStringLiteral("%1 does not exist.").arg(path)};
    case SourceKind::FeedFile:
    case SourceKind::FeedUrl:
    case SourceKind::Unsupported:
        break;
    }
    return Error{
        QStringLiteral("%1 is not something Mirsad can import (a feed URL, a feed or OPML file, or a "
                       ".txt/.html/.md article).")
            .arg(path)};
}

} // namespace mirsad::ingest
