// storage::SqliteStatement, the import writer's way to SQLite: UTF-8 in and out unchanged,
// empty text stored as '' (the columns are NOT NULL), errors reported in words, and a statement
// usable again after an error.

#include "TestSupport.h"
#include "storage/SqliteStatement.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestSqliteStatement : public QObject {
    Q_OBJECT

private slots:
    void init() { test::isolateFromUserData(); }

    void handleComesFromTheConnection() {
        test::TempDatabase db(false);
        QVERIFY(db.ok());
        QVERIFY(storage::sqliteHandle(db.db()) != nullptr);
        QVERIFY(storage::sqliteHandle(QSqlDatabase()) == nullptr);
        storage::SqliteStatement none(nullptr, "SELECT 1");
        QVERIFY(!none.isValid());
        QVERIFY(!none.exec().ok());
    }

    void textRoundTripsAsUtf8() {
        test::TempDatabase db(false);
        QVERIFY(db.ok());
        QSqlQuery create(db.db());
        QVERIFY(create.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE)"_s));
        sqlite3* handle = storage::sqliteHandle(db.db());
        storage::SqliteStatement insert(handle, "INSERT INTO t (s) VALUES (?1)");
        QVERIFY2(insert.isValid(), qPrintable(insert.error()));

        const QByteArray arabic = u"رئيس الوزراء الكاظمي في أربيل"_s.toUtf8();
        QVERIFY(insert.bind(1, arabic).exec().ok());
        QCOMPARE(insert.changes(), 1);
        const qint64 arabicId = insert.lastInsertId();
        QVERIFY(insert.bind(1, QByteArrayView()).exec().ok()); // empty, not NULL

        // A constraint violation is an error in words, and the statement runs again after it.
        const Status duplicate = insert.bind(1, arabic).exec();
        QVERIFY(!duplicate.ok());
        QVERIFY2(duplicate.error().contains(u"UNIQUE"_s), qPrintable(duplicate.error()));
        QVERIFY(insert.bind(1, QByteArrayView("Erbil")).exec().ok());

        storage::SqliteStatement select(handle, "SELECT s, length(s), s IS NULL FROM t WHERE id = ?1");
        QVERIFY(select.isValid());
        select.bind(1, arabicId);
        Result<bool> row = select.next();
        QVERIFY(row.ok() && *row);
        QCOMPARE(select.text(0).toByteArray(), arabic);
        QCOMPARE(select.int64(1), qint64(u"رئيس الوزراء الكاظمي في أربيل"_s.size()));
        select.reset();

        QSqlQuery check(db.db());
        QVERIFY(check.exec(u"SELECT count(*), sum(s = ''), sum(s IS NULL) FROM t"_s) && check.next());
        QCOMPARE(check.value(0).toInt(), 3);
        QCOMPARE(check.value(1).toInt(), 1);
        QCOMPARE(check.value(2).toInt(), 0);
    }

    void badSqlSaysWhy() {
        test::TempDatabase db(false);
        QVERIFY(db.ok());
        storage::SqliteStatement broken(storage::sqliteHandle(db.db()), "SELECT title FROM nowhere");
        QVERIFY(!broken.isValid());
        QVERIFY2(broken.error().contains(u"nowhere"_s), qPrintable(broken.error()));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
