#pragma once

#include "ingest/FeedRefresher.h"
#include "storage/FeedQueries.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::ingest {

// Keeps the subscriptions fresh for the GUI: refreshes feeds when they are due (each feed's
// refresh interval), on demand, and right after subscribing; reports progress per feed and
// overall. All fetching and parsing happens off the UI thread; writes go to the single writer.
class FeedUpdater : public QObject {
    Q_OBJECT
public:
    explicit FeedUpdater(storage::Storage& storage, QObject* parent = nullptr);

    // Checks every `interval` which feeds are due; 0 stops the schedule.
    void setScheduleInterval(std::chrono::milliseconds interval);
    void setFetchOptions(const feeds::FetchOptions& options);

    void refreshAll();
    void refreshFeeds(const QList<qint64>& feedIds);
    void refreshDue();
    // Subscribes to `url` (a feed, or a web page announcing one) in `folderId` and fetches it.
    // A URL whose first fetch fails is not kept. Returns a ticket that subscriptionFinished()
    // hands back once the outcome is known.
    int subscribe(const QUrl& url, const QString& title, qint64 folderId);
    // Gives up a subscription still being checked: it is not kept (unless it was stored already).
    void cancelSubscription(int ticket);
    void cancel();
    bool isBusy() const { return !m_refresher.isIdle(); }

    // The refresh targets for these feeds (only real feeds; local articles are skipped).
    static QList<RefreshTarget> targetsFor(const QList<storage::FeedInfo>& feeds,
                                           storage::FetchReason reason = storage::FetchReason::Asked);
    // The feeds whose last fetch is older than their interval at `now`.
    static QList<storage::FeedInfo> dueFeeds(const QList<storage::FeedInfo>& feeds, const QDateTime& now);

signals:
    void feedStarted(qint64 feedId, const QUrl& url);
    void feedProgress(qint64 feedId, qint64 received, qint64 total);
    void feedFinished(const mirsad::ingest::RefreshOutcome& outcome);
    void progress(int done, int total);
    void finished();
    // A subscribe() has its outcome: the feed (feedId > 0, error empty) or why not (feedId 0,
    // error one sentence naming the address). An address that moved for good to a feed subscribed
    // already gives that feed (feedFinished() said so first: RefreshOutcome::Kind::AlreadySubscribed).
    // Not emitted for a cancelled ticket.
    void subscriptionFinished(int ticket, qint64 feedId, const QString& error);

private:
    void refreshWhere(std::function<QList<storage::FeedInfo>(const QList<storage::FeedInfo>&)> select,
                      storage::FetchReason reason = storage::FetchReason::Asked);

    storage::Storage& m_storage;
    FeedRefresher m_refresher;
    QTimer m_schedule;
    QTimer m_changedSignal; // coalesces "articles changed" notifications during a refresh
    int m_lastTicket = 0;
    QHash<qint64, int> m_subscriptions; // the ticket of a feed being checked, by feed id
    QSet<int> m_cancelled;              // tickets given up before their feed id was known
};

} // namespace mirsad::ingest
