#include "ingest/FeedImport.h"

#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"
#include "ingest/ArticleTagging.h"
#include "ingest/ItemQueue.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

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
        article.mentions = {}; // stored from their encoded form in `derived`
        prepared.articles << std::move(article);
    }
    return prepared;
}

Status storePreparedArticles(storage::ArticleWriter& writer, PreparedArticles&& prepared,
                             const QString& taggedVersion, FeedStoreReport& report) {
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

// Items per chunk. The writer waits for the first chunk of every feed with nothing to write,
// and two prepared chunks (the one written, the one being prepared) are in memory at once: 64
// keeps both small (bench_ingest against 256: about 4 % faster, 6-10 MB less at the peak),
// while a chunk's own cost (a task, two lists) stays negligible beside 64 articles.
constexpr qsizetype kChunkItems = 64;

// Parsed items waiting for the writer: enough that the parser is rarely what it waits for.
constexpr qsizetype kQueuedItems = 2 * kChunkItems;

enum class ChunksEnd { AllStored, Restart };

// Writes the chunks of one feed as the queue delivers them while the pool prepares the next;
// always waits for the chunk in preparation before returning.
class ChunkedStore {
public:
    ChunkedStore(ItemQueue& queue, const FeedStoreJob& job)
        : m_queue(queue)
        , m_job(job) {}
    ~ChunkedStore() { m_next.waitForFinished(); }
    ChunkedStore(const ChunkedStore&) = delete;
    ChunkedStore& operator=(const ChunkedStore&) = delete;

    Result<ChunksEnd> run(storage::ArticleWriter& writer, FeedStoreReport& report) {
        ItemQueue::Batch batch = m_queue.next(kChunkItems);
        if (batch.restart)
            return ChunksEnd::Restart;
        prepare(std::move(batch.items));
        while (!batch.end) {
            batch = m_queue.next(kChunkItems);
            if (batch.restart)
                return ChunksEnd::Restart;
            PreparedArticles chunk = m_next.takeResult();
            prepare(std::move(batch.items));
            if (Status s = storePreparedArticles(writer, std::move(chunk), m_job.tagger->version(), report);
                !s)
                return Error{s.error()};
        }
        if (Status s = storePreparedArticles(writer, m_next.takeResult(), m_job.tagger->version(), report);
            !s)
            return Error{s.error()};
        return ChunksEnd::AllStored;
    }

private:
    void prepare(QList<QueuedItem>&& items) {
        m_next = QtConcurrent::run(
            [items = std::move(items), this]() mutable { return prepareItems(std::move(items), m_job); });
    }

    ItemQueue& m_queue;
    const FeedStoreJob& m_job;
    QFuture<PreparedArticles> m_next;
};

// Parses a feed body on its own thread into a queue, for as long as it lives.
class FeedParsing {
public:
    FeedParsing(const QByteArray& body, const QString& contentType, const QUrl& url)
        : m_queue(kQueuedItems)
        , m_thread(QThread::create([this, body, contentType, url] {
            m_result = feeds::parseFeed(body, contentType, url, m_queue);
            m_queue.close();
        })) {
        m_thread->start();
    }
    ~FeedParsing() {
        m_queue.cancel();
        m_thread->wait();
    }
    FeedParsing(const FeedParsing&) = delete;
    FeedParsing& operator=(const FeedParsing&) = delete;

    ItemQueue& queue() { return m_queue; }
    // The feed's details, or why it could not be read; once the queue has ended.
    const Result<feeds::ParsedFeed>& result() {
        m_thread->wait();
        return m_result;
    }

private:
    ItemQueue m_queue;
    Result<feeds::ParsedFeed> m_result = Error{QString()};
    std::unique_ptr<QThread> m_thread;
};

} // namespace

Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, const QByteArray& body, const QString& contentType,
                                       const QUrl& url, const FeedStoreJob& job) {
    if (!job.tagger)
        return Error{QStringLiteral("Storing a feed needs the names to tag it with.")};
    FeedParsing parsing(body, contentType, url);
    for (;;) { // once, or again when the parser reads the document again
        storage::Transaction transaction(db);
        storage::ArticleWriter writer(db);
        FeedStoreReport report;
        Result<ChunksEnd> stored = [&] {
            ChunkedStore chunks(parsing.queue(), job);
            return chunks.run(writer, report);
        }();
        if (!stored)
            return Error{stored.error()}; // the parser is stopped on the way out
        if (*stored == ChunksEnd::Restart)
            continue; // the transaction rolls back
        const Result<feeds::ParsedFeed>& parsed = parsing.result();
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
