#include "ingest/PreparationLine.h"

namespace mirsad::ingest {

PreparationLine::PreparationLine(qsizetype chunksAhead)
    : m_chunksAhead(qMax<qsizetype>(1, chunksAhead)) {
}

quint64 PreparationLine::take() {
    QMutexLocker lock(&m_mutex);
    return m_next++;
}

bool PreparationLine::beginParsing(quint64 ticket, const feeds::FeedItemSink& sink) {
    QMutexLocker lock(&m_mutex);
    while (m_serving != ticket && !sink.stopped())
        m_changed.wait(&m_mutex);
    if (!sink.stopped())
        return true;
    if (m_serving == ticket) {
        ++m_serving;
        advance();
    } else {
        m_givenUp.append(ticket);
    }
    return false;
}

void PreparationLine::endParsing(quint64 ticket) {
    QMutexLocker lock(&m_mutex);
    Q_ASSERT(ticket == m_serving);
    ++m_serving;
    advance();
}

void PreparationLine::advance() {
    while (m_givenUp.removeOne(m_serving))
        ++m_serving;
    m_changed.wakeAll();
}

bool PreparationLine::acquireChunk(const feeds::FeedItemSink& sink) {
    QMutexLocker lock(&m_mutex);
    while (m_chunks >= m_chunksAhead && !sink.stopped())
        m_changed.wait(&m_mutex);
    if (sink.stopped())
        return false;
    ++m_chunks;
    return true;
}

void PreparationLine::releaseChunks(qsizetype count) {
    if (count <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    m_chunks -= count;
    Q_ASSERT(m_chunks >= 0);
    m_changed.wakeAll();
}

void PreparationLine::wake() {
    QMutexLocker lock(&m_mutex);
    m_changed.wakeAll();
}

} // namespace mirsad::ingest
