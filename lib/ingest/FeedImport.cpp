#include "ingest/FeedImport.h"

#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"
#include "ingest/ArticleTagging.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace mirsad::ingest {

PreparedArticles prepareItems(feeds::ParsedFeed& parsed, qsizetype from, qsizetype to,
                              const FeedStoreJob& job) {
    PreparedArticles prepared;
    prepared.articles.reserve(to - from);
    prepared.derived.reserve(to - from);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // data() once: other threads take other ranges of the same list.
    feeds::FeedItem* items = parsed.items.data();
    for (qsizetype i = from; i < to; ++i) {
        Article article = feeds::toArticle(items[i], parsed, job.allowRemoteContent);
        items[i] = feeds::FeedItem(); // its HTML is in the article now
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

// Writes the chunks of one feed while the pool prepares the next; always waits for the chunk
// in preparation before returning, since it works on the caller's items.
class ChunkedStore {
public:
    ChunkedStore(feeds::ParsedFeed& parsed, const FeedStoreJob& job)
        : m_parsed(parsed)
        , m_job(job) {}
    ~ChunkedStore() { m_next.waitForFinished(); }
    ChunkedStore(const ChunkedStore&) = delete;
    ChunkedStore& operator=(const ChunkedStore&) = delete;

    Status run(storage::ArticleWriter& writer, FeedStoreReport& report) {
        const qsizetype count = m_parsed.items.size();
        if (count == 0)
            return {};
        m_parsed.items.detach(); // before any worker touches the items
        prepareFrom(0);
        for (qsizetype from = 0; from < count; from += kChunkItems) {
            PreparedArticles chunk = m_next.takeResult();
            if (from + kChunkItems < count)
                prepareFrom(from + kChunkItems);
            if (Status s = storePreparedArticles(writer, std::move(chunk), m_job.tagger->version(), report);
                !s)
                return s;
        }
        return {};
    }

private:
    void prepareFrom(qsizetype from) {
        const qsizetype to = qMin(from + kChunkItems, m_parsed.items.size());
        m_next = QtConcurrent::run([this, from, to] { return prepareItems(m_parsed, from, to, m_job); });
    }

    feeds::ParsedFeed& m_parsed;
    const FeedStoreJob& m_job;
    QFuture<PreparedArticles> m_next;
};

} // namespace

Result<FeedStoreReport> storeParsedFeed(QSqlDatabase& db, feeds::ParsedFeed parsed, const FeedStoreJob& job) {
    if (!job.tagger)
        return Error{QStringLiteral("Storing a feed needs the names to tag it with.")};
    storage::Transaction transaction(db);
    storage::ArticleWriter writer(db);
    FeedStoreReport report;
    {
        ChunkedStore chunks(parsed, job);
        if (Status s = chunks.run(writer, report); !s)
            return Error{s.error()};
    }
    if (Status s = writer.finish(); !s)
        return Error{s.error()};
    const QString siteUrl = parsed.siteLink.toString(QUrl::FullyEncoded);
    if (Status s = storage::updateFeedDetails(db, job.feedId, parsed.title, siteUrl); !s)
        return Error{s.error()};
    if (Status s = storage::recordFetch(db, job.feedId, job.etag, job.lastModified, {},
                                        QDateTime::currentDateTimeUtc());
        !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return report;
}

Result<FeedStoreReport> importFeedBody(QSqlDatabase& db, const QByteArray& body, const QString& contentType,
                                       const QUrl& url, const FeedStoreJob& job) {
    Result<feeds::ParsedFeed> parsed = feeds::parseFeed(body, contentType, url);
    if (!parsed)
        return Error{parsed.error()};
    return storeParsedFeed(db, std::move(parsed).value(), job);
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
