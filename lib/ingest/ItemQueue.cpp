#include "ingest/ItemQueue.h"

namespace mirsad::ingest {

ItemQueue::ItemQueue(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity)) {
}

bool ItemQueue::take(feeds::FeedItem&& item, const feeds::ParsedFeed& feed) {
    QMutexLocker lock(&m_mutex);
    while (qsizetype(m_items.size()) >= m_capacity && !stopped())
        m_changed.wait(&m_mutex);
    if (stopped())
        return false;
    m_items.push_back({std::move(item), feed.title});
    m_changed.wakeAll();
    return true;
}

void ItemQueue::restart() {
    QMutexLocker lock(&m_mutex);
    m_items.clear(); // never handed out; those that were are the writer's to undo
    m_restart = true;
    m_changed.wakeAll();
}

void ItemQueue::close() {
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_changed.wakeAll();
}

void ItemQueue::cancel() {
    QMutexLocker lock(&m_mutex);
    stop();
    m_items.clear();
    m_changed.wakeAll();
}

ItemQueue::Batch ItemQueue::next(qsizetype max) {
    QMutexLocker lock(&m_mutex);
    while (!m_restart && !m_closed && qsizetype(m_items.size()) < qMin(max, m_capacity))
        m_changed.wait(&m_mutex);
    Batch batch;
    if (m_restart) {
        m_restart = false;
        batch.restart = true;
        return batch;
    }
    const qsizetype count = qMin(max, qsizetype(m_items.size()));
    batch.items.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        batch.items.append(std::move(m_items.front()));
        m_items.pop_front();
    }
    batch.end = m_closed && m_items.empty();
    m_changed.wakeAll();
    return batch;
}

} // namespace mirsad::ingest
