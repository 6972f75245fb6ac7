// The live updates outlive the server going away: ChangeListener notices its connection is gone,
// connects again with growing pauses, listens again and has every window read everything again
// once (what colleagues did meanwhile was announced to nobody); later announcements arrive as
// before. First with the listener's session ended by an administrator on the run's server, then
// with a server of the test's own really restarted (tools/postgres-test-server restart).

#include "TestSupport.h"
#include "storage/ChangeListener.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "storage/Reconnect.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

const QString kServerScript = QStringLiteral(MIRSAD_TEST_DATA "/../../tools/postgres-test-server");

bool runScript(const QStringList& arguments, QString* error) {
    QProcess script;
    script.start(kServerScript, arguments);
    if (!script.waitForFinished(120000) || script.exitStatus() != QProcess::NormalExit ||
        script.exitCode() != 0) {
        *error = QString::fromUtf8(script.readAllStandardError());
        return false;
    }
    return true;
}

// Every kind of change signalled, as after a reconnect.
struct Everything {
    QSignalSpy articles, feeds, names, annotations, reconnected, disconnected;
    explicit Everything(storage::ChangeListener* listener)
        : articles(listener, &storage::ChangeListener::articlesChanged)
        , feeds(listener, &storage::ChangeListener::feedsChanged)
        , names(listener, &storage::ChangeListener::namesChanged)
        , annotations(listener, &storage::ChangeListener::annotationsChanged)
        , reconnected(listener, &storage::ChangeListener::reconnected)
        , disconnected(listener, &storage::ChangeListener::disconnected) {}
};

} // namespace

class TestListenerRestart : public QObject {
    Q_OBJECT

    // After a loss: reconnected once, everything read again once, and a colleague's next change
    // (through `colleague`, connected again too) arrives.
    static void listensAgain(storage::ChangeListener& listener, Everything& seen, QSqlDatabase colleague,
                             const QString& feedUrl) {
        QTRY_COMPARE_WITH_TIMEOUT(seen.disconnected.count(), 1, 10000);
        QVERIFY(!listener.isListening());
        QTRY_COMPARE_WITH_TIMEOUT(seen.reconnected.count(), 1, 60000);
        QVERIFY(listener.isListening());
        QCOMPARE(seen.articles.count(), 1);
        QCOMPARE(seen.feeds.count(), 1);
        QCOMPARE(seen.names.count(), 1);
        QCOMPARE(seen.annotations.count(), 1);
        QCOMPARE(seen.annotations.first().at(1).toBool(), true); // of every article

        // The colleague's connection learns of the restart at its next statement.
        QSqlQuery(colleague).exec(u"SELECT 1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(storage::reconnect(colleague).ok(), 30000);
        QVERIFY(storage::addFeed(colleague, feedUrl, u"After"_s));
        QTRY_COMPARE_WITH_TIMEOUT(seen.feeds.count(), 2, 5000);
        QCOMPARE(seen.reconnected.count(), 1);
        QCOMPARE(listener.reconnections(), 1);
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "live updates need the PostgreSQL run");
    }

    void anAdministratorEndingTheSessionIsSurvived() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        storage::ChangeListener listener;
        QFuture<Status> started = listener.start(db.path());
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 10000);
        QVERIFY(started.result());
        Everything seen(&listener);
        QSqlQuery end(db.db());
        QVERIFY(end.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = current_database() AND query LIKE 'LISTEN%'"_s) &&
                end.next() && end.value(0).toBool());
        listensAgain(listener, seen, db.db(), u"https://after.example/ended"_s);
    }

    void aServerRestartIsSurvived() {
        QTemporaryDir home;
        const QString serverDir = home.filePath(u"pg"_s);
        QString error;
        QVERIFY2(runScript({u"start"_s, serverDir}, &error), qPrintable(error));
        const auto stopServer = qScopeGuard([&] { runScript({u"stop"_s, serverDir}, &error); });
        QFile locationFile(serverDir + u"/location"_s);
        QVERIFY(locationFile.open(QIODevice::ReadOnly));
        const QString location = QString::fromUtf8(locationFile.readAll()).trimmed();
        const QString connection = storage::uniqueConnectionName(u"colleague"_s);
        {
            Result<QSqlDatabase> colleague = storage::openDatabase(location, connection, true);
            QVERIFY2(colleague, qPrintable(colleague.error()));
            storage::ChangeListener listener;
            QFuture<Status> started = listener.start(location);
            QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 10000);
            QVERIFY(started.result());
            Everything seen(&listener);
            QVERIFY(storage::addFeed(*colleague, u"https://before.example/feed"_s, u"Before"_s));
            QTRY_COMPARE_WITH_TIMEOUT(seen.feeds.count(), 1, 5000);
            seen.feeds.clear();

            // Down for three seconds: the first attempts to connect again fail, later ones succeed.
            QProcess restart;
            restart.start(kServerScript, {u"restart"_s, serverDir, u"3"_s});
            listensAgain(listener, seen, *colleague, u"https://after.example/restart"_s);
            QTRY_VERIFY_WITH_TIMEOUT(restart.state() == QProcess::NotRunning, 60000);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(restart.exitCode(), 0);
        }
        storage::closeDatabase(connection);
    }
};

QTEST_GUILESS_MAIN(TestListenerRestart)
#include "tst_listenerrestart.moc"
