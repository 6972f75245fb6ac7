// `mirsadctl refresh --watch`, the long-lived refresher a team runs on its server: it fetches
// each feed when its interval has passed (not before), logs a line per event to stderr (with
// syslog priorities under systemd's journal), and SIGTERM, as systemd sends it, stops it cleanly
// even in the middle of a fetch, giving the feed's claim back on a team's archive.

#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "storage/FeedQueries.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

QByteArray feedOf(int feed) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Watched " +
           QByteArray::number(feed) +
           "</title><link>https://site.example/</link>\n<item><guid isPermaLink=\"false\">w" +
           QByteArray::number(feed) + "</guid><title>An item</title><description>Kirkuk.</description>" +
           "</item></channel></rss>\n";
}

} // namespace

class TestRefreshWatch : public QObject {
    Q_OBJECT
    LoopbackHttpServer m_server;

    int requestsFor(const QByteArray& path) const {
        return int(std::count_if(m_server.requests().cbegin(), m_server.requests().cend(),
                                 [&](const LoopbackHttpServer::Request& r) { return r.path == path; }));
    }
    // mirsadctl --db DATABASE refresh --watch --check-every 1, running until stopped.
    static void startWatching(QProcess& process, const QString& database, bool underJournal = false) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (underJournal)
            environment.insert(u"JOURNAL_STREAM"_s, u"8:12345"_s);
        else
            environment.remove(u"JOURNAL_STREAM"_s);
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(MIRSADCTL_PATH));
        process.setArguments({u"--db"_s, database, u"refresh"_s, u"--watch"_s, u"--check-every"_s, u"1"_s});
        process.start();
    }
    static bool stop(QProcess& process) {
        process.terminate(); // SIGTERM
        return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 15000);
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY(m_server.start());
    }

    void refreshesEachFeedWhenDueAndStopsOnSigterm() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QList<qint64> ids;
        for (int f = 0; f < 2; ++f) {
            const QByteArray path = "/watched" + QByteArray::number(f);
            LoopbackHttpServer::Route route;
            route.body = feedOf(f);
            m_server.setRoute(path, route);
            const Result<qint64> id =
                storage::addFeed(db.db(), m_server.url(QString::fromLatin1(path)).toString(), {});
            QVERIFY(id);
            ids << *id;
        }
        QProcess watch;
        startWatching(watch, db.path());
        QVERIFY(QTest::qWaitFor(
            [&] { return requestsFor("/watched0") == 1 && requestsFor("/watched1") == 1; }, 20000));
        QTRY_COMPARE_WITH_TIMEOUT(db.count(u"articles"_s), 2, 10000);
        // Checked every second, but not due again for an hour.
        QTest::qWait(2500);
        QCOMPARE(requestsFor("/watched0"), 1);
        QCOMPARE(requestsFor("/watched1"), 1);
        // An hour later for one of them.
        QVERIFY(QSqlQuery(db.db()).exec(
            u"UPDATE feeds SET last_fetched = last_fetched - refresh_minutes * 60 WHERE id = %1"_s.arg(
                ids[0])));
        QVERIFY(QTest::qWaitFor([&] { return requestsFor("/watched0") == 2; }, 10000));
        QCOMPARE(requestsFor("/watched1"), 1);

        QVERIFY(stop(watch));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        const QString log = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(log.contains(u"Watching the feeds of"_s), qPrintable(log));
        QVERIFY2(log.contains(u"Watched 0: 1 new"_s), qPrintable(log));
        QVERIFY2(log.contains(u"Stopping (signal 15)."_s) && log.contains(u"Stopped."_s), qPrintable(log));
        // Lines start with their time in UTC, off the journal.
        QVERIFY2(log.startsWith(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd"_s)), qPrintable(log));
    }

    void sigtermMidFetchStopsCleanly() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        LoopbackHttpServer::Route hanging;
        hanging.body = feedOf(7);
        hanging.mode = LoopbackHttpServer::Route::Mode::NeverFinish;
        m_server.setRoute("/hanging", hanging);
        const Result<qint64> id =
            storage::addFeed(db.db(), m_server.url(u"/hanging"_s).toString(), u"Hanging"_s);
        QVERIFY(id);
        QProcess watch;
        startWatching(watch, db.path(), true);
        QVERIFY(QTest::qWaitFor([&] { return requestsFor("/hanging") == 1; }, 20000));
        QElapsedTimer stopping;
        stopping.start();
        QVERIFY(stop(watch));
        QVERIFY2(stopping.elapsed() < 5000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        const QString log = QString::fromUtf8(watch.readAllStandardError());
        // Under the journal: a syslog priority, no time (the journal keeps its own).
        QVERIFY2(log.startsWith(u"<6>Watching the feeds of"_s), qPrintable(log));
        QVERIFY2(log.contains(u"<6>Stopped."_s), qPrintable(log));
        QVERIFY2(!log.contains(u"<4>"_s) && !log.contains(u"<3>"_s), qPrintable(log)); // a stop is no failure
        // The feed keeps no error, and on a team's archive nobody is left waiting for its claim.
        const Result<storage::FeedInfo> feed = storage::feedById(db.db(), *id);
        QVERIFY(feed);
        QCOMPARE(feed->lastError, QString());
        if (db.isPostgres()) {
            QSqlQuery claim(db.db());
            QVERIFY(claim.exec(u"SELECT fetch_claimed_until FROM feeds WHERE id = %1"_s.arg(*id)) &&
                    claim.next());
            QVERIFY(claim.value(0).isNull());
        }
    }
};

QTEST_GUILESS_MAIN(TestRefreshWatch)
#include "tst_refreshwatch.moc"
