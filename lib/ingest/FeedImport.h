#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "feeds/FeedItem.h"
#include "storage/ArticleWriter.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QUrl>

namespace mirsad::ingest {

class Tagger;

// A feed body turned into articles ready to store: parsed, sanitised and tagged. This is the
// CPU-heavy part of a refresh and runs on worker threads, away from the single writer.
struct PreparedFeed {
    qint64 feedId = 0;
    QString title;
    QString siteUrl;
    QString format;
    QList<Article> articles;
    QList<storage::ArticleDerived> derived; // one per article: its key, hash and search forms
    QString taggedVersion;
};

// Parses, sanitises and tags a feed body.
Result<PreparedFeed> prepareFeed(const QByteArray& body, const QString& contentType, const QUrl& url,
                                 qint64 feedId, const Tagger& tagger, bool allowRemoteContent);

// Sanitises and tags the items of a parsed feed, consuming them one by one so that the feed is
// never held twice in memory.
PreparedFeed prepareParsedFeed(feeds::ParsedFeed&& parsed, qint64 feedId, const Tagger& tagger,
                               bool allowRemoteContent);

// What storing a feed changed.
struct FeedStoreReport {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

// Stores a prepared feed in one transaction: its articles (new ones inserted, edited ones
// updated in place), its details and the validators of the fetch. On an error nothing is
// stored and what was there before stays.
Result<FeedStoreReport> storePreparedFeed(QSqlDatabase& db, const PreparedFeed& feed, const QString& etag,
                                          const QString& lastModified);

// Reads a feed file named by a file:// URL or a path (with the same size cap as fetches).
Result<QByteArray> readFeedFile(const QUrl& url, qint64 maxBytes);

} // namespace mirsad::ingest
