// storage::WalCheckpointer: a writer's WAL checkpoints run on their own thread, the WAL is
// copied into the database after a large commit, and the writer checkpoints itself again once
// the checkpointer is gone.

#include "TestSupport.h"
#include "storage/WalCheckpointer.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

int autocheckpoint(QSqlDatabase& db) {
    QSqlQuery query(db);
    return query.exec(u"PRAGMA wal_autocheckpoint"_s) && query.next() ? query.value(0).toInt() : -1;
}

// PRAGMA wal_checkpoint(PASSIVE) on the writer: (busy, frames in the WAL, frames copied).
QList<int> checkpointState(QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) || !query.next())
        return {};
    return {query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()};
}

} // namespace

class TestWalCheckpointer : public QObject {
    Q_OBJECT

private slots:
    void init() { test::isolateFromUserData(); }

    void largeCommitIsCopiedOnAnotherThread() {
        test::TempDatabase temp(false);
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        QCOMPARE(autocheckpoint(temp.db()), 1000);
        std::unique_ptr<storage::WalCheckpointer> checkpointer = storage::WalCheckpointer::attach(temp.db());
        QVERIFY(checkpointer);
        QCOMPARE(autocheckpoint(temp.db()), 0); // the writer no longer checkpoints itself

        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"CREATE TABLE blobs (b BLOB)"_s));
        // A small commit leaves the WAL to grow.
        QVERIFY(query.exec(u"INSERT INTO blobs VALUES (randomblob(1000))"_s));
        QTest::qWait(50);
        QCOMPARE(checkpointer->checkpointsRun(), 0);
        // About 6 MB, well past SQLite's default of 1,000 pages of 4 kB, in pages of any size.
        QVERIFY(query.exec(u"PRAGMA page_size"_s) && query.next());
        const int pageSize = query.value(0).toInt();
        QVERIFY(pageSize >= 4096);
        const int pagesWritten = 1500 * 4096 / pageSize;
        QVERIFY(temp.db().transaction());
        for (int i = 0; i < 1500; ++i)
            QVERIFY(query.exec(u"INSERT INTO blobs VALUES (randomblob(4000))"_s));
        QVERIFY(temp.db().commit());
        QTRY_COMPARE(checkpointer->checkpointsRun(), 1);
        QVERIFY2(checkpointer->lastFramesCopied() > pagesWritten / 2,
                 qPrintable(QString::number(checkpointer->lastFramesCopied())));
        const QList<int> state = checkpointState(temp.db());
        QCOMPARE(state.size(), 3);
        QVERIFY(state[1] > pagesWritten / 2);
        QCOMPARE(state[2], state[1]); // every frame was already in the database
        QVERIFY(QFileInfo(temp.path()).size() > 6'000'000);

        checkpointer.reset();
        QCOMPARE(autocheckpoint(temp.db()), 1000);
        QVERIFY(query.exec(u"SELECT count(*) FROM blobs"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1501);
    }

    void inMemoryDatabasesHaveNone() {
        const QString name = storage::uniqueConnectionName(u"test"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(u":memory:"_s, name, false);
            QVERIFY(db);
            QVERIFY(!storage::WalCheckpointer::attach(*db));
            QVERIFY(!storage::WalCheckpointer::attach(QSqlDatabase()));
        }
        storage::closeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
