#include "ingest/FeedImport.h"

#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"
#include "ingest/ChunkQueue.h"
#include "ingest/FeedPreparation.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "storage/PostgresSearch.h"
#include "tagging/Tagger.h"

#include <QFile>
#include <QFileInfo>

namespace mirsad::ingest {

PreparedArticles prepareItems(QList<QueuedItem>&& items, const FeedStoreJob& job) {
    PreparedArticles prepared;
    prepared.articles.reserve(items.size());
    prepared.derived.reserve(items.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    feeds::ParsedFeed feed; // what toArticle reads of the feed: its title
    for (QueuedItem& queued : items) {
        feed.title = queued.feedTitle;
        Article article = feeds::toArticle(queued.item, feed, job.allowRemoteContent);
        queued = {}; // its HTML is in the article now
        if (article.title.isEmpty() && article.text.isEmpty())
            continue;
        article.feedId = job.feedId;
        article.fetched = now;
        article.mentions = job.tagger->mentionsIn(article);
        prepared.derived << storage::ArticleDerived::of(article);
        if (job.postgres) {
            storage::ArticleDerived& derived = prepared.derived.last();
            derived.postgresDocument =
                storage::postgresSearchDocumentBinary(derived.searchTitle, derived.searchBody);
        }
        // Stored from their forms in `derived`: the chunks prepared ahead of the writer hold
        // those alone.
        article.mentions = {};
        article.html.clear();
        article.text.clear();
        prepared.articles << std::move(article);
    }
    return prepared;
}

Status storePreparedArticles(storage::ArticleWriter& writer, PreparedArticles&& prepared,
                             const QString& taggedVersion, FeedStoreReport& report) {
    if (Status s = writer.lookAhead(prepared.articles, prepared.derived); !s)
        return s;
    for (qsizetype i = 0; i < prepared.articles.size(); ++i) {
        Result<storage::UpsertResult> stored =
            writer.upsert(prepared.articles[i], taggedVersion, prepared.derived[i]);
        if (!stored)
            return Error{stored.error()};
        prepared.articles[i] = Article();
        prepared.derived[i] = storage::ArticleDerived();
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
    return {};
}

namespace {

enum class ChunksEnd { AllStored, Restart };

// Writes the chunks of one feed as they come, until its end or a restart of the reading.
Result<ChunksEnd> storeChunks(ChunkQueue& chunks, storage::ArticleWriter& writer, const FeedStoreJob& job,
                              FeedStoreReport& report) {
    const QString& taggedVersion = job.tagger->version();
    for (;;) {
        if (job.stop && job.stop->load())
            return Error{QStringLiteral("Storing the feed was stopped.")}; // rolled back
        ChunkQueue::Chunk chunk = chunks.next();
        switch (chunk.kind) {
        case ChunkQueue::Chunk::Kind::Restart:
            return ChunksEnd::Restart;
        case ChunkQueue::Chunk::Kind::End:
            return ChunksEnd::AllStored;
        case ChunkQueue::Chunk::Kind::Articles:
            if (Status s = storePreparedArticles(writer, chunk.articles.takeResult(), taggedVersion, report);
                !s)
                return Error{s.error()};
        }
    }
}

} // namespace

Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, FeedPreparation& preparation) {
    const FeedStoreJob& job = preparation.job();
    if (!job.tagger)
        return Error{QStringLiteral("Storing a feed needs the names to tag it with.")};
    for (;;) { // once, or again when the parser reads the document again
        storage::Transaction transaction(db);
        storage::ArticleWriter writer(db);
        FeedStoreReport report;
        Result<ChunksEnd> stored = storeChunks(preparation.chunks(), writer, job, report);
        if (!stored)
            return Error{stored.error()}; // the parser is stopped on the way out
        if (*stored == ChunksEnd::Restart)
            continue; // the transaction rolls back
        // Stopped while waiting for the last chunk: the reading may have ended because it was
        // stopped, with a part of the feed. Recorded as fetched, the feed would not be due at the
        // next start, and the rest never read: roll back instead, and it is read again whole.
        if (job.stop && job.stop->load())
            return Error{QStringLiteral("Storing the feed was stopped.")};
        const Result<feeds::ParsedFeed>& parsed = preparation.result();
        if (!parsed)
            return Error{parsed.error()};
        if (Status s = writer.finish(); !s)
            return Error{s.error()};
        const QString siteUrl = parsed->siteLink.toString(QUrl::FullyEncoded);
        if (Status s = storage::updateFeedDetails(db, job.feedId, parsed->title, siteUrl); !s)
            return Error{s.error()};
        if (Status s = storage::recordFetch(db, job.feedId, job.etag, job.lastModified, {},
                                            QDateTime::currentDateTimeUtc());
            !s)
            return Error{s.error()};
        if (Status s = transaction.commit(); !s)
            return Error{s.error()};
        report.feedTitle = parsed->title;
        return report;
    }
}

Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, const QByteArray& body, const QString& contentType,
                                       const QUrl& url, const FeedStoreJob& job) {
    FeedPreparation preparation(body, contentType, url, job);
    return importFeedBody(db, preparation);
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
    // read(n) reserves n bytes first: ask for what the file holds (it may still grow meanwhile).
    QByteArray body = file.read(qMin(info.size(), maxBytes) + 1);
    if (body.trimmed().isEmpty())
        return Error{QStringLiteral("%1 is empty.").arg(path)};
    return body;
}

} // namespace mirsad::ingest
