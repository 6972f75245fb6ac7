// Live updates on a team's archive: what one analyst's connection commits, the server announces
// (resources/migrations-postgresql/006_live_changes.sql) and another's ChangeListener signals
// within a second. Two real roles on the test server; the writes are plain SQL, as a colleague
// with psql would make them, and Mirsad's writer for an import.

#include "FilterFixture.h"
#include "annotations/Annotations.h"
#include "storage/ArticleWriter.h"
#include "storage/ChangeListener.h"
#include "storage/Database.h"
#include "storage/Team.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestChangeListener : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    QHash<QString, qint64> m_ids;
    QHash<QString, qint64> m_feeds;
    QString m_alice, m_bob;
    QString m_aliceConnection, m_bobConnection;
    storage::ChangeListener* m_bobListens = nullptr;

    QSqlDatabase alice() { return QSqlDatabase::database(m_aliceConnection, false); }
    QSqlDatabase bob() { return QSqlDatabase::database(m_bobConnection, false); }
    static bool exec(QSqlDatabase db, const QString& sql) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }
    qint64 articleId() const { return m_ids.value(m_ids.keys().first()); }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "live updates need the PostgreSQL run");
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db(), &m_feeds);
        QVERIFY(!m_ids.isEmpty());
        const QString run = QString::number(QCoreApplication::applicationPid());
        m_alice = u"alice_live_"_s + run;
        m_bob = u"bob_live_"_s + run;
        QVERIFY2(storage::initTeam(m_db->db()), "team init");
        for (const QString& name : {m_alice, m_bob}) {
            const Status added = storage::addTeamMember(m_db->db(), name, storage::TeamRole::Analyst);
            QVERIFY2(added, qPrintable(added.error()));
        }
        m_aliceConnection = storage::uniqueConnectionName(u"alice"_s);
        m_bobConnection = storage::uniqueConnectionName(u"bob"_s);
        QVERIFY(storage::openDatabase(m_db->pathAs(m_alice), m_aliceConnection, false));
        QVERIFY(storage::openDatabase(m_db->pathAs(m_bob), m_bobConnection, false));

        m_bobListens = new storage::ChangeListener(this);
        QFuture<Status> started = m_bobListens->start(m_db->pathAs(m_bob));
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 10000);
        QVERIFY2(started.result(), qPrintable(started.result().error()));
        QVERIFY(m_bobListens->isListening());
    }
    void cleanupTestCase() {
        delete m_bobListens;
        storage::closeDatabase(m_aliceConnection);
        storage::closeDatabase(m_bobConnection);
        delete m_db;
    }

    void aSharedNoteReachesAColleagueWithinASecond() {
        QSignalSpy changed(m_bobListens, &storage::ChangeListener::annotationsChanged);
        const qint64 article = articleId();
        QElapsedTimer sinceCommit;
        QVERIFY(exec(alice(), u"INSERT INTO notes (article_id, body, created, updated, shared) "
                              "VALUES (%1, 'The checkpoint moved north', 0, 0, 1)"_s.arg(article)));
        sinceCommit.start(); // autocommit: the statement returned after its commit
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
        const qint64 latency = sinceCommit.elapsed();
        QVERIFY2(latency < 1000, qPrintable(u"arrived after %1 ms"_s.arg(latency)));
        QVERIFY(changed.first().at(0).value<QSet<qint64>>().contains(article));
        QCOMPARE(changed.first().at(1).toBool(), false);
        // Bob reads it again, as his window would, and finds it.
        Result<QList<annotations::Note>> notes = annotations::listNotes(bob(), article);
        QVERIFY(notes);
        QVERIFY(std::any_of(notes->cbegin(), notes->cend(), [](const annotations::Note& n) {
            return n.body == u"The checkpoint moved north"_s;
        }));
    }

    void aPrivateNoteShowsNothingToAColleague() {
        QSignalSpy announced(m_bobListens, &storage::ChangeListener::announced);
        QSignalSpy changed(m_bobListens, &storage::ChangeListener::annotationsChanged);
        const qint64 article = articleId();
        const qsizetype before = annotations::listNotes(bob(), article)->size();
        QVERIFY(exec(alice(), u"INSERT INTO notes (article_id, body, created, updated, shared) "
                              "VALUES (%1, 'my private source is Kak Aram', 0, 0, 0)"_s.arg(article)));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
        // The announcement names the article, never the text nor the author.
        QCOMPARE(announced.first().at(0).toString(), u"annotations:%1"_s.arg(article));
        Result<QList<annotations::Note>> notes = annotations::listNotes(bob(), article);
        QVERIFY(notes);
        QCOMPARE(notes->size(), before);
        for (const annotations::Note& note : *notes)
            QVERIFY(!note.body.contains(u"Kak Aram"_s));
        // Alice herself does see it (her other windows read it again).
        Result<QList<annotations::Note>> hers = annotations::listNotes(alice(), article);
        QCOMPARE(hers->size(), before + 1);
    }

    void sharingAndDeletingAreAnnounced() {
        QSignalSpy changed(m_bobListens, &storage::ChangeListener::annotationsChanged);
        QVERIFY(exec(alice(), u"UPDATE notes SET shared = 1 WHERE body LIKE 'my private%'"_s));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
        QVERIFY(exec(alice(), u"DELETE FROM notes WHERE body LIKE 'my private%'"_s));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, 5000);
        // A statement that touches nothing is not announced.
        QVERIFY(exec(alice(), u"DELETE FROM notes WHERE body = 'no such note'"_s));
        QTest::qWait(300);
        QCOMPARE(changed.count(), 2);
    }

    void anImportIsOneAnnouncement() {
        QSignalSpy announced(m_bobListens, &storage::ChangeListener::announced);
        QSignalSpy articles(m_bobListens, &storage::ChangeListener::articlesChanged);
        QSqlDatabase owner = m_db->db();
        QVERIFY(owner.transaction());
        {
            storage::ArticleWriter writer(owner);
            for (int i = 0; i < 2000; ++i) {
                Article article;
                article.feedId = m_feeds.value(u"en"_s);
                article.guid = u"import-%1"_s.arg(i);
                article.title = u"Imported dispatch %1"_s.arg(i);
                article.text = u"Erbil, dispatch number %1."_s.arg(i);
                article.published = article.fetched = QDateTime::currentDateTimeUtc();
                QVERIFY(writer.upsert(article));
            }
            QVERIFY(writer.finish());
        }
        QVERIFY(owner.commit());
        QTRY_VERIFY_WITH_TIMEOUT(articles.count() >= 1, 5000);
        QTest::qWait(300); // anything else of the burst
        QCOMPARE(articles.count(), 1);
        QStringList payloads;
        for (const QList<QVariant>& signal : announced)
            payloads << signal.at(0).toString();
        QCOMPARE(payloads, QStringList{u"articles"_s});
    }

    void readMarksAreNotAnnounced() {
        QSignalSpy announced(m_bobListens, &storage::ChangeListener::announced);
        QVERIFY(exec(alice(), u"UPDATE articles SET read = 1 - read WHERE id = %1"_s.arg(articleId())));
        QTest::qWait(300);
        QCOMPARE(announced.count(), 0);
    }

    void taughtNamesAndNewFeedsAreAnnounced() {
        QSignalSpy names(m_bobListens, &storage::ChangeListener::namesChanged);
        QSignalSpy feeds(m_bobListens, &storage::ChangeListener::feedsChanged);
        QVERIFY(exec(m_db->db(), u"INSERT INTO user_aliases (entity_id, alias, created) VALUES "
                                 "('Q1', 'Hewlêr', 0)"_s));
        QVERIFY(storage::addFeed(m_db->db(), u"https://live.example/feed"_s, u"Live"_s));
        QTRY_VERIFY_WITH_TIMEOUT(names.count() == 1 && feeds.count() == 1, 5000);
    }

    void anSqliteFileHasNothingToListenTo() {
        storage::ChangeListener listener;
        QFuture<Status> started = listener.start(m_db->dir() + u"/own.sqlite"_s);
        QVERIFY(started.isFinished());
        QVERIFY(started.result());
        QVERIFY(!listener.isListening());
    }
};

QTEST_GUILESS_MAIN(TestChangeListener)
#include "tst_changelistener.moc"
