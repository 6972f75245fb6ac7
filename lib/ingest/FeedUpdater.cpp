#include "ingest/FeedUpdater.h"

#include "storage/Storage.h"

namespace mirsad::ingest {

FeedUpdater::FeedUpdater(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_refresher(storage.writer()) {
    m_schedule.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_schedule, &QTimer::timeout, this, &FeedUpdater::refreshDue);
    m_changedSignal.setSingleShot(true);
    m_changedSignal.setInterval(400);
    connect(&m_changedSignal, &QTimer::timeout, &m_storage, &storage::Storage::notifyArticlesChanged);

    connect(&m_refresher, &FeedRefresher::feedStarted, this, &FeedUpdater::feedStarted);
    connect(&m_refresher, &FeedRefresher::feedProgress, this, &FeedUpdater::feedProgress);
    connect(&m_refresher, &FeedRefresher::progress, this, &FeedUpdater::progress);
    connect(&m_refresher, &FeedRefresher::feedFinished, this, [this](const RefreshOutcome& outcome) {
        // A colleague's fetch stored its articles already: the list shows them (the live updates
        // do too, unless this window does not listen).
        const bool colleagueStored =
            outcome.kind == RefreshOutcome::Kind::FetchedElsewhere && !outcome.fetchingNow;
        if (((outcome.kind == RefreshOutcome::Kind::Stored &&
              (outcome.report.inserted > 0 || outcome.report.updated > 0)) ||
             colleagueStored) &&
            !m_changedSignal.isActive())
            m_changedSignal.start();
        else if (outcome.kind != RefreshOutcome::Kind::Stored)
            m_storage.notifyFeedsChanged(); // the feed's error state or its removal shows
        emit feedFinished(outcome);
        if (const auto ticket = m_subscriptions.find(outcome.feedId); ticket != m_subscriptions.end()) {
            const int number = *ticket;
            m_subscriptions.erase(ticket);
            if (m_cancelled.remove(number)) {
                // Stored before the cancel reached it: the user said no, so it goes again.
                if (outcome.kind != RefreshOutcome::Kind::Failed && !outcome.removed)
                    m_storage.writer()
                        .run([feedId = outcome.feedId](QSqlDatabase& db) {
                            return storage::deleteFeed(db, feedId);
                        })
                        .then(this, [this](const Status&) {
                            m_storage.notifyFeedsChanged();
                            m_storage.notifyArticlesChanged();
                        });
                return;
            }
            const bool failed = outcome.kind == RefreshOutcome::Kind::Failed;
            // An address that moved to a feed subscribed already is that feed.
            const qint64 feedId = outcome.kind == RefreshOutcome::Kind::AlreadySubscribed
                                      ? outcome.existingFeedId
                                      : outcome.feedId;
            emit subscriptionFinished(number, failed ? 0 : feedId, failed ? outcome.error : QString());
        }
    });
    connect(&m_refresher, &FeedRefresher::finished, this, [this] {
        if (m_changedSignal.isActive()) {
            m_changedSignal.stop();
            m_storage.notifyArticlesChanged();
        }
        m_storage.notifyFeedsChanged();
        emit finished();
    });
}

void FeedUpdater::setScheduleInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0) {
        m_schedule.stop();
        return;
    }
    m_schedule.start(interval);
}

void FeedUpdater::setFetchOptions(const feeds::FetchOptions& options) {
    m_refresher.setFetchOptions(options);
}

QList<RefreshTarget> FeedUpdater::targetsFor(const QList<storage::FeedInfo>& feeds,
                                             storage::FetchReason reason) {
    QList<RefreshTarget> targets;
    for (const storage::FeedInfo& feed : feeds) {
        if (feed.kind != u"feed")
            continue;
        RefreshTarget target;
        target.feedId = feed.id;
        target.url = QUrl(feed.url);
        target.title = feed.title;
        target.etag = feed.etag;
        target.lastModified = feed.lastModified;
        target.allowRemoteContent = feed.allowRemoteContent;
        target.reason = reason;
        targets << target;
    }
    return targets;
}

QList<storage::FeedInfo> FeedUpdater::dueFeeds(const QList<storage::FeedInfo>& feeds, const QDateTime& now) {
    QList<storage::FeedInfo> due;
    for (const storage::FeedInfo& feed : feeds) {
        if (feed.kind != u"feed")
            continue;
        if (!feed.lastFetched.isValid() || feed.lastFetched.secsTo(now) >= qint64(feed.refreshMinutes) * 60)
            due << feed;
    }
    return due;
}

void FeedUpdater::refreshWhere(
    std::function<QList<storage::FeedInfo>(const QList<storage::FeedInfo>&)> select,
    storage::FetchReason reason) {
    m_storage.reader()
        .run([](QSqlDatabase& db) { return storage::listFeeds(db); })
        .then(this, [this, select, reason](const Result<QList<storage::FeedInfo>>& feeds) {
            if (feeds)
                m_refresher.refresh(targetsFor(select(*feeds), reason));
        });
}

void FeedUpdater::refreshAll() {
    refreshWhere([](const QList<storage::FeedInfo>& feeds) { return feeds; });
}

void FeedUpdater::refreshFeeds(const QList<qint64>& feedIds) {
    refreshWhere([feedIds](const QList<storage::FeedInfo>& feeds) {
        QList<storage::FeedInfo> chosen;
        for (const storage::FeedInfo& feed : feeds) {
            if (feedIds.contains(feed.id))
                chosen << feed;
        }
        return chosen;
    });
}

void FeedUpdater::refreshDue() {
    refreshWhere(
        [](const QList<storage::FeedInfo>& feeds) {
            return dueFeeds(feeds, QDateTime::currentDateTimeUtc());
        },
        storage::FetchReason::Due);
}

int FeedUpdater::subscribe(const QUrl& url, const QString& title, qint64 folderId) {
    const int ticket = ++m_lastTicket;
    const auto finish = [this, ticket](qint64 feedId, const QString& error) {
        // Never from inside subscribe(): the caller connects to the ticket first.
        QMetaObject::invokeMethod(
            this, [this, ticket, feedId, error] { emit subscriptionFinished(ticket, feedId, error); },
            Qt::QueuedConnection);
    };
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https" && !url.isLocalFile())) {
        finish(0, tr("“%1” is not a web address (it should start with https://).").arg(url.toString()));
        return ticket;
    }
    const QString key = url.toString(QUrl::FullyEncoded);
    m_storage.writer()
        .run([key, title, folderId](QSqlDatabase& db) -> Result<std::pair<qint64, bool>> {
            if (std::optional<qint64> known = storage::feedIdForUrl(db, key))
                return std::pair{*known, false};
            Result<qint64> added = storage::addFeed(db, key, title, folderId);
            if (!added)
                return Error{added.error()};
            return std::pair{*added, true};
        })
        .then(this, [this, url, title, ticket](const Result<std::pair<qint64, bool>>& added) {
            const bool cancelled = m_cancelled.remove(ticket);
            if (!added) {
                if (!cancelled)
                    emit subscriptionFinished(ticket, 0, added.error());
                return;
            }
            const auto [feedId, isNew] = *added;
            if (cancelled) {
                if (isNew)
                    m_storage.writer().run(
                        [feedId](QSqlDatabase& db) { return storage::deleteFeed(db, feedId); });
                return;
            }
            m_storage.notifyFeedsChanged();
            if (!isNew) { // subscribed already: that is what the user wanted
                emit subscriptionFinished(ticket, feedId, {});
                refreshFeeds({feedId});
                return;
            }
            m_subscriptions.insert(feedId, ticket);
            RefreshTarget target;
            target.feedId = feedId;
            target.url = url;
            target.title = title;
            target.isNew = true;
            m_refresher.refresh({target});
        });
    return ticket;
}

void FeedUpdater::cancelSubscription(int ticket) {
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it) {
        if (it.value() == ticket) {
            m_cancelled.insert(ticket);
            m_refresher.cancelFeed(it.key());
            return;
        }
    }
    if (ticket > 0 && ticket <= m_lastTicket)
        m_cancelled.insert(ticket); // its feed is still being added
}

void FeedUpdater::cancel() {
    m_refresher.cancel();
}

} // namespace mirsad::ingest
