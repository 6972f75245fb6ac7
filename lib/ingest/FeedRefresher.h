#pragma once

#include "feeds/FeedFetcher.h"
#include "ingest/FeedImport.h"
#include "storage/FeedClaims.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QUrl>
#include <memory>

namespace mirsad::storage {
class DatabaseThread;
}

namespace mirsad::feeds {
class FetchQueue;
}

namespace mirsad::tagging {
class Tagger;
}

namespace mirsad::ingest {

class PreparationLine;

// One feed to refresh.
struct RefreshTarget {
    qint64 feedId = 0;
    QUrl url; // http(s), or file:// for a feed file
    QString title;
    QString etag;
    QString lastModified;
    bool allowRemoteContent = false;
    // A subscription made just now: if its first fetch fails it is removed again, and if the
    // URL is a web page announcing a feed, the subscription moves to that feed.
    bool isNew = false;
    // On a team's archive: due (the schedule) or asked for, which decides whether a colleague's
    // recent fetch makes this one needless (storage::claimFeed).
    storage::FetchReason reason = storage::FetchReason::Asked;
    // Set by the refresher when the feed answered with a permanent redirect and was moved from
    // this address to `url`.
    QUrl movedFrom;
};

struct RefreshOutcome {
    // FetchedElsewhere: on a team's archive, a colleague's client fetched the feed moments ago or
    // is fetching it now (its articles arrive through the live updates); this one did not.
    // AlreadySubscribed: the address moved permanently to that of a feed subscribed already
    // (existingFeedId); this one, new or empty, was removed (`removed`) and nothing was stored.
    enum class Kind { Stored, NotModified, Failed, FetchedElsewhere, AlreadySubscribed };
    Kind kind = Kind::Failed;
    qint64 feedId = 0;
    QUrl url;
    QString title;
    FeedStoreReport report;
    QString error;        // names the feed
    bool removed = false; // a new subscription whose first fetch failed: it is gone again
    QString fetchedBy;    // FetchedElsewhere: the colleague (their role)
    QDateTime fetchedAt;  // FetchedElsewhere: when they fetched it, unless fetchingNow
    bool fetchingNow = false;
    // FetchedElsewhere: one sentence naming the feed and the colleague; AlreadySubscribed: one
    // naming both addresses and the feed subscribed already.
    QString note;
    QUrl movedFrom;            // the feed's address before a permanent redirect moved it to `url`
    qint64 existingFeedId = 0; // AlreadySubscribed: the feed at the new address
    QString existingTitle;
};

// Refreshes feeds without blocking its thread: fetches (a few at once, conditional GET), and
// stores each feed in one transaction on the single writer, which has it parsed, sanitised and
// tagged on other threads as it goes (see importFeedBody). A failed feed stores nothing and keeps what it
// had; the others carry on.
class FeedRefresher : public QObject {
    Q_OBJECT
public:
    explicit FeedRefresher(storage::DatabaseThread& writer, QObject* parent = nullptr);
    ~FeedRefresher() override;

    void setFetchOptions(const feeds::FetchOptions& options);
    // How many feeds are fetched or processed at once (bounds memory as well as sockets).
    void setMaxInFlight(int count);
    // A fetch starts only while the feeds on their way (fetching, waiting or being stored) hold
    // less than this (default 8 MB), or when none is: large feeds then come one ahead of the
    // writer instead of all at once, small ones still several at a time. A fetch that has
    // announced no size yet counts as the average body of this refresh (half the budget
    // before the first).
    void setMaxBytesAhead(qint64 bytes);
    // On a team's archive (PostgreSQL), every fetch is claimed first, so that of several clients
    // refreshing at once one fetches each feed (storage/FeedClaims.h). The claim lasts until the
    // fetch is recorded, or `seconds` at most (default 300) should this client die meanwhile.
    void setClaimLease(int seconds) { m_claimLease = qMax(1, seconds); }
    // A refresh asked for skips a feed a colleague fetched within `seconds` (default 60).
    void setFreshWindow(int seconds) { m_freshWindow = qMax(0, seconds); }

    void refresh(const QList<RefreshTarget>& targets);
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight == 0 && !m_loadingTagger; }
    // Forgets the waiting feeds and cancels the running fetches.
    void cancel();
    // Cancels one feed's refresh if it has not reached the writer yet (it then fails, and a new
    // subscription is removed); one being stored finishes.
    void cancelFeed(qint64 feedId);

signals:
    void feedStarted(qint64 feedId, const QUrl& url);
    void feedProgress(qint64 feedId, qint64 received, qint64 total);
    void feedFinished(const mirsad::ingest::RefreshOutcome& outcome);
    void progress(int done, int total);
    void finished();

private:
    void startMore();
    void launch(const RefreshTarget& target);
    void claim(const RefreshTarget& target);
    void fetch(const RefreshTarget& target);
    void fetchedElsewhere(const RefreshTarget& target, const storage::FeedClaim& claim);
    void releaseClaim(qint64 feedId);
    void onFetched(const feeds::FetchResult& result);
    void followMove(const RefreshTarget& target, const feeds::FetchResult& result);
    void onFetchedAt(const RefreshTarget& target, const feeds::FetchResult& result);
    struct FetchedBody {
        RefreshTarget target;
        QByteArray body;
        QString contentType;
        QString etag;
        QString lastModified;
        QString localFile; // a feed file, read as it is parsed (body is then empty)
    };
    void prepare(const RefreshTarget& target, QByteArray body, const QString& contentType,
                 const QString& etag, const QString& lastModified);
    void prepareFile(const RefreshTarget& target, const QString& path);
    void prepareMore();
    void startPreparing(FetchedBody fetched);
    void discover(const RefreshTarget& target, const QByteArray& body, const QString& contentType,
                  const QString& error);
    void followDiscovered(const RefreshTarget& target, const QUrl& feedUrl);
    void releasePrepareSlot(qint64 feedId);
    void setBytesAhead(qint64 feedId, qint64 bytes);
    void forgetBytesAhead(qint64 feedId);
    qint64 bytesAhead() const;
    void fail(const RefreshTarget& target, const QString& error);
    // Ends a feed's refresh without a word to the database: a stop is not the feed's failure.
    void abandon(const RefreshTarget& target);
    void complete(const RefreshOutcome& outcome);

    storage::DatabaseThread& m_writer;
    // A team's archive: claims go on a connection of their own, never behind a feed being stored.
    std::unique_ptr<storage::DatabaseThread> m_claims;
    QSet<qint64> m_claimed;         // feeds this refresher claimed, until their refresh ends
    QSet<qint64> m_claiming;        // claims on their way
    QSet<qint64> m_claimsCancelled; // of those, the feeds cancelFeed() gave up
    int m_claimLease = 300;
    int m_freshWindow = 60;
    feeds::FetchQueue* m_fetchQueue;
    feeds::FetchOptions m_options;
    std::shared_ptr<const tagging::Tagger> m_tagger;
    std::shared_ptr<PreparationLine> m_line; // the fetched feeds handed to the writer
    QQueue<RefreshTarget> m_pending;
    QHash<qint64, RefreshTarget> m_running; // by feed id
    QQueue<FetchedBody> m_fetched;          // waiting for a prepare slot
    QSet<qint64> m_preparing;               // feeds holding a prepare slot, until stored
    QHash<qint64, qint64> m_bytesAhead;     // by feed id, from launch until stored: its body's size
    QSet<qint64> m_unsized;                 // fetches that have announced no size yet
    qint64 m_sizedBytesAhead = 0;           // the sum of m_bytesAhead
    qint64 m_bodiesFetched = 0;             // this refresh's, and their bytes
    qint64 m_bodyBytesFetched = 0;
    qint64 m_maxBytesAhead = 8 * 1024 * 1024;
    // Fetched feeds handed to the writer at once: one stored while the next is parsed and
    // prepared as soon as the first is read (see PreparationLine). Bodies fetched meanwhile wait
    // in m_fetched, where a cancel drops them.
    static constexpr int kMaxPreparing = 2;
    int m_maxInFlight = 3;
    int m_inFlight = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_loadingTagger = false;
    QString m_taggerError;    // why the names could not be loaded, failing this refresh's feeds
    bool m_cancelled = false; // since cancel(): what fails now was stopped, not the feed's fault
};

} // namespace mirsad::ingest

Q_DECLARE_METATYPE(mirsad::ingest::RefreshOutcome)
