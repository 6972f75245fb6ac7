#include "ingest/FeedImport.h"

#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"
#include "ingest/ArticleTagging.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"

#include <QFile>
#include <QFileInfo>

namespace mirsad::ingest {

Result<PreparedFeed> prepareFeed(const QByteArray& body, const QString& contentType, const QUrl& url,
                                 qint64 feedId, const Tagger& tagger, bool allowRemoteContent) {
    Result<feeds::ParsedFeed> parsed = feeds::parseFeed(body, contentType, url);
    if (!parsed)
        return Error{parsed.error()};
    return prepareParsedFeed(std::move(parsed).value(), feedId, tagger, allowRemoteContent);
}

PreparedFeed prepareParsedFeed(feeds::ParsedFeed&& parsed, qint64 feedId, const Tagger& tagger,
                               bool allowRemoteContent) {
    PreparedFeed prepared;
    prepared.feedId = feedId;
    prepared.title = parsed.title;
    prepared.siteUrl = parsed.siteLink.toString(QUrl::FullyEncoded);
    prepared.format = parsed.formatName;
    prepared.taggedVersion = tagger.version();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    prepared.articles.reserve(parsed.items.size());
    prepared.derived.reserve(parsed.items.size());
    for (feeds::FeedItem& item : parsed.items) {
        Article article = feeds::toArticle(item, parsed, allowRemoteContent);
        item = feeds::FeedItem(); // its HTML is in the article now
        if (article.title.isEmpty() && article.text.isEmpty())
            continue;
        article.feedId = feedId;
        article.fetched = now;
        article.mentions = tagger.mentionsIn(article);
        prepared.derived << storage::ArticleDerived::of(article);
        prepared.articles << std::move(article);
    }
    return prepared;
}

Result<FeedStoreReport> storePreparedFeed(QSqlDatabase& db, const PreparedFeed& feed, const QString& etag,
                                          const QString& lastModified) {
    storage::Transaction transaction(db);
    storage::ArticleWriter writer(db);
    FeedStoreReport report;
    const bool derived = feed.derived.size() == feed.articles.size();
    for (qsizetype i = 0; i < feed.articles.size(); ++i) {
        const Article& article = feed.articles[i];
        Result<storage::UpsertResult> stored =
            derived ? writer.upsert(article, feed.taggedVersion, feed.derived[i])
                    : writer.upsert(article, feed.taggedVersion);
        if (!stored)
            return Error{stored.error()};
        switch (stored->outcome) {
        case storage::UpsertOutcome::Inserted:
            ++report.inserted;
            break;
        case storage::UpsertOutcome::Updated:
            ++report.updated;
            break;
        case storage::UpsertOutcome::Unchanged:
            ++report.unchanged;
            break;
        }
    }
    if (Status s = writer.finish(); !s)
        return Error{s.error()};
    if (Status s = storage::updateFeedDetails(db, feed.feedId, feed.title, feed.siteUrl); !s)
        return Error{s.error()};
    if (Status s =
            storage::recordFetch(db, feed.feedId, etag, lastModified, {}, QDateTime::currentDateTimeUtc());
        !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return report;
}

Result<QByteArray> readFeedFile(const QUrl& url, qint64 maxBytes) {
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    const QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("%1 does not exist.").arg(path)};
    if (info.size() > maxBytes)
        return Error{QStringLiteral("%1 is too large (%2 MB; the limit is %3 MB).")
                         .arg(path)
                         .arg(info.size() / (1024 * 1024))
                         .arg(maxBytes / (1024 * 1024))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    QByteArray body = file.read(maxBytes + 1);
    if (body.trimmed().isEmpty())
        return Error{QStringLiteral("%1 is empty.").arg(path)};
    return body;
}

} // namespace mirsad::ingest
