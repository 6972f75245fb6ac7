#pragma once

#include "feeds/FeedParser.h"
#include "ingest/FeedImport.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QWaitCondition>
#include <deque>
#include <functional>
#include <memory>

namespace mirsad::ingest {

class PreparationLine;

// Carries a feed's items from the thread that parses it to the writer that stores it, in
// chunks: each chunk, once full, is handed to `prepare` (which starts it on the thread pool), so
// that chunks are sanitised and tagged while the parser reads on and the writer writes. A chunk
// waits for room in `line` before it starts, and gives it back when the writer takes it: the
// parser waits meanwhile, so that a large feed is never whole in memory.
class ChunkQueue final : public feeds::FeedItemSink {
public:
    using Prepare = std::function<QFuture<PreparedArticles>(QList<QueuedItem>&&)>;
    ChunkQueue(qsizetype chunkItems, std::shared_ptr<PreparationLine> line, Prepare prepare);
    // Waits for the chunks still in preparation: they may refer to what the owner owns.
    ~ChunkQueue() override;
    ChunkQueue(const ChunkQueue&) = delete;
    ChunkQueue& operator=(const ChunkQueue&) = delete;

    // The parser's side. take() and close() wait while the line has no room for a chunk.
    bool take(feeds::FeedItem&& item, const feeds::ParsedFeed& feed) override;
    void restart() override;
    void close(); // no more items: the last chunk is started, short or not

    // What the writer gets next: a chunk, or word that those it had are void, or the end.
    struct Chunk {
        enum class Kind { Articles, Restart, End };
        Kind kind = Kind::End;
        QFuture<PreparedArticles> articles; // for Articles: takeResult() waits for it (or runs it)
    };
    Chunk next();
    // The writer wants no more: the parser's next take() returns false.
    void cancel();

private:
    bool startChunk(); // false when stopped while waiting for room
    // Drops the chunks waiting (their preparation still runs, and is waited for later); returns
    // how many, for the line.
    qsizetype discardWaiting();

    const qsizetype m_chunkItems;
    const std::shared_ptr<PreparationLine> m_line;
    const Prepare m_prepare;
    QList<QueuedItem> m_filling; // the parser's own: the chunk being filled
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<Chunk> m_waiting;                // for the writer, in order
    qsizetype m_waitingChunks = 0;              // of them, Articles
    QList<QFuture<PreparedArticles>> m_dropped; // discarded by a restart or cancel
};

} // namespace mirsad::ingest
