// FeedRefresher's pacing: how many feeds are on their way at once (fetching, waiting for the
// writer or being stored) depends on their size. Large ones come one ahead of the writer, so
// that a big import never holds every body at once; small ones still come several at a time.

#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "ingest/FeedRefresher.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"

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

} // namespace

class TestFeedRefresher : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void largeFeedsComeOneAheadOfTheWriter() {
        const int feeds = 6;
        QList<ingest::RefreshTarget> targets;
        LoopbackHttpServer server;
        QVERIFY(server.start());
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        for (int f = 0; f < feeds; ++f) {
            const QByteArray path = "/big" + QByteArray::number(f);
            server.setRoute(path, routeOf(feedOf(f, 40, 2000))); // about 80 kB each
            const Result<qint64> id =
                storage::addFeed(temp.db(), server.url(QString::fromLatin1(path)).toString(), {});
            QVERIFY2(id, qPrintable(id ? QString() : id.error()));
            targets << targetOf(*id, server.url(QString::fromLatin1(path)));
        }
        temp.close();

        storage::DatabaseThread writer(temp.path(), u"test-writer"_s);
        QVERIFY(writer.open(false, storage::DatabaseThread::Use::Writing).result());
        ingest::FeedRefresher refresher(writer);
        refresher.setMaxInFlight(4);
        refresher.setMaxBytesAhead(100 * 1024); // more than one body, less than two
        InFlight inFlight;
        inFlight.watch(refresher);
        refresher.refresh(targets);
        QTRY_COMPARE_WITH_TIMEOUT(inFlight.finished, feeds, 30000);
        for (const ingest::RefreshOutcome& outcome : std::as_const(inFlight.outcomes)) {
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Stored);
            QCOMPARE(outcome.report.inserted, 40);
        }
        QCOMPARE(inFlight.most, 2); // the first two start before any size is known; then one ahead
        QVERIFY(refresher.isIdle());
    }

    void smallFeedsStillComeSeveralAtOnce() {
        const int feeds = 8;
        QList<ingest::RefreshTarget> targets;
        LoopbackHttpServer server;
        QVERIFY(server.start());
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        for (int f = 0; f < feeds; ++f) {
            const QByteArray path = "/small" + QByteArray::number(f);
            // Slow to answer, as real servers are: the fetches overlap only if several are started.
            server.setRoute(path, routeOf(feedOf(f, 3, 200), 300));
            const Result<qint64> id =
                storage::addFeed(temp.db(), server.url(QString::fromLatin1(path)).toString(), {});
            QVERIFY(id);
            targets << targetOf(*id, server.url(QString::fromLatin1(path)));
        }
        temp.close();

        storage::DatabaseThread writer(temp.path(), u"test-writer"_s);
        QVERIFY(writer.open(false, storage::DatabaseThread::Use::Writing).result());
        ingest::FeedRefresher refresher(writer);
        refresher.setMaxInFlight(4); // the default budget, 8 MB, is far above these feeds
        InFlight inFlight;
        inFlight.watch(refresher);
        refresher.refresh(targets);
        QTRY_COMPARE_WITH_TIMEOUT(inFlight.finished, feeds, 30000);
        for (const ingest::RefreshOutcome& outcome : std::as_const(inFlight.outcomes))
            QCOMPARE(outcome.kind, ingest::RefreshOutcome::Kind::Stored);
        QCOMPARE(inFlight.most, 4);
        QCOMPARE(server.maxSimultaneousConnections(), 4);
    }
};

QTEST_GUILESS_MAIN(TestFeedRefresher)
#include "tst_feedrefresher.moc"
