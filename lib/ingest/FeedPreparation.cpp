#include "ingest/FeedPreparation.h"

#include "feeds/FeedFile.h"
#include "feeds/FeedParser.h"
#include "ingest/PreparationLine.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace mirsad::ingest {

FeedPreparation::FeedPreparation(FeedStoreJob job, std::shared_ptr<PreparationLine> line)
    : m_job(std::move(job))
    , m_line(line ? std::move(line) : std::make_shared<PreparationLine>(kChunksAhead))
    , m_ticket(m_line->take())
    , m_chunks(kChunkItems, m_line, [this](QList<QueuedItem>&& items) {
        return QtConcurrent::run(
            [this, items = std::move(items)]() mutable { return prepareItems(std::move(items), m_job); });
    }) {
}

FeedPreparation::FeedPreparation(QByteArray body, const QString& contentType, const QUrl& url,
                                 FeedStoreJob job, std::shared_ptr<PreparationLine> line)
    : FeedPreparation(std::move(job), std::move(line)) {
    auto held = std::make_shared<QByteArray>(std::move(body));
    startParsing([this, held, contentType, url] {
        Result<feeds::ParsedFeed> parsed = feeds::parseFeed(*held, contentType, url, m_chunks);
        *held = {}; // parsed: the next feed's may be read meanwhile
        return parsed;
    });
}

FeedPreparation::FeedPreparation(const QString& localFile, const QUrl& url, FeedStoreJob job,
                                 std::shared_ptr<PreparationLine> line)
    : FeedPreparation(std::move(job), std::move(line)) {
    startParsing([this, localFile, url] { return feeds::parseFeedFile(localFile, url, m_chunks); });
}

void FeedPreparation::startParsing(std::function<Result<feeds::ParsedFeed>()> parse) {
    m_thread.reset(QThread::create([this, parse = std::move(parse)] {
        if (!m_line->beginParsing(m_ticket, m_chunks)) {
            m_result = Error{QStringLiteral("Reading was stopped.")};
            return;
        }
        m_result = parse();
        // The last chunk takes its room before the turn passes: the next feed's parser could
        // otherwise take all the room, while the writer waits for this feed's end.
        m_chunks.close();
        m_line->endParsing(m_ticket);
    }));
    m_thread->start();
}

FeedPreparation::~FeedPreparation() {
    m_chunks.cancel();
    m_thread->wait();
}

const Result<feeds::ParsedFeed>& FeedPreparation::result() {
    m_thread->wait();
    return m_result;
}

} // namespace mirsad::ingest
