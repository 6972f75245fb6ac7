#pragma once

#include "core/Result.h"
#include "ingest/ChunkQueue.h"
#include "ingest/FeedImport.h"

#include <QByteArray>
#include <QUrl>
#include <functional>
#include <memory>

class QThread;

namespace mirsad::ingest {

class PreparationLine;

// A fetched feed on its way to the writer, from the moment it is made: parsed on a thread of its
// own when its turn in `line` comes, its items sanitised, tagged and derived on the thread pool a
// chunk at a time, ahead of the writer as far as the line has room (see ChunkQueue).
class FeedPreparation {
public:
    // Without a line, the feed has one of its own, with room for kChunksAhead chunks.
    FeedPreparation(QByteArray body, const QString& contentType, const QUrl& url, FeedStoreJob job,
                    std::shared_ptr<PreparationLine> line = {});
    // A feed file on disk, read as it is parsed, whatever its size (see feeds::parseFeedFile).
    FeedPreparation(const QString& localFile, const QUrl& url, FeedStoreJob job,
                    std::shared_ptr<PreparationLine> line = {});
    // Stops the parser and waits for it and for the chunks in preparation.
    ~FeedPreparation();
    FeedPreparation(const FeedPreparation&) = delete;
    FeedPreparation& operator=(const FeedPreparation&) = delete;

    const FeedStoreJob& job() const { return m_job; }
    ChunkQueue& chunks() { return m_chunks; }
    // The feed's details, or why it could not be read; waits for the parser to finish.
    const Result<feeds::ParsedFeed>& result();

    // Items per chunk. The writer waits for the first chunk of a feed that was not prepared
    // ahead; 64 keeps that wait and each chunk's memory small, while a chunk's own cost (a task,
    // two lists) stays negligible beside 64 articles.
    static constexpr qsizetype kChunkItems = 64;
    // Chunks waiting for the writer, in all the line: enough that the writer never waits for a
    // prepared chunk, few enough that they hold little memory.
    static constexpr qsizetype kChunksAhead = 4;
    // The same for a writer on PostgreSQL: it waits while the server writes a batch of articles
    // (storage::PostgresArticleWriter), and the preparation goes on meanwhile, as far as this.
    static constexpr qsizetype kPostgresChunksAhead = 12;

private:
    FeedPreparation(FeedStoreJob job, std::shared_ptr<PreparationLine> line);
    // Starts the parser thread; `parse` reads the feed into the chunks.
    void startParsing(std::function<Result<feeds::ParsedFeed>()> parse);

    const FeedStoreJob m_job;
    const std::shared_ptr<PreparationLine> m_line;
    const quint64 m_ticket;
    ChunkQueue m_chunks;
    Result<feeds::ParsedFeed> m_result = Error{QString()};
    std::unique_ptr<QThread> m_thread;
};

} // namespace mirsad::ingest
