#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "feeds/FeedItem.h"
#include "storage/ArticleWriter.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QUrl>
#include <atomic>
#include <memory>

namespace mirsad::tagging {
class Tagger;
}

namespace mirsad::ingest {

class FeedPreparation;

// An item as read, with the feed's title as known when it was read (an article's source).
struct QueuedItem {
    feeds::FeedItem item;
    QString feedTitle;
};

// Items of a feed turned into articles ready to store: sanitised, tagged, and with what storing
// derives from them (identity, hash, search forms) computed beforehand, off the writer's thread.
struct PreparedArticles {
    QList<Article> articles;
    QList<storage::ArticleDerived> derived; // one per article
};

// What storing a parsed feed needs besides its items.
struct FeedStoreJob {
    qint64 feedId = 0;
    std::shared_ptr<const tagging::Tagger> tagger;
    bool allowRemoteContent = false;
    QString etag; // the fetch's validators, recorded with the feed
    QString lastModified;
    // When set, storing stops at the next chunk and rolls the feed back (the application is
    // closing; the feed is fetched or read again next time).
    std::shared_ptr<const std::atomic_bool> stop;
    // The writer's archive is on PostgreSQL: the articles' search documents are built with the
    // rest of what is derived, on the thread pool, rather than by the writer.
    bool postgres = false;
};

// Sanitises, tags and derives queued items, emptying them as it goes. Runs on the thread pool,
// a chunk of a feed at a time.
PreparedArticles prepareItems(QList<QueuedItem>&& items, const FeedStoreJob& job);

// What storing a feed changed.
struct FeedStoreReport {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QString feedTitle; // as the feed names itself
};

// Stores prepared articles of a feed through `writer`, freeing each once written (the caller
// owns the transaction and calls writer.finish()).
Status storePreparedArticles(storage::ArticleWriter& writer, PreparedArticles&& prepared,
                             const QString& taggedVersion, FeedStoreReport& report);

// Stores a feed in one transaction: its articles (new ones inserted, edited ones updated in
// place), its details and the validators of the fetch. Runs on the writer's thread, taking the
// chunks `preparation` parses and prepares on other threads as they come, so that both cores
// work and a large feed is never whole in memory, parsed or prepared. On any error (a broken
// feed, the writer's) nothing is stored and what was there stays.
Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, FeedPreparation& preparation);
// The same for a body not yet on its way.
Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, const QByteArray& body, const QString& contentType,
                                       const QUrl& url, const FeedStoreJob& job);

// Reads a file named by a file:// URL or a path whole, refusing one past maxBytes (OPML files;
// feed files stream in through FeedPreparation, whatever their size).
Result<QByteArray> readFeedFile(const QUrl& url, qint64 maxBytes);

} // namespace mirsad::ingest
