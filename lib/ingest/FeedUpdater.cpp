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
        if (outcome.kind == RefreshOutcome::Kind::Stored &&
            (outcome.report.inserted > 0 || outcome.report.updated > 0) && !m_changedSignal.isActive())
            m_changedSignal.start();
        else if (outcome.kind != RefreshOutcome::Kind::Stored)
            m_storage.notifyFeedsChanged(); // the feed's error state or its removal shows
        emit feedFinished(outcome);
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

QList<RefreshTarget> FeedUpdater::targetsFor(const QList<storage::FeedInfo>& feeds) {
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
    std::function<QList<storage::FeedInfo>(const QList<storage::FeedInfo>&)> select) {
    m_storage.reader()
        .run([](QSqlDatabase& db) { return storage::listFeeds(db); })
        .then(this, [this, select](const Result<QList<storage::FeedInfo>>& feeds) {
            if (feeds)
                m_refresher.refresh(targetsFor(select(*feeds)));
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
    refreshWhere([](const QList<storage::FeedInfo>& feeds) {
        return dueFeeds(feeds, QDateTime::currentDateTimeUtc());
    });
}

void FeedUpdater::subscribe(const QUrl& url, const QString& title, qint64 folderId) {
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https" && !url.isLocalFile())) {
        emit subscribeFailed(
            tr("“%1” is not a web address (it should start with https://).").arg(url.toString()));
        return;
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
        .then(this, [this, url, title](const Result<std::pair<qint64, bool>>& added) {
            if (!added) {
                emit subscribeFailed(added.error());
                return;
            }
            m_storage.notifyFeedsChanged();
            if (!added->second) {
                refreshFeeds({added->first});
                return;
            }
            RefreshTarget target;
            target.feedId = added->first;
            target.url = url;
            target.title = title;
            target.isNew = true;
            m_refresher.refresh({target});
        });
}

void FeedUpdater::cancel() {
    m_refresher.cancel();
}

} // namespace mirsad::ingest
