// One fetch per feed for the whole team: several clients refreshing one archive at once claim
// each feed before fetching it (storage/FeedClaims, resources/migrations-postgresql/011), so the
// feed servers see one request per feed, and each client says who fetched what it skipped. Two
// analysts as real roles, each with the writer and the claims connection a window has, against
// feeds on a loopback server that counts the requests; a client killed mid-fetch, as a real
// mirsadctl process, leaves a claim that runs out.

#include "CtlRunner.h"
#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "ingest/FeedRefresher.h"
#include "storage/Database.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedClaims.h"
#include "storage/FeedQueries.h"
#include "storage/Team.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;
using Kind = ingest::RefreshOutcome::Kind;

namespace {

QByteArray feedOf(int feed) {
    QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed " +
        QByteArray::number(feed) + "</title><link>https://site.example/</link>\n";
    for (int i = 0; i < 3; ++i)
        xml += "<item><guid isPermaLink=\"false\">f" + QByteArray::number(feed) + "-" +
               QByteArray::number(i) + "</guid><title>Item " + QByteArray::number(i) +
               "</title><description>Erbil and Duhok in the news.</description></item>\n";
    return xml + "</channel></rss>\n";
}

// One analyst's client: a writer and a refresher on it, as a window has, and what it reported.
struct Client {
    storage::DatabaseThread writer;
    ingest::FeedRefresher refresher;
    QList<ingest::RefreshOutcome> outcomes;
    int finished = 0;

    explicit Client(const QString& location)
        : writer(location, u"test-writer"_s)
        , refresher(writer) {
        QObject::connect(&refresher, &ingest::FeedRefresher::feedFinished, &refresher,
                         [this](const ingest::RefreshOutcome& outcome) { outcomes << outcome; });
        QObject::connect(&refresher, &ingest::FeedRefresher::finished, &refresher, [this] { ++finished; });
    }
    bool open() { return bool(writer.open(false, storage::DatabaseThread::Use::Writing).result()); }
    QList<ingest::RefreshOutcome> ofKind(Kind kind) const {
        QList<ingest::RefreshOutcome> found;
        for (const ingest::RefreshOutcome& outcome : outcomes)
            if (outcome.kind == kind)
                found << outcome;
        return found;
    }
};

} // namespace

class TestFeedClaims : public QObject {
    Q_OBJECT
    LoopbackHttpServer m_server;
    test::TempDatabase* m_db = nullptr;
    QString m_alice, m_bob;
    QList<ingest::RefreshTarget> m_targets;

    int requestsFor(const QByteArray& path) const {
        return int(std::count_if(m_server.requests().cbegin(), m_server.requests().cend(),
                                 [&](const LoopbackHttpServer::Request& r) { return r.path == path; }));
    }
    QList<ingest::RefreshTarget> targets(storage::FetchReason reason) const {
        QList<ingest::RefreshTarget> chosen = m_targets;
        for (ingest::RefreshTarget& target : chosen)
            target.reason = reason;
        return chosen;
    }
    bool exec(const QString& sql) {
        QSqlQuery query(m_db->db());
        return query.exec(sql);
    }
    QVariant value(const QString& sql) {
        QSqlQuery query(m_db->db());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }
    // Refreshes the feeds from both clients at once; false if either did not finish.
    static bool refreshTogether(Client& a, Client& b, const QList<ingest::RefreshTarget>& targets) {
        a.refresher.refresh(targets);
        b.refresher.refresh(targets);
        return QTest::qWaitFor([&] { return a.finished == 1 && b.finished == 1; }, 30000);
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "claims are a team's archive's: the PostgreSQL run");
        QVERIFY(m_server.start());
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        const QString run = QString::number(QCoreApplication::applicationPid());
        m_alice = u"alice_fetch_"_s + run;
        m_bob = u"bob_fetch_"_s + run;
        QVERIFY2(storage::initTeam(m_db->db()), "team init");
        for (const QString& name : {m_alice, m_bob})
            QVERIFY(storage::addTeamMember(m_db->db(), name, storage::TeamRole::Analyst));
        for (int f = 0; f < 6; ++f) {
            const QByteArray path = "/feed" + QByteArray::number(f);
            LoopbackHttpServer::Route route;
            route.body = feedOf(f);
            route.delayMs = 100; // slow to answer, as real servers are: the clients overlap
            m_server.setRoute(path, route);
            const Result<qint64> id =
                storage::addFeed(m_db->db(), m_server.url(QString::fromLatin1(path)).toString(), {});
            QVERIFY(id);
            ingest::RefreshTarget target;
            target.feedId = *id;
            target.url = m_server.url(QString::fromLatin1(path));
            m_targets << target;
        }
    }
    void cleanupTestCase() { delete m_db; }

    void twoAnalystsRefreshingAtOnceFetchEachFeedOnce() {
        Client alice(m_db->pathAs(m_alice));
        Client bob(m_db->pathAs(m_bob));
        QVERIFY(alice.open() && bob.open());
        QVERIFY(refreshTogether(alice, bob, targets(storage::FetchReason::Asked)));
        for (const ingest::RefreshTarget& target : std::as_const(m_targets))
            QCOMPARE(requestsFor(target.url.path().toLatin1()), 1);
        // Between them every feed was stored once; each skipped feed names who fetched it.
        QCOMPARE(alice.ofKind(Kind::Stored).size() + bob.ofKind(Kind::Stored).size(), m_targets.size());
        QCOMPARE(alice.ofKind(Kind::Failed).size() + bob.ofKind(Kind::Failed).size(), 0);
        for (const auto& [client, colleague] : {std::pair{&alice, m_bob}, std::pair{&bob, m_alice}}) {
            for (const ingest::RefreshOutcome& skipped : client->ofKind(Kind::FetchedElsewhere)) {
                QCOMPARE(skipped.fetchedBy, colleague);
                QVERIFY2(skipped.note.contains(colleague), qPrintable(skipped.note));
            }
        }
        QCOMPARE(m_db->count(u"articles"_s), 3 * m_targets.size());
        QCOMPARE(value(u"SELECT count(*) FROM feeds WHERE fetch_claimed_until IS NOT NULL"_s).toInt(), 0);
    }

    // Asked for again at once: a colleague's fetch of moments ago is not repeated; one's own is
    // (whoever presses Refresh twice wants it).
    void aColleaguesRecentFetchIsNotRepeatedWhenAsked() {
        const ingest::RefreshTarget target = m_targets.first();
        const QByteArray path = target.url.path().toLatin1();
        const QString fetchedBy =
            value(u"SELECT last_fetched_by FROM feeds WHERE id = %1"_s.arg(target.feedId)).toString();
        QVERIFY(fetchedBy == m_alice || fetchedBy == m_bob);
        const QString other = fetchedBy == m_alice ? m_bob : m_alice;
        const int before = requestsFor(path);

        Client colleague(m_db->pathAs(other));
        QVERIFY(colleague.open());
        colleague.refresher.refresh({target});
        QVERIFY(QTest::qWaitFor([&] { return colleague.finished == 1; }, 10000));
        QCOMPARE(colleague.outcomes.size(), 1);
        QCOMPARE(colleague.outcomes.first().kind, Kind::FetchedElsewhere);
        QVERIFY(!colleague.outcomes.first().fetchingNow);
        QVERIFY2(colleague.outcomes.first().note.contains(u"just now"_s),
                 qPrintable(colleague.outcomes.first().note));
        QCOMPARE(requestsFor(path), before);

        Client self(m_db->pathAs(fetchedBy));
        QVERIFY(self.open());
        self.refresher.refresh({target});
        QVERIFY(QTest::qWaitFor([&] { return self.finished == 1; }, 10000));
        QCOMPARE(self.outcomes.first().kind, Kind::Stored);
        QCOMPARE(requestsFor(path), before + 1);
    }

    // The schedule: once the interval has passed, clients that all find the feeds due (the same
    // analyst's two windows here) still fetch each once; before it, none fetches.
    void dueFeedsAreFetchedOncePerInterval() {
        Client first(m_db->pathAs(m_alice));
        Client second(m_db->pathAs(m_alice));
        QVERIFY(first.open() && second.open());
        QHash<QByteArray, int> before;
        for (const ingest::RefreshTarget& target : std::as_const(m_targets))
            before.insert(target.url.path().toLatin1(), requestsFor(target.url.path().toLatin1()));

        QVERIFY(refreshTogether(first, second, targets(storage::FetchReason::Due)));
        for (const ingest::RefreshTarget& target : std::as_const(m_targets))
            QCOMPARE(requestsFor(target.url.path().toLatin1()), before.value(target.url.path().toLatin1()));
        QCOMPARE(first.ofKind(Kind::FetchedElsewhere).size(), m_targets.size());

        // An interval later (the fetch times moved back by one).
        QVERIFY(exec(u"UPDATE feeds SET last_fetched = last_fetched - refresh_minutes * 60"_s));
        first.finished = second.finished = 0;
        QVERIFY(refreshTogether(first, second, targets(storage::FetchReason::Due)));
        for (const ingest::RefreshTarget& target : std::as_const(m_targets))
            QCOMPARE(requestsFor(target.url.path().toLatin1()),
                     before.value(target.url.path().toLatin1()) + 1);
    }

    // A client that claimed a feed and died: the claim holds others off only until it runs out.
    void aClaimLeftByADeadClientExpires() {
        const ingest::RefreshTarget target = m_targets.last();
        const QByteArray path = target.url.path().toLatin1();
        QVERIFY(exec(u"UPDATE feeds SET last_fetched = NULL WHERE id = %1"_s.arg(target.feedId)));
        {
            const QString name = storage::uniqueConnectionName(u"dies"_s);
            {
                Result<QSqlDatabase> dying = storage::openDatabase(m_db->pathAs(m_alice), name, false);
                QVERIFY(dying);
                const Result<storage::FeedClaim> claim =
                    storage::claimFeed(*dying, target.feedId, storage::FetchReason::Asked, 2, 60,
                                       QDateTime::currentDateTimeUtc());
                QVERIFY(claim && claim->claimed);
                // It dies: its session ends without a word.
                QSqlQuery(*dying).exec(u"SELECT pg_terminate_backend(pg_backend_pid())"_s);
            }
            storage::closeDatabase(name);
        }
        const int before = requestsFor(path);
        Client bob(m_db->pathAs(m_bob));
        QVERIFY(bob.open());
        bob.refresher.refresh({target});
        QVERIFY(QTest::qWaitFor([&] { return bob.finished == 1; }, 10000));
        QCOMPARE(bob.outcomes.first().kind, Kind::FetchedElsewhere);
        QVERIFY(bob.outcomes.first().fetchingNow);
        QCOMPARE(bob.outcomes.first().fetchedBy, m_alice);
        QCOMPARE(requestsFor(path), before);

        QTest::qWait(2500); // the claim's lease runs out
        bob.refresher.refresh({target});
        QVERIFY(QTest::qWaitFor([&] { return bob.finished == 2; }, 10000));
        QCOMPARE(bob.outcomes.last().kind, Kind::Stored);
        QCOMPARE(requestsFor(path), before + 1);
    }

    // A real mirsadctl killed mid-fetch leaves its claim, which ends within the lease (never
    // "forever"); one stopped cleanly gives it back at once (tst_refreshwatch).
    void aKilledMirsadctlLeavesABoundedClaim() {
        LoopbackHttpServer::Route hanging;
        hanging.body = feedOf(99);
        hanging.mode = LoopbackHttpServer::Route::Mode::NeverFinish;
        m_server.setRoute("/hangs", hanging);
        const Result<qint64> id =
            storage::addFeed(m_db->db(), m_server.url(u"/hangs"_s).toString(), u"Hangs"_s);
        QVERIFY(id);
        QProcess ctl;
        ctl.setProgram(QStringLiteral(MIRSADCTL_PATH));
        ctl.setArguments({u"--db"_s, m_db->pathAs(m_alice), u"refresh"_s});
        ctl.start();
        QVERIFY(QTest::qWaitFor([&] { return requestsFor("/hangs") == 1; }, 20000));
        ctl.kill();
        QVERIFY(ctl.waitForFinished(10000));
        QCOMPARE(value(u"SELECT fetch_claimed_by FROM feeds WHERE id = %1"_s.arg(*id)).toString(), m_alice);
        const double left =
            value(
                u"SELECT extract(epoch FROM fetch_claimed_until - now()) FROM feeds WHERE id = %1"_s.arg(*id))
                .toDouble();
        QVERIFY2(left > 0 && left <= 300, qPrintable(QString::number(left)));
        QVERIFY(exec(u"DELETE FROM feeds WHERE id = %1"_s.arg(*id)));
    }
};

QTEST_GUILESS_MAIN(TestFeedClaims)
#include "tst_feedclaims.moc"
