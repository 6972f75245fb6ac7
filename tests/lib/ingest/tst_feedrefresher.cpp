// FeedRefresher's pacing: how many feeds are on their way at once (fetching, waiting for the
// writer or being stored) depends on their size. Large ones come one ahead of the writer, so
// that a big import never holds every body at once; small ones still come several at a time.
// Fetching starts while the names to tag with load; if they cannot load, every feed fails.

#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "ingest/FeedRefresher.h"
#include "storage/Database.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;
using Route = LoopbackHttpServer::Route;

namespace {

// An RSS feed of `items` items with bodies of about `bodyBytes` bytes each.
QByteArray feedOf(int feed, int items, int bodyBytes) {
    QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed " +
        QByteArray::number(feed) + "</title><link>https://site.example/</link>\n";
    const QByteArray body = QByteArray("Erbil and Duhok in the news. ").repeated(bodyBytes / 29 + 1);
    for (int i = 0; i < items; ++i) {
        xml += "<item><guid isPermaLink=\"false\">f" + QByteArray::number(feed) + "-" +
               QByteArray::number(i) + "</guid><title>Item " + QByteArray::number(i) +
               "</title><description><![CDATA[<p>" + body + "</p>]]></description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

Route routeOf(const QByteArray& body, int delayMs = 0) {
    Route route;
    route.body = body;
    route.delayMs = delayMs;
    return route;
}

ingest::RefreshTarget targetOf(qint64 feedId, const QUrl& url) {
    ingest::RefreshTarget target;
    target.feedId = feedId;
    target.url = url;
    return target;
}

// Counts the feeds between feedStarted and feedFinished, and the most at once.
struct InFlight {
    int now = 0;
    int most = 0;
    int finished = 0;
    QList<ingest::RefreshOutcome> outcomes;

    void watch(ingest::FeedRefresher& refresher) {
        QObject::connect(&refresher, &ingest::FeedRefresher::feedStarted, &refresher,
                         [this] { most = std::max(most, ++now); });
        QObject::connect(&refresher, &ingest::FeedRefresher::feedFinished, &refresher,
                         [this](const ingest::RefreshOutcome& outcome) {
                             --now;
                             ++finished;
                             outcomes << outcome;
                         });
    }
};

// Feeds served on loopback and subscribed in a fresh database, then refreshed by a FeedRefresher
// on a writer of its own (four feeds at once at most), counting those on their way.
struct RefreshRun {
    LoopbackHttpServer server;
    test::TempDatabase temp;
    QList<ingest::RefreshTarget> targets;
    InFlight inFlight;
    int startedAtOnce = 0; // the fetches refresh() started before returning

    // Serves and subscribes one feed per body, answered after delayMs; false when that failed.
    // `breakDatabase`, if given, runs on the database before the refresher opens it.
    bool subscribe(const QList<QByteArray>& bodies, int delayMs = 0, const QString& breakDatabase = {}) {
        if (!server.start() || !temp.ok())
            return false;
        for (qsizetype f = 0; f < bodies.size(); ++f) {
            const QString path = u"/feed%1"_s.arg(f);
            server.setRoute(path.toLatin1(), routeOf(bodies[f], delayMs));
            const Result<qint64> id = storage::addFeed(temp.db(), server.url(path).toString(), {});
            if (!id)
                return false;
            targets << targetOf(*id, server.url(path));
        }
        if (!breakDatabase.isEmpty() && !QSqlQuery(temp.db()).exec(breakDatabase))
            return false;
        temp.close(); // the writer's connection is the refresher's
        return true;
    }

    // Refreshes every feed, with maxBytesAhead if it is not 0; false if they did not all finish.
    bool refresh(qint64 maxBytesAhead = 0) {
        storage::DatabaseThread writer(temp.path(), u"test-writer"_s);
        if (!writer.open(false, storage::DatabaseThread::Use::Writing).result())
            return false;
        ingest::FeedRefresher refresher(writer);
        refresher.setMaxInFlight(4);
        if (maxBytesAhead > 0)
            refresher.setMaxBytesAhead(maxBytesAhead);
        inFlight.watch(refresher);
        refresher.refresh(targets);
        startedAtOnce = inFlight.most;
        return QTest::qWaitFor([&] { return inFlight.finished == targets.size(); }, 30000) &&
               refresher.isIdle();
    }
};

} // namespace

class TestFeedRefresher : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void largeFeedsComeOneAheadOfTheWriter() {
        RefreshRun run;
        QList<QByteArray> bodies;
        for (int f = 0; f < 6; ++f)
            bodies << feedOf(f, 40, 2000); // about 80 kB each
        QVERIFY(run.subscribe(bodies));
        QVERIFY(run.refresh(100 * 1024)); // more than one body, less than two
        for (const ingest::RefreshOutcome& outcome : std::as_const(run.inFlight.outcomes)) {
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Stored);
            QCOMPARE(outcome.report.inserted, 40);
        }
        QCOMPARE(run.inFlight.most, 2); // the first two start before any size is known; then one ahead
    }

    void smallFeedsStillComeSeveralAtOnce() {
        RefreshRun run;
        QList<QByteArray> bodies;
        for (int f = 0; f < 8; ++f)
            bodies << feedOf(f, 3, 200);
        // Slow to answer, as real servers are: the fetches overlap only if several are started.
        QVERIFY(run.subscribe(bodies, 300));
        QVERIFY(run.refresh()); // the default budget, 8 MB, is far above these feeds
        for (const ingest::RefreshOutcome& outcome : std::as_const(run.inFlight.outcomes))
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Stored);
        QCOMPARE(run.inFlight.most, 4);
        QCOMPARE(run.server.maxSimultaneousConnections(), 4);
    }

    // The names load on the writer, from the database; the fetches do not wait for them.
    void fetchingStartsWhileTheNamesLoad() {
        RefreshRun run;
        QVERIFY(run.subscribe({feedOf(0, 3, 200), feedOf(1, 3, 200), feedOf(2, 3, 200)}));
        QVERIFY(run.refresh());
        // As many as the pacing lets start before any size is known (each counts as half the
        // budget), before refresh() returned; they used to wait for the names.
        QCOMPARE(run.startedAtOnce, 2);
        for (const ingest::RefreshOutcome& outcome : std::as_const(run.inFlight.outcomes)) {
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Stored);
            QCOMPARE(outcome.report.inserted, 3);
        }
    }

    void namesThatCannotLoadFailEveryFeed() {
        RefreshRun run;
        QList<QByteArray> bodies;
        for (int f = 0; f < 6; ++f)
            bodies << feedOf(f, 3, 200);
        QVERIFY(run.subscribe(bodies, 0, u"DROP TABLE user_entities"_s));
        QVERIFY(run.refresh());
        QCOMPARE(run.inFlight.outcomes.size(), 6);
        for (const ingest::RefreshOutcome& outcome : std::as_const(run.inFlight.outcomes)) {
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Failed);
            QVERIFY2(outcome.error.contains(u"Could not read your entities"_s), qPrintable(outcome.error));
        }
        const QString connection = storage::uniqueConnectionName(u"check"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(run.temp.path(), connection, false);
            QVERIFY2(db, qPrintable(db ? QString() : db.error()));
            QSqlQuery count(*db);
            QVERIFY(count.exec(u"SELECT count(*) FROM articles"_s) && count.next());
            QCOMPARE(count.value(0).toInt(), 0);
        }
        storage::closeDatabase(connection);
    }
};

QTEST_GUILESS_MAIN(TestFeedRefresher)
#include "tst_feedrefresher.moc"
