#pragma once

#include "feeds/FeedFetcher.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>

class QNetworkAccessManager;

namespace mirsad::feeds {

// Runs many fetches, at most maxConcurrent() at once (default 4), in the thread that owns it,
// without blocking: signals report each feed's start, bytes and result, and the batch's progress.
class FetchQueue : public QObject {
    Q_OBJECT
public:
    explicit FetchQueue(QObject* parent = nullptr); // with its own QNetworkAccessManager
    FetchQueue(QNetworkAccessManager* network, QObject* parent = nullptr);

    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    void setOptions(const FetchOptions& options) { m_options = options; }
    const FetchOptions& options() const { return m_options; }

    void enqueue(const FetchRequest& request);
    void enqueue(const QList<FetchRequest>& requests);
    // Drops the waiting requests and cancels the running ones (they finish with an error).
    void abortAll();
    // Cancels the request for this feed, waiting or running; it finishes with an error.
    void abort(qint64 feedId);

    int waitingCount() const { return int(m_waiting.size()); }
    int runningCount() const { return int(m_running.size()); }
    bool isIdle() const { return m_waiting.isEmpty() && m_running.isEmpty(); }

signals:
    void fetchStarted(qint64 feedId, const QUrl& url);
    void fetchProgress(qint64 feedId, const QUrl& url, qint64 received, qint64 total);
    void fetchFinished(const mirsad::feeds::FetchResult& result);
    // finished of total requests since the queue was last idle.
    void overallProgress(int finished, int total);
    void allFinished();

private:
    void startMore();
    void onFetcherFinished(FeedFetcher* fetcher, const FetchResult& result);

    QNetworkAccessManager* m_network;
    FetchOptions m_options;
    int m_maxConcurrent = 4;
    QQueue<FetchRequest> m_waiting;
    QList<FeedFetcher*> m_running;
    QHash<FeedFetcher*, qint64> m_runningFeeds; // the feed each running fetcher is for
    int m_finished = 0;
    int m_total = 0;
};

} // namespace mirsad::feeds
