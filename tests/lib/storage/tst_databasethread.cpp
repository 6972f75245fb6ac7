#include "TestSupport.h"
#include "storage/DatabaseThread.h"

#include <QSignalSpy>
#include <QSqlQuery>

using namespace mirsad;

// The GUI continues every database result on the UI thread with QFuture::then(context, ...):
// every continuation must run, once, on the context's thread. (Not necessarily in order: a
// future already finished when then() is called continues at once, inside then(); callers
// that care use a generation counter, as the models do.)
class TestDatabaseThread : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void everyContinuationRunsOnTheCallersThread() {
        QTemporaryDir dir;
        storage::DatabaseThread thread(dir.filePath(QStringLiteral("t.sqlite")), QStringLiteral("test"));
        QVERIFY(thread.open(true).result());
        constexpr int count = 3000;
        int seen = 0;
        QList<bool> ran(count, false);
        bool once = true;
        bool onThisThread = true;
        for (int i = 0; i < count; ++i) {
            thread
                .run([i](QSqlDatabase& db) {
                    QSqlQuery query(db);
                    query.exec(QStringLiteral("SELECT %1").arg(i));
                    return query.next() ? query.value(0).toInt() : -1;
                })
                .then(this, [&, i](int value) {
                    once = once && value == i && !ran[i];
                    ran[i] = true;
                    onThisThread = onThisThread && QThread::currentThread() == thread.thread();
                    ++seen;
                });
            if (i % 7 == 0)
                QCoreApplication::processEvents();
        }
        QTRY_COMPARE_WITH_TIMEOUT(seen, count, 30000);
        QVERIFY(once);
        QVERIFY(!ran.contains(false));
        QVERIFY(onThisThread);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseThread)
#include "tst_databasethread.moc"
