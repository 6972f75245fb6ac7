#include "TestSupport.h"
#include "storage/Migrations.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace mirsad;

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void freshDatabaseHasTheWholeSchema() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        QCOMPARE(storage::schemaVersion(temp.db()), storage::latestSchemaVersion());
        QVERIFY(storage::latestSchemaVersion() >= 3);
        for (const char* table : {"feeds", "folders", "articles", "article_search", "entities", "mentions",
                                  "highlights", "notes", "user_entities", "user_aliases", "meta"})
            QVERIFY2(temp.count(QString::fromLatin1(table)) == 0, table);
    }

    void pragmasAreSet() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1); // NORMAL
    }

    void fullTextIndexWorks() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        QSqlQuery query(temp.db());
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (7, "
                                           "'budget', 'security coordination')")),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(
            QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH 'coord*'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 7);
    }

    void olderDatabaseIsUpgradedKeepingItsData() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("old"));
        {
            // A database as the first release left it: schema version 1, with a feed and an article.
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 1), "migrating to version 1");
            QCOMPARE(storage::schemaVersion(*db), 1);
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, title, created) VALUES (1, "
                                              "'https://example.org/feed', 'Example', 0)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, "
                                              "fetched, sort_time, content_hash, read) "
                                              "VALUES (5, 1, 'guid:a', 'Kept', 100, 100, 'h', 1)")));
            QVERIFY(!query.exec(QStringLiteral("SELECT * FROM notes"))); // not there yet
        }
        storage::closeDatabase(name);

        const QString again = storage::uniqueConnectionName(QStringLiteral("upgraded"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE(storage::schemaVersion(*db), storage::latestSchemaVersion());
            QSqlQuery query(*db);
            QVERIFY(
                query.exec(QStringLiteral("SELECT title, read, tagged_version FROM articles WHERE id = 5")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("Kept"));
            QCOMPARE(query.value(1).toInt(), 1);
            QCOMPARE(query.value(2).toString(), QString());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM notes")));
        }
        storage::closeDatabase(again);
        // The file as it was before the upgrade is kept beside it.
        QVERIFY(QFile::exists(path + QStringLiteral(".v1.bak")));
    }

    void newerDatabaseIsRefusedUntouched() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("future"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY(db);
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE mine (x)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        storage::closeDatabase(name);
        const QString again = storage::uniqueConnectionName(QStringLiteral("future2"));
        Result<QSqlDatabase> db = storage::openDatabase(path, again);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("newer Mirsad")), qPrintable(db.error()));
        const QString check = storage::uniqueConnectionName(QStringLiteral("check"));
        {
            Result<QSqlDatabase> raw = storage::openDatabase(path, check, false);
            QVERIFY(raw);
            QCOMPARE(storage::schemaVersion(*raw), 999);
            QSqlQuery query(*raw);
            QVERIFY(!query.exec(QStringLiteral("SELECT * FROM articles")));
        }
        storage::closeDatabase(check);
    }

    void notADatabaseIsAClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        Result<QSqlDatabase> db =
            storage::openDatabase(path, storage::uniqueConnectionName(QStringLiteral("junk")));
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("not a Mirsad database")), qPrintable(db.error()));
        QCOMPARE(test::readFile(path), QByteArray(4096, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
