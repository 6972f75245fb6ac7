#include "feeds/FetchQueue.h"

#include <QNetworkAccessManager>

namespace mirsad::feeds {

FetchQueue::FetchQueue(QObject* parent)
    : FetchQueue(new QNetworkAccessManager, parent) {
    m_network->setParent(this);
}

FetchQueue::FetchQueue(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network) {
}

void FetchQueue::setMaxConcurrent(int count) {
    m_maxConcurrent = std::max(1, count);
    startMore();
}

void FetchQueue::enqueue(const FetchRequest& request) {
    m_waiting.enqueue(request);
    ++m_total;
    emit overallProgress(m_finished, m_total);
    startMore();
}

void FetchQueue::enqueue(const QList<FetchRequest>& requests) {
    for (const FetchRequest& request : requests)
        m_waiting.enqueue(request);
    m_total += int(requests.size());
    emit overallProgress(m_finished, m_total);
    startMore();
}

void FetchQueue::abortAll() {
    m_total -= int(m_waiting.size());
    m_waiting.clear();
    const QList<FeedFetcher*> running = m_running;
    for (FeedFetcher* fetcher : running)
        fetcher->abort();
}

void FetchQueue::abort(qint64 feedId) {
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        if (m_waiting[i].feedId != feedId)
            continue;
        const FetchRequest request = m_waiting.takeAt(i);
        FetchResult result;
        result.feedId = request.feedId;
        result.requestedUrl = request.url;
        result.status = FetchStatus::Error;
        result.error = QStringLiteral("Fetching %1 was cancelled.").arg(request.url.toDisplayString());
        // Reported like any other fetch, but not from inside the caller's call.
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                ++m_finished;
                emit fetchFinished(result);
                emit overallProgress(m_finished, m_total);
                if (isIdle()) {
                    m_finished = 0;
                    m_total = 0;
                    emit allFinished();
                }
            },
            Qt::QueuedConnection);
        return;
    }
    for (auto it = m_runningFeeds.cbegin(); it != m_runningFeeds.cend(); ++it) {
        if (it.value() == feedId) {
            it.key()->abort();
            return;
        }
    }
}

void FetchQueue::startMore() {
    while (m_running.size() < m_maxConcurrent && !m_waiting.isEmpty()) {
        const FetchRequest request = m_waiting.dequeue();
        auto* fetcher = new FeedFetcher(m_network, this);
        fetcher->setOptions(m_options);
        m_running.append(fetcher);
        m_runningFeeds.insert(fetcher, request.feedId);
        connect(fetcher, &FeedFetcher::progress, this, [this, request](qint64 received, qint64 total) {
            emit fetchProgress(request.feedId, request.url, received, total);
        });
        connect(fetcher, &FeedFetcher::finished, this,
                [this, fetcher](const FetchResult& result) { onFetcherFinished(fetcher, result); });
        emit fetchStarted(request.feedId, request.url);
        fetcher->start(request);
    }
}

void FetchQueue::onFetcherFinished(FeedFetcher* fetcher, const FetchResult& result) {
    m_running.removeOne(fetcher);
    m_runningFeeds.remove(fetcher);
    fetcher->deleteLater();
    ++m_finished;
    emit fetchFinished(result);
    emit overallProgress(m_finished, m_total);
    startMore();
    if (isIdle()) {
        m_finished = 0;
        m_total = 0;
        emit allFinished();
    }
}

} // namespace mirsad::feeds
