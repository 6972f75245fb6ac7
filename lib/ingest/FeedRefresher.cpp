#include "ingest/FeedRefresher.h"

#include "core/MemoryTuning.h"
#include "feeds/FeedDiscovery.h"
#include "feeds/FetchQueue.h"
#include "ingest/FeedMove.h"
#include "ingest/FeedPreparation.h"
#include "ingest/Logging.h"
#include "ingest/PreparationLine.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"
#include "storage/Location.h"
#include "storage/Reconnect.h"
#include "tagging/Tagger.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mirsad::ingest {

namespace {

QString feedName(const RefreshTarget& target) {
    return target.title.isEmpty() ? target.url.toDisplayString() : target.title;
}

} // namespace

FeedRefresher::FeedRefresher(storage::DatabaseThread& writer, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_fetchQueue(new feeds::FetchQueue(this))
    , m_line(std::make_shared<PreparationLine>(storage::isPostgresUri(writer.path())
                                                   ? FeedPreparation::kPostgresChunksAhead
                                                   : FeedPreparation::kChunksAhead)) {
    m_fetchQueue->setMaxConcurrent(m_maxInFlight);
    connect(m_fetchQueue, &feeds::FetchQueue::fetchFinished, this, &FeedRefresher::onFetched);
    connect(m_fetchQueue, &feeds::FetchQueue::fetchProgress, this,
            [this](qint64 feedId, const QUrl&, qint64 received, qint64 total) {
                if (m_running.contains(feedId)) {
                    setBytesAhead(feedId, qMax(received, total));
                    startMore();
                }
                emit feedProgress(feedId, received, total);
            });
}

FeedRefresher::~FeedRefresher() {
    m_fetchQueue->abortAll();
    // Claims still held go now rather than when their lease runs out; the thread's destructor
    // waits for them.
    for (qint64 feedId : std::as_const(m_claimed))
        releaseClaim(feedId);
}

void FeedRefresher::setFetchOptions(const feeds::FetchOptions& options) {
    m_options = options;
    m_fetchQueue->setOptions(options);
}

void FeedRefresher::setMaxInFlight(int count) {
    m_maxInFlight = qMax(1, count);
    m_fetchQueue->setMaxConcurrent(m_maxInFlight);
}

void FeedRefresher::setMaxBytesAhead(qint64 bytes) {
    m_maxBytesAhead = qMax<qint64>(0, bytes);
}

void FeedRefresher::setBytesAhead(qint64 feedId, qint64 bytes) {
    m_unsized.remove(feedId);
    m_sizedBytesAhead += bytes - m_bytesAhead.value(feedId);
    m_bytesAhead.insert(feedId, bytes);
}

void FeedRefresher::forgetBytesAhead(qint64 feedId) {
    m_unsized.remove(feedId);
    m_sizedBytesAhead -= m_bytesAhead.take(feedId);
}

qint64 FeedRefresher::bytesAhead() const {
    const qint64 unsized = m_bodiesFetched > 0 ? m_bodyBytesFetched / m_bodiesFetched : m_maxBytesAhead / 2;
    return m_sizedBytesAhead + m_unsized.size() * unsized;
}

void FeedRefresher::refresh(const QList<RefreshTarget>& targets) {
    if (isIdle()) {
        m_cancelled = false;
        m_done = 0;
        m_total = 0;
        m_bodiesFetched = 0;
        m_bodyBytesFetched = 0;
    }
    for (const RefreshTarget& target : targets) {
        if (m_running.contains(target.feedId))
            continue; // already on its way
        m_pending.enqueue(target);
        ++m_total;
    }
    emit progress(m_done, m_total);
    // The feeds are fetched while the names to tag them with load (bundled plus the user's own,
    // from the database, on the writer): storing waits for them, fetching need not.
    if (!m_tagger && !m_loadingTagger) {
        m_loadingTagger = true;
        m_taggerError.clear();
        m_writer.runDroppable([](QSqlDatabase& db) { return tagging::Tagger::forDatabase(db); })
            .then(this, [this](const Result<std::shared_ptr<const tagging::Tagger>>& tagger) {
                m_loadingTagger = false;
                if (tagger)
                    m_tagger = *tagger;
                else
                    m_taggerError = tagger.error();
                prepareMore();
                startMore(); // says finished() if the failures above were the last feeds
            });
    }
    startMore();
}

void FeedRefresher::cancel() {
    m_cancelled = true;
    m_total -= int(m_pending.size());
    m_pending.clear();
    // Fetched bodies not yet parsed are dropped too; what is being parsed or stored finishes.
    // Their feeds stay as they were, due, new subscriptions included: cancelling every refresh
    // is what quitting does, and a file dropped just before is read at the next start.
    while (!m_fetched.isEmpty())
        abandon(m_fetched.dequeue().target);
    m_fetchQueue->abortAll();
}

void FeedRefresher::cancelFeed(qint64 feedId) {
    const QString cancelled = QStringLiteral("The refresh was cancelled.");
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].feedId != feedId)
            continue;
        const RefreshTarget target = m_pending.takeAt(i);
        ++m_inFlight; // as if launched, so that complete() balances it
        m_running.insert(target.feedId, target);
        fail(target, cancelled);
        return;
    }
    for (qsizetype i = 0; i < m_fetched.size(); ++i) {
        if (m_fetched[i].target.feedId == feedId) {
            fail(m_fetched.takeAt(i).target, cancelled);
            return;
        }
    }
    if (m_claiming.contains(feedId))
        m_claimsCancelled.insert(feedId); // fails once the claim is answered
    else if (m_running.contains(feedId) && !m_preparing.contains(feedId))
        m_fetchQueue->abort(feedId);
}

void FeedRefresher::startMore() {
    while (!m_taggerError.isEmpty() && !m_pending.isEmpty()) { // fetching would be in vain
        const RefreshTarget target = m_pending.dequeue();
        ++m_inFlight;
        m_running.insert(target.feedId, target);
        fail(target, m_taggerError);
    }
    // The first fetch always starts, whatever its size: the budget only holds back the others.
    while (m_inFlight < m_maxInFlight && !m_pending.isEmpty() &&
           (m_inFlight == 0 || bytesAhead() < m_maxBytesAhead))
        launch(m_pending.dequeue());
    if (isIdle())
        emit finished();
}

void FeedRefresher::launch(const RefreshTarget& target) {
    ++m_inFlight;
    m_running.insert(target.feedId, target);
    emit feedStarted(target.feedId, target.url);
    const bool local = target.url.isLocalFile() || target.url.scheme().isEmpty();
    if (!local && storage::isPostgresUri(m_writer.path()) && !m_claimed.contains(target.feedId)) {
        m_unsized.insert(target.feedId); // paced as a fetch of unknown size while it is claimed
        claim(target);
    } else {
        fetch(target);
    }
}

void FeedRefresher::claim(const RefreshTarget& target) {
    if (!m_claims) {
        m_claims = std::make_unique<storage::DatabaseThread>(m_writer.path(), QStringLiteral("claims"));
        m_claims->open(false); // the thread runs its work in order: claims find it open
    }
    m_claiming.insert(target.feedId);
    m_claims
        ->run([target, lease = m_claimLease, fresh = m_freshWindow](QSqlDatabase& db) {
            if (Status s = storage::reconnect(db); !s) // the server went away since the last claim
                return Result<storage::FeedClaim>(Error{s.error()});
            return storage::claimFeed(db, target.feedId, target.reason, lease, fresh,
                                      QDateTime::currentDateTimeUtc());
        })
        .then(this, [this, target](const Result<storage::FeedClaim>& claimed) {
            m_claiming.remove(target.feedId);
            const bool cancelled = m_claimsCancelled.remove(target.feedId);
            if (claimed && claimed->claimed)
                m_claimed.insert(target.feedId);
            if (m_cancelled) {
                abandon(target);
            } else if (cancelled) {
                fail(target, QStringLiteral("The refresh was cancelled."));
            } else if (!claimed) {
                fail(target, claimed.error());
            } else if (!claimed->claimed && !claimed->missing) {
                fetchedElsewhere(target, *claimed);
            } else {
                fetch(target); // a feed deleted meanwhile fails as it is stored
            }
        });
}

void FeedRefresher::releaseClaim(qint64 feedId) {
    if (m_claimed.remove(feedId) && m_claims)
        m_claims->run([feedId](QSqlDatabase& db) { return storage::releaseFeedClaim(db, feedId); });
}

void FeedRefresher::fetchedElsewhere(const RefreshTarget& target, const storage::FeedClaim& claim) {
    RefreshOutcome outcome;
    outcome.kind = RefreshOutcome::Kind::FetchedElsewhere;
    outcome.feedId = target.feedId;
    outcome.url = target.url;
    outcome.title = target.title;
    outcome.fetchedBy = claim.by;
    outcome.fetchedAt = claim.fetched;
    outcome.fetchingNow = claim.fetchingNow;
    const QString who = claim.by.isEmpty() ? tr("a colleague") : claim.by;
    if (claim.fetchingNow) {
        outcome.note = tr("%1: %2 is fetching it right now.").arg(feedName(target), who);
    } else {
        const qint64 ago = qMax<qint64>(0, claim.fetched.secsTo(QDateTime::currentDateTimeUtc()));
        if (ago < 10)
            outcome.note = tr("%1: fetched by %2 just now.").arg(feedName(target), who);
        else if (ago < 120)
            outcome.note =
                tr("%1: fetched by %2 %n second(s) ago.", nullptr, int(ago)).arg(feedName(target), who);
        else
            outcome.note =
                tr("%1: fetched by %2 %n minute(s) ago.", nullptr, int(ago / 60)).arg(feedName(target), who);
    }
    complete(outcome);
}

void FeedRefresher::fetch(const RefreshTarget& target) {
    if (target.url.isLocalFile() || target.url.scheme().isEmpty()) {
        // A file on disk is no download: no size cap, and it is read as it is parsed.
        prepareFile(target, target.url.isLocalFile() ? target.url.toLocalFile() : target.url.toString());
        return;
    }
    m_unsized.insert(target.feedId);
    m_fetchQueue->enqueue(feeds::FetchRequest{target.url, target.etag, target.lastModified, target.feedId});
}

void FeedRefresher::onFetched(const feeds::FetchResult& result) {
    const auto found = m_running.constFind(result.feedId);
    if (found == m_running.constEnd())
        return;
    const RefreshTarget target = *found;
    if (result.movedPermanently()) {
        followMove(target, result);
        return;
    }
    onFetchedAt(target, result);
}

// The feed answered from another address for good: the next refresh goes straight there, unless
// another feed has that address (see followPermanentMove).
void FeedRefresher::followMove(const RefreshTarget& target, const feeds::FetchResult& result) {
    const QUrl newUrl = result.permanentUrl;
    m_writer
        .runDroppable([target, key = newUrl.toString(QUrl::FullyEncoded)](QSqlDatabase& db) {
            return followPermanentMove(db, target.feedId, key, target.isNew);
        })
        .then(this, [this, target, result, newUrl](const Result<FeedMove>& move) {
            if (m_cancelled) {
                abandon(target);
                return;
            }
            if (!move) {
                fail(target, move.error());
                return;
            }
            const QString sentence =
                QStringLiteral("%1 moved to %2, which is already subscribed as «%3».")
                    .arg(target.url.toDisplayString(), newUrl.toDisplayString(), move->otherTitle);
            switch (move->kind) {
            case FeedMove::Kind::Moved: {
                qCDebug(lcIngest) << "feed" << target.feedId << "moved to" << newUrl.toDisplayString();
                RefreshTarget moved = target;
                moved.movedFrom = target.url;
                moved.url = newUrl;
                m_running.insert(target.feedId, moved);
                onFetchedAt(moved, result);
                return;
            }
            case FeedMove::Kind::Duplicate: {
                RefreshOutcome outcome;
                outcome.kind = RefreshOutcome::Kind::AlreadySubscribed;
                outcome.feedId = target.feedId;
                outcome.url = newUrl;
                outcome.movedFrom = target.url;
                outcome.title = target.title;
                outcome.removed = true;
                outcome.existingFeedId = move->otherFeedId;
                outcome.existingTitle = move->otherTitle;
                outcome.note = sentence;
                complete(outcome);
                return;
            }
            case FeedMove::Kind::Clash:
                // Both feeds stay as they were: storing this body here would copy the other
                // feed's articles, and merging or removing either could lose notes or settings.
                fail(target, sentence.chopped(1) +
                                 QStringLiteral("; both subscriptions are kept and this one was not "
                                                "refreshed: unsubscribe from the one you no longer want."));
                return;
            }
        });
}

void FeedRefresher::onFetchedAt(const RefreshTarget& target, const feeds::FetchResult& result) {
    switch (result.status) {
    case feeds::FetchStatus::Error:
        fail(target, result.error);
        return;
    case feeds::FetchStatus::NotModified:
        m_writer
            .runDroppable([target, result](QSqlDatabase& db) {
                return storage::recordFetch(db, target.feedId, result.etag, result.lastModified, {},
                                            QDateTime::currentDateTimeUtc());
            })
            .then(this, [this, target](const Status& recorded) {
                if (!recorded) {
                    fail(target, recorded.error());
                    return;
                }
                RefreshOutcome outcome;
                outcome.kind = RefreshOutcome::Kind::NotModified;
                outcome.feedId = target.feedId;
                outcome.url = target.url;
                outcome.movedFrom = target.movedFrom;
                outcome.title = target.title;
                complete(outcome);
            });
        return;
    case feeds::FetchStatus::Ok:
        prepare(target, result.body, result.contentType, result.etag, result.lastModified);
        return;
    }
}

void FeedRefresher::prepare(const RefreshTarget& target, QByteArray body, const QString& contentType,
                            const QString& etag, const QString& lastModified) {
    qCDebug(lcIngest) << "feed" << target.feedId << "fetched," << body.size() << "bytes";
    setBytesAhead(target.feedId, body.size());
    ++m_bodiesFetched;
    m_bodyBytesFetched += body.size();
    m_fetched.enqueue({target, std::move(body), contentType, etag, lastModified, {}});
    prepareMore();
}

void FeedRefresher::prepareFile(const RefreshTarget& target, const QString& path) {
    qCDebug(lcIngest) << "feed" << target.feedId << "is the file" << path;
    setBytesAhead(target.feedId, 0); // streamed: it holds no body meanwhile
    FetchedBody file{target, {}, {}, {}, {}, path};
    m_fetched.enqueue(std::move(file));
    prepareMore();
}

void FeedRefresher::prepareMore() {
    if (!m_taggerError.isEmpty()) { // nothing can be stored without the names
        while (!m_fetched.isEmpty())
            fail(m_fetched.dequeue().target, m_taggerError);
        return;
    }
    while (m_tagger && m_preparing.size() < kMaxPreparing && !m_fetched.isEmpty())
        startPreparing(m_fetched.dequeue());
}

void FeedRefresher::releasePrepareSlot(qint64 feedId) {
    if (m_preparing.remove(feedId))
        prepareMore();
}

void FeedRefresher::startPreparing(FetchedBody fetched) {
    const RefreshTarget target = fetched.target;
    m_preparing.insert(target.feedId);
    FeedStoreJob job{target.feedId,
                     m_tagger,
                     target.allowRemoteContent,
                     fetched.etag,
                     fetched.lastModified,
                     m_writer.closingFlag(),
                     storage::isPostgresUri(m_writer.path())};
    // A new subscription's body is kept, to look for a feed in it should it be a web page; any
    // other is freed once parsed.
    QByteArray keptForDiscovery = target.isNew ? fetched.body : QByteArray();
    // Parsed and prepared from now on, while the writer finishes the feed before.
    auto preparation =
        fetched.localFile.isEmpty()
            ? std::make_shared<FeedPreparation>(std::move(fetched.body), fetched.contentType, target.url,
                                                std::move(job), m_line)
            : std::make_shared<FeedPreparation>(fetched.localFile, target.url, std::move(job), m_line);
    // Droppable: a feed not stored when the application closes is fetched again next time.
    m_writer
        .runDroppable([preparation](QSqlDatabase& db) {
            const qint64 feedId = preparation->job().feedId;
            qCDebug(lcIngest) << "feed" << feedId << "storing";
            Result<FeedStoreReport> stored = importFeedBody(db, *preparation);
            qCDebug(lcIngest) << "feed" << feedId << "stored," << (stored ? stored->inserted : 0) << "new";
            return stored;
        })
        .then(this, [this, target, body = std::move(keptForDiscovery),
                     contentType = fetched.contentType](const Result<FeedStoreReport>& stored) {
            if (stored) {
                RefreshOutcome outcome;
                outcome.kind = RefreshOutcome::Kind::Stored;
                outcome.feedId = target.feedId;
                outcome.url = target.url;
                outcome.movedFrom = target.movedFrom;
                outcome.title = target.title.isEmpty() ? stored->feedTitle : target.title;
                outcome.report = *stored;
                complete(outcome);
            } else if (target.isNew && !body.isEmpty()) {
                discover(target, body, contentType, stored.error());
            } else {
                fail(target, stored.error());
            }
        });
}

// A new subscription that is no feed may be a web page naming its feed.
void FeedRefresher::discover(const RefreshTarget& target, const QByteArray& body, const QString& contentType,
                             const QString& error) {
    QtConcurrent::run([body, contentType, url = target.url] {
        const QList<feeds::DiscoveredFeed> found = feeds::discoverFeeds(body, url, contentType);
        return found.isEmpty() ? QUrl() : found.first().url;
    }).then(this, [this, target, error](const QUrl& discovered) {
        if (discovered.isValid() && discovered != target.url)
            followDiscovered(target, discovered);
        else
            fail(target, error);
    });
}

// The URL was a web page that names its feed: subscribe to that instead.
void FeedRefresher::followDiscovered(const RefreshTarget& target, const QUrl& feedUrl) {
    RefreshTarget next = target;
    next.url = feedUrl;
    next.isNew = false; // discover once; a second web page is an error
    m_writer
        .runDroppable([next](QSqlDatabase& db) {
            return storage::setFeedUrl(db, next.feedId, next.url.toString(QUrl::FullyEncoded));
        })
        .then(this, [this, target, next](const Status& moved) {
            if (!moved) {
                fail(target, moved.error());
                return;
            }
            --m_inFlight;
            m_running.remove(target.feedId);
            forgetBytesAhead(target.feedId);
            releasePrepareSlot(target.feedId);
            launch(next);
        });
}

static RefreshOutcome failedOutcome(const RefreshTarget& target, const QString& error, bool removed) {
    RefreshOutcome outcome;
    outcome.kind = RefreshOutcome::Kind::Failed;
    outcome.feedId = target.feedId;
    outcome.url = target.url;
    outcome.movedFrom = target.movedFrom;
    outcome.title = target.title;
    outcome.error = error;
    outcome.removed = removed;
    return outcome;
}

void FeedRefresher::fail(const RefreshTarget& target, const QString& error) {
    // An aborted fetch or a stopped import after cancel() (quitting does it) is no failure of the
    // feed: it keeps no error, and a new subscription stays, to be read at the next start. On the
    // writer, such a deletion could run before the storage closed, and the dropped file was lost.
    if (m_cancelled) {
        abandon(target);
        return;
    }
    const QString sentence =
        error.contains(target.url.toString()) || error.contains(target.url.toDisplayString())
            ? error
            : QStringLiteral("%1: %2").arg(feedName(target), error);
    m_writer
        .runDroppable([target, sentence](QSqlDatabase& db) -> Status {
            if (target.isNew)
                return storage::deleteFeed(db, target.feedId);
            return storage::recordFetch(db, target.feedId, target.etag, target.lastModified, sentence,
                                        QDateTime::currentDateTimeUtc());
        })
        .then(this, [this, target, sentence](const Status&) {
            complete(failedOutcome(target, sentence, target.isNew));
        });
}

void FeedRefresher::abandon(const RefreshTarget& target) {
    releaseClaim(target.feedId); // not fetched after all: a colleague may
    complete(
        failedOutcome(target, QStringLiteral("%1: the refresh was cancelled.").arg(feedName(target)), false));
}

void FeedRefresher::complete(const RefreshOutcome& outcome) {
    // A feed's articles were allocated on worker threads and freed on others; without this the
    // freed memory stays with the process and the peak grows with every large feed.
    releaseFreedMemory();
    forgetBytesAhead(outcome.feedId);
    m_claimed.remove(outcome.feedId); // recording the fetch ended the claim (or the feed is gone)
    m_running.remove(outcome.feedId);
    releasePrepareSlot(outcome.feedId);
    --m_inFlight;
    ++m_done;
    emit feedFinished(outcome);
    emit progress(m_done, m_total);
    startMore();
}

} // namespace mirsad::ingest
