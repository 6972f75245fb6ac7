#include "ingest/ChunkQueue.h"

#include "ingest/PreparationLine.h"

namespace mirsad::ingest {

ChunkQueue::ChunkQueue(qsizetype chunkItems, std::shared_ptr<PreparationLine> line, Prepare prepare)
    : m_chunkItems(qMax<qsizetype>(1, chunkItems))
    , m_line(std::move(line))
    , m_prepare(std::move(prepare)) {
}

ChunkQueue::~ChunkQueue() {
    m_line->releaseChunks(discardWaiting());
    for (QFuture<PreparedArticles>& dropped : m_dropped)
        dropped.waitForFinished();
}

bool ChunkQueue::take(feeds::FeedItem&& item, const feeds::ParsedFeed& feed) {
    if (stopped())
        return false;
    m_filling.append({std::move(item), feed.title});
    return m_filling.size() < m_chunkItems || startChunk();
}

bool ChunkQueue::startChunk() {
    if (!m_line->acquireChunk(*this)) {
        m_filling.clear();
        return false;
    }
    QMutexLocker lock(&m_mutex);
    if (stopped()) { // cancelled since: the room goes back
        lock.unlock();
        m_line->releaseChunks(1);
        m_filling.clear();
        return false;
    }
    m_waiting.push_back({Chunk::Kind::Articles, m_prepare(std::exchange(m_filling, {}))});
    ++m_waitingChunks;
    m_changed.wakeAll();
    return true;
}

qsizetype ChunkQueue::discardWaiting() {
    m_dropped.removeIf([](const QFuture<PreparedArticles>& f) { return f.isFinished(); });
    for (Chunk& chunk : m_waiting) {
        if (chunk.kind == Chunk::Kind::Articles)
            m_dropped.append(std::move(chunk.articles));
    }
    m_waiting.clear();
    return std::exchange(m_waitingChunks, 0);
}

void ChunkQueue::restart() {
    m_filling.clear();
    QMutexLocker lock(&m_mutex);
    const qsizetype dropped = discardWaiting(); // never handed out; those that were are the writer's to undo
    m_waiting.push_back({Chunk::Kind::Restart, {}});
    m_changed.wakeAll();
    lock.unlock();
    m_line->releaseChunks(dropped);
}

void ChunkQueue::close() {
    if (!m_filling.isEmpty() && !startChunk())
        return;
    QMutexLocker lock(&m_mutex);
    m_waiting.push_back({Chunk::Kind::End, {}});
    m_changed.wakeAll();
}

void ChunkQueue::cancel() {
    QMutexLocker lock(&m_mutex);
    stop();
    const qsizetype dropped = discardWaiting();
    m_changed.wakeAll();
    lock.unlock();
    m_line->releaseChunks(dropped);
    m_line->wake(); // the parser may wait in the line, for its turn or for room
}

ChunkQueue::Chunk ChunkQueue::next() {
    QMutexLocker lock(&m_mutex);
    while (m_waiting.empty() && !stopped())
        m_changed.wait(&m_mutex);
    if (m_waiting.empty())
        return {Chunk::Kind::End, {}}; // cancelled: the writer is on its way out anyway
    Chunk chunk = std::move(m_waiting.front());
    m_waiting.pop_front();
    const bool articles = chunk.kind == Chunk::Kind::Articles;
    if (articles)
        --m_waitingChunks;
    lock.unlock();
    if (articles)
        m_line->releaseChunks(1);
    return chunk;
}

} // namespace mirsad::ingest
