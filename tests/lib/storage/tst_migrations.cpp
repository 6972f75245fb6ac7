#include "TestSupport.h"
#include "articles/ContentHash.h"
#include "search/SearchText.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/Migrations.h"
#include "storage/SearchVocabulary.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <tuple>

using namespace mirsad;

class TestMigrations : public QObject {
    Q_OBJECT
private:
    // An archive at the schema before 014 (html and text in the article rows): `count`
    // articles, Arabic and English, one with no body, one with mentions and a highlight.
    static QString bodyHtml(int i) {
        return i == 3 ? QStringLiteral("")
                      : QStringLiteral(
                            "<p>Article %1: قال مسؤول في أربيل إن الوفد سيزور بغداد. Talks in Erbil.</p>"
                            "<p>%2</p>")
                            .arg(i)
                            .arg(QStringLiteral("The delegation discussed the budget and oil exports. ")
                                     .repeated(1 + i % 40));
    }
    static QString bodyText(int i) {
        return i == 3 ? QStringLiteral("")
                      : QStringLiteral(
                            "Article %1: قال مسؤول في أربيل إن الوفد سيزور بغداد. Talks in Erbil.\n\n%2")
                            .arg(i)
                            .arg(QStringLiteral("The delegation discussed the budget and oil exports. ")
                                     .repeated(1 + i % 40));
    }
    static void makeArchiveBeforeBodies(const QString& path, int count) {
        const QString name = storage::uniqueConnectionName(QStringLiteral("v13"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 13), "migrating to the version before 014");
            QVERIFY(storage::schemaVersion(*db) < 14);
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            QVERIFY(db->transaction());
            query.prepare(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, fetched, "
                                         "sort_time, content_hash, html, text, mentions) "
                                         "VALUES (?, 1, ?, ?, 100, ?, 'h', ?, ?, ?)"));
            for (int i = 1; i <= count; ++i) {
                const QString text = bodyText(i);
                const qsizetype erbil = text.indexOf(QStringLiteral("أربيل"));
                for (const QVariant& value :
                     {QVariant(i), QVariant(QString::number(i)), QVariant(QStringLiteral("Title %1").arg(i)),
                      QVariant(100 + i), QVariant(bodyHtml(i)), QVariant(text),
                      QVariant(erbil < 0 ? QStringLiteral("[]")
                                         : QStringLiteral("[[\"erbil\",%1,%2]]").arg(erbil).arg(erbil + 5))})
                    query.addBindValue(value);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            const qsizetype talks = bodyText(2).indexOf(QStringLiteral("Talks"));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO highlights (article_id, color, quote, start, end, "
                                              "created, updated) VALUES (2, 'yellow', 'Talks', %1, %2, 0, 0)")
                                   .arg(talks)
                                   .arg(talks + 5)));
            QVERIFY(db->commit());
        }
        storage::closeDatabase(name);
    }

    // Every article reads as it was stored before 014, mentions and highlight included.
    static void checkBodiesKept(QSqlDatabase& db, int count) {
        for (int i = 1; i <= count; ++i) {
            Result<Article> article = storage::loadArticle(db, i);
            QVERIFY2(article, qPrintable(article.error()));
            QCOMPARE(article->html, bodyHtml(i));
            QCOMPARE(article->text, bodyText(i));
            if (i != 3) {
                QCOMPARE(article->mentions.size(), 1);
                QCOMPARE(article->mentions[0].surface, QStringLiteral("أربيل"));
            }
        }
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT start, end FROM highlights WHERE article_id = 2")) &&
                query.next());
        QCOMPARE(bodyText(2).mid(query.value(0).toInt(), query.value(1).toInt() - query.value(0).toInt()),
                 QStringLiteral("Talks"));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_bodies")) && query.next());
        QCOMPARE(query.value(0).toInt(), count);
        // Stored once now: the old columns are empty.
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM articles WHERE html != '' OR text != ''")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    }

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // Migration 014 moves the bodies into article_bodies, compressed, in batches; stopped
    // half-way (as a kill between two batches leaves it) it loses nothing, the archive is still
    // a whole archive of the version before, and the next open goes on from there.
    void bodiesAreCompressedInBatchesThatResume() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v13.sqlite"));
        constexpr int kArticles = 1300; // three batches
        makeArchiveBeforeBodies(path, kArticles);
        if (QTest::currentTestFailed())
            return;
        const qint64 before = QFileInfo(path).size();

        QList<qint64> seen;
        storage::setMigrationProgress([&](int version, qint64 done, qint64) {
            seen << done;
            return !(version == 14 && done > 0); // stop after the first batch
        });
        const QString stopped = storage::uniqueConnectionName(QStringLiteral("stopped"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, stopped);
            QVERIFY(!db);
            QVERIFY2(db.error().contains(QStringLiteral("goes on from there")), qPrintable(db.error()));
        }
        storage::closeDatabase(stopped);
        storage::setMigrationProgress({});
        QCOMPARE(seen, (QList<qint64>{0, 500}));
        QStringList backups = QDir(dir.path()).entryList({QStringLiteral("*.bak")});
        QCOMPARE(backups.size(), 1);
        const QString backup = dir.filePath(backups.first());
        const QDateTime backedUp = QFileInfo(backup).lastModified();
        const QString half = storage::uniqueConnectionName(QStringLiteral("half"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, half, false);
            QVERIFY(db);
            QVERIFY(storage::schemaVersion(*db) < 14);
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_bodies")) && query.next());
            QCOMPARE(query.value(0).toInt(), 500);
            QVERIFY(query.exec(QStringLiteral("SELECT text FROM articles WHERE id = 700")) && query.next());
            QCOMPARE(query.value(0).toString(), bodyText(700)); // not converted yet: as it was
            QVERIFY(query.exec(QStringLiteral("SELECT text FROM articles WHERE id = 7")) && query.next());
            QCOMPARE(query.value(0).toString(), QString()); // converted: in article_bodies
        }
        storage::closeDatabase(half);

        QList<qint64> resumed;
        storage::setMigrationProgress([&](int, qint64 done, qint64) {
            resumed << done;
            return true;
        });
        const QString again = storage::uniqueConnectionName(QStringLiteral("resumed"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            storage::setMigrationProgress({});
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE(resumed, (QList<qint64>{500, 1000, kArticles}));
            QCOMPARE(storage::schemaVersion(*db), storage::latestSchemaVersion());
            checkBodiesKept(*db, kArticles);
            // The space the old bodies held is given back, once, and from now on bit by bit.
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next());
            QCOMPARE(query.value(0).toInt(), 2); // incremental
            QVERIFY(query.exec(QStringLiteral("PRAGMA freelist_count")) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
        storage::closeDatabase(again);
        QVERIFY2(QFileInfo(path).size() < before / 2,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(QFileInfo(path).size())));
        // The backup made before the upgrade began is the archive as it was, kept on resuming.
        QCOMPARE(QFileInfo(backup).lastModified(), backedUp);
        const QString old = storage::uniqueConnectionName(QStringLiteral("backup"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(backup, old, false);
            QVERIFY(db);
            QSqlQuery query(*db);
            QVERIFY(!query.exec(QStringLiteral("SELECT count(*) FROM article_bodies")));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM articles WHERE text != ''")) &&
                    query.next());
            QCOMPARE(query.value(0).toInt(), kArticles - 1);
        }
        storage::closeDatabase(old);
    }

    // The same with a real kill: mirsadctl upgrading the archive is killed with SIGKILL once
    // the first batch is in; the next open finishes the upgrade with every body intact.
    void killedUpgradeResumes() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
        constexpr int kArticles = 8000;
        makeArchiveBeforeBodies(path, kArticles);
        if (QTest::currentTestFailed())
            return;
        QProcess upgrade;
        upgrade.setProgram(QStringLiteral(MIRSADCTL_PATH));
        upgrade.setArguments({QStringLiteral("--db"), path, QStringLiteral("list")});
        upgrade.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        upgrade.start();
        QVERIFY(upgrade.waitForStarted());
        // Watch from another connection until some bodies are committed, then kill.
        qint64 converted = 0;
        const QString watch = storage::uniqueConnectionName(QStringLiteral("watch"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), watch);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            while (upgrade.state() == QProcess::Running && converted == 0) {
                if (query.exec(QStringLiteral("SELECT count(*) FROM article_bodies")) && query.next())
                    converted = query.value(0).toLongLong();
                query.finish();
                QThread::msleep(2);
            }
        }
        QSqlDatabase::removeDatabase(watch);
        upgrade.kill();
        upgrade.waitForFinished();
        qInfo("killed with %lld of %d bodies converted", converted, kArticles);

        const QString again = storage::uniqueConnectionName(QStringLiteral("afterkill"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE(storage::schemaVersion(*db), storage::latestSchemaVersion());
            checkBodiesKept(*db, kArticles);
        }
        storage::closeDatabase(again);
    }

    void freshDatabaseHasTheWholeSchema() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        QCOMPARE(storage::schemaVersion(temp.db()), storage::latestSchemaVersion());
        QVERIFY(storage::latestSchemaVersion() >= 3);
        for (const char* table :
             {"feeds", "folders", "articles", "article_search", "entities", "article_entities", "highlights",
              "notes", "user_entities", "user_aliases", "search_vocabulary", "search_vocabulary_fill"})
            QVERIFY2(temp.count(QString::fromLatin1(table)) == 0, table);
        // The only fact known of an empty archive: which rules its (empty) vocabulary follows.
        QCOMPARE(temp.count(QStringLiteral("meta")), 1);
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
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
        QCOMPARE(query.value(0).toInt(), 16384);
        QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2); // incremental: see tidyingUpGivesFreePagesBack
    }

    // Closing the writer gives free pages back to the file system, a bounded number at a time,
    // and refreshes the query planner's statistics.
    void tidyingUpGivesFreePagesBack() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
        QVERIFY(temp.db().transaction());
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, fetched, sort_time, "
                                      "content_hash) VALUES (1, 1, 'k', 0, 0, 'h')")));
        query.prepare(
            QStringLiteral("INSERT INTO notes (article_id, body, created, updated) VALUES (1, ?, 0, 0)"));
        for (int i = 0; i < 3000; ++i) { // 3000 notes of 4 kB: about 800 pages
            query.addBindValue(QString(4000, QChar(u'a' + i % 26)));
            QVERIFY(query.exec());
        }
        QVERIFY(temp.db().commit());
        auto pragma = [&](const char* name) {
            QSqlQuery q(temp.db());
            return q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next()
                       ? q.value(0).toLongLong()
                       : -1;
        };
        const qint64 full = pragma("page_count");
        QVERIFY(query.exec(QStringLiteral("DELETE FROM notes")));
        QVERIFY(pragma("freelist_count") > 256);
        QCOMPARE(pragma("page_count"), full);
        const Status tidied = storage::tidyUpDatabase(temp.db());
        QVERIFY2(tidied, qPrintable(tidied.error()));
        QVERIFY2(pragma("page_count") < full / 2, qPrintable(QString::number(pragma("page_count"))));
        QCOMPARE(pragma("freelist_count"), 0);
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

    // Each upgrade keeps a backup of the file as it was; only the newest stays.
    void onlyTheNewestBackupStays() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QFile other(dir.filePath(QStringLiteral("other.sqlite.v1.bak"))); // another archive's
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        const QString name = storage::uniqueConnectionName(QStringLiteral("steps"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            for (int version : {1, 3, 5}) {
                QVERIFY2(storage::migrate(*db, version), qPrintable(QString::number(version)));
                QCOMPARE(storage::schemaVersion(*db), version);
            }
        }
        storage::closeDatabase(name);
        QDir files(dir.path());
        QCOMPARE(files.entryList({QStringLiteral("*.bak")}, QDir::Files, QDir::Name),
                 QStringList({QStringLiteral("old.sqlite.v3.bak"), QStringLiteral("other.sqlite.v1.bak")}));
    }

    // Version 6 moved the mention rows into their article's row: what was tagged before reads
    // back the same, and the filters' entity index still follows deletions.
    void mentionRowsMoveIntoTheirArticle() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v5"));
        const QString text = QStringLiteral("Talks in Erbil and Duhok; Erbil again.");
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 5), "migrating to version 5");
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            for (int id : {5, 6}) {
                query.prepare(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, text, fetched, "
                                             "sort_time, content_hash) VALUES (?, 1, ?, ?, 100, 100, 'h')"));
                query.addBindValue(id);
                query.addBindValue(QString::number(id));
                query.addBindValue(id == 5 ? text : QStringLiteral("Nothing named."));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            // Out of order on purpose: the column is sorted by start.
            QVERIFY(query.exec(
                QStringLiteral("INSERT INTO mentions (article_id, entity_id, start, end, surface) VALUES "
                               "(5, 'erbil', 27, 32, 'Erbil'), (5, 'erbil', 9, 14, 'Erbil'), (5, 'duhok', "
                               "19, 24, 'Duhok')")));
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO article_entities (entity_id, sort_time, article_id) "
                                          "VALUES ('erbil', 100, 5), ('duhok', 100, 5)")));
        }
        storage::closeDatabase(name);

        const QString again = storage::uniqueConnectionName(QStringLiteral("v6"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(!query.exec(QStringLiteral("SELECT * FROM mentions")));
            QVERIFY(query.exec(QStringLiteral("SELECT mentions FROM articles ORDER BY id")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(),
                     QStringLiteral(R"([["erbil",9,14],["duhok",19,24],["erbil",27,32]])"));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("[]"));

            Result<Article> article = storage::loadArticle(*db, 5);
            QVERIFY2(article, qPrintable(article.error()));
            QCOMPARE(article->mentions.size(), 3);
            QCOMPARE(article->mentions[1].entityId, QStringLiteral("duhok"));
            QCOMPARE(article->mentions[1].surface, QStringLiteral("Duhok"));
            QCOMPARE(article->mentions[2].start, 27);

            QVERIFY(query.exec(QStringLiteral("DELETE FROM articles WHERE id = 5")));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_entities")) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
        storage::closeDatabase(again);
    }

    // Version 8 finds an article's index rows from its mentions and sort_time, without the
    // per-article indexes: moving and deleting the article still moves and removes its rows.
    void indexRowsAreFoundFromTheirArticle() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v7.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v7"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 7), "migrating to version 7");
            QSqlQuery query(*db);
            for (const char* sql :
                 {"INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)",
                  "INSERT INTO place_closure VALUES ('erbil', 'erbil'), ('erbil', 'kurdistan-region'), "
                  "('duhok', 'duhok'), ('duhok', 'kurdistan-region')",
                  "INSERT INTO articles (id, feed_id, dedupe_key, text, fetched, sort_time, content_hash, "
                  "mentions) VALUES (5, 1, '5', 'Erbil and Duhok', 100, 100, 'h', "
                  "'[[\"erbil\",0,5],[\"duhok\",10,15]]')",
                  "INSERT INTO article_entities VALUES ('erbil', 100, 5), ('duhok', 100, 5)",
                  "INSERT INTO article_regions VALUES ('erbil', 100, 5), ('duhok', 100, 5), "
                  "('kurdistan-region', 100, 5)"})
                QVERIFY2(query.exec(QString::fromUtf8(sql)), qPrintable(query.lastError().text()));
        }
        storage::closeDatabase(name);

        const QString again = storage::uniqueConnectionName(QStringLiteral("v8"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            auto count = [&](const QString& sql) {
                return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
            };
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                          "('article_entities_by_article', 'article_regions_by_article')")),
                     0);
            QVERIFY(query.exec(QStringLiteral("UPDATE articles SET sort_time = 200 WHERE id = 5")));
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM article_entities WHERE sort_time = 200")), 2);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM article_regions WHERE sort_time = 200")), 3);
            QVERIFY(query.exec(QStringLiteral("DELETE FROM articles WHERE id = 5")));
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM article_entities")), 0);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM article_regions")), 0);
        }
        storage::closeDatabase(again);
    }

    // Version 7 changed the search index's tokenizer; the index is contentless, so the migration
    // refills it from the articles.
    void searchIndexIsRefilledForItsNewTokenizer() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v6s"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 6), "migrating to version 6");
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO articles (id, feed_id, dedupe_key, title, text, fetched, sort_time, "
                "content_hash) "
                "VALUES (9, 1, 'k', 'Budget', 'وصل الوفد إلى أربيل،ثم دهوك', 100, 100, 'h')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES "
                                              "(9, 'Budget', 'وصل الوفد الى اربيل،ثم دهوك')")));
        }
        storage::closeDatabase(name);
        const QString again = storage::uniqueConnectionName(QStringLiteral("v7s"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            for (const QString& typed :
                 {QStringLiteral("اربيل"), QStringLiteral("دهوك"), QStringLiteral("BUDG*")}) {
                QSqlQuery query(*db);
                query.prepare(
                    QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ?"));
                query.addBindValue(storage::compileSearch(*db, typed)->match);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
                QVERIFY2(query.next(), qPrintable(typed));
                QCOMPARE(query.value(0).toInt(), 9);
            }
        }
        storage::closeDatabase(again);
    }

    // Version 18 keeps the index's words under their stems. An older archive's vocabulary is
    // filled from its index in steps that resume; meanwhile a word still finds its clitic forms,
    // and once it is full, its inflections too.
    void searchVocabularyIsFilledFromAnOlderIndex() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v17.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v17"));
        const QStringList texts = {
            QStringLiteral("وصل الوفد إلى بغداد وبالموصل"), QStringLiteral("The delegation met in Erbil"),
            QStringLiteral("موازنتها لم تقر بعد"), QStringLiteral("Oil exports resumed")};
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::migrate(*db, 17));
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            for (int i = 0; i < texts.size(); ++i) {
                query.prepare(
                    QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, fetched, "
                                   "sort_time, content_hash) VALUES (?, 1, ?, 't', 100, 100, 'h')"));
                query.addBindValue(i + 1);
                query.addBindValue(QString::number(i));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
                query.prepare(
                    QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, '', ?)"));
                query.addBindValue(i + 1);
                query.addBindValue(search::searchText(texts[i]));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
        storage::closeDatabase(name);
        const auto found = [](const QSqlDatabase& db, const QString& typed) {
            Result<storage::CompiledSearch> compiled = storage::compileSearch(db, typed);
            QList<int> ids;
            if (!compiled)
                return QList<int>{-1};
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ? "
                                         "ORDER BY rowid"));
            query.addBindValue(compiled->match);
            if (!query.exec())
                return QList<int>{-2};
            while (query.next())
                ids << query.value(0).toInt();
            return ids;
        };
        int steps = 0;
        const QString upgraded = storage::uniqueConnectionName(QStringLiteral("v18"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, upgraded);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::searchVocabularyFilling(*db));
            // Usable before the fill: the clitic forms are found.
            QCOMPARE(found(*db, QStringLiteral("الموصل")), QList<int>{1});
            QCOMPARE(found(*db, QStringLiteral("بغداد")), QList<int>{1});
            // Two steps of three words, then the connection goes (a quit in the middle).
            for (; steps < 2; ++steps) {
                Result<qint64> read = storage::fillSearchVocabulary(*db, 3);
                QVERIFY2(read, qPrintable(read.error()));
                QCOMPARE(*read, 3);
            }
        }
        storage::closeDatabase(upgraded);
        const QString resumed = storage::uniqueConnectionName(QStringLiteral("v18r"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, resumed);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::searchVocabularyFilling(*db));
            QSqlQuery words(*db);
            QVERIFY(words.exec(QStringLiteral("SELECT count(DISTINCT word) FROM search_vocabulary")) &&
                    words.next());
            QCOMPARE(words.value(0).toInt(), 6); // what the two steps read was kept
            for (;; ++steps) {
                Result<qint64> read = storage::fillSearchVocabulary(*db, 3);
                QVERIFY2(read, qPrintable(read.error()));
                if (*read == 0)
                    break;
            }
            QVERIFY(!storage::searchVocabularyFilling(*db));
            QVERIFY(steps > 4);
            QVERIFY(words.exec(QStringLiteral("SELECT count(DISTINCT word) FROM search_vocabulary")) &&
                    words.next());
            QSqlQuery index(*db);
            QVERIFY(index.exec(
                QStringLiteral("CREATE VIRTUAL TABLE temp.w USING fts5vocab(main, article_search, row)")));
            QVERIFY(index.exec(QStringLiteral("SELECT count(*) FROM temp.w")) && index.next());
            QCOMPARE(words.value(0).toInt(), index.value(0).toInt()); // every word of the index
            // Inflections now, and still the clitic forms.
            QCOMPARE(found(*db, QStringLiteral("delegations")), QList<int>{2});
            QCOMPARE(found(*db, QStringLiteral("موازنة")), QList<int>{3});
            QCOMPARE(found(*db, QStringLiteral("موصل")), QList<int>{1});
            QCOMPARE(found(*db, QStringLiteral("export")), QList<int>{4});
            // A vocabulary made by other rules (an older build's stems) is made again.
            QVERIFY(words.exec(
                QStringLiteral("UPDATE meta SET value = '1' WHERE key = 'search_vocabulary_rules'")));
            QCOMPARE(words.numRowsAffected(), 1);
        }
        storage::closeDatabase(resumed);
        const QString renewed = storage::uniqueConnectionName(QStringLiteral("v18n"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, renewed);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::searchVocabularyFilling(*db));
            QSqlQuery words(*db);
            QVERIFY(words.exec(QStringLiteral("SELECT count(*) FROM search_vocabulary")) && words.next());
            QCOMPARE(words.value(0).toInt(), 0);
            QCOMPARE(found(*db, QStringLiteral("موصل")), QList<int>{1}); // clitic forms meanwhile
        }
        storage::closeDatabase(renewed);
    }

    // Version 9 gave the search index Mirsad's own tokenizer: the index is refilled from the
    // articles, and what the ascii tokenizer's index found, the new one finds.
    void searchIndexMovesToTheFoldedTokenizer() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v8.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v8s"));
        const QString arabic = QStringLiteral("وصل وفد الاتحاد الوطني الكردستاني إلى أربيل،ثم دهوك");
        const QString english = QStringLiteral("Prime Minister Masrour Barzani met the delegation.");
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 8), "migrating to version 8");
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            for (const auto& [id, title, text] : {std::tuple(4, QStringLiteral("Budget talks"), arabic),
                                                  std::tuple(5, QStringLiteral("KDP and PUK"), english)}) {
                query.prepare(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, text, "
                                             "fetched, sort_time, content_hash) VALUES (?, 1, ?, ?, ?, 100, "
                                             "100, 'h')"));
                query.addBindValue(id);
                query.addBindValue(QString::number(id));
                query.addBindValue(title);
                query.addBindValue(text);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
                // As the writer indexed it, into version 8's ascii index.
                query.prepare(
                    QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
                query.addBindValue(id);
                query.addBindValue(search::searchText(title));
                query.addBindValue(search::searchText(text));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
        storage::closeDatabase(name);
        const QString again = storage::uniqueConnectionName(QStringLiteral("v9s"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::schemaVersion(*db) >= 9);
            QSqlQuery query(*db);
            QVERIFY(
                query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'article_search'")));
            QVERIFY(query.next());
            QVERIFY2(query.value(0).toString().contains(QStringLiteral("tokenize='mirsad_folded'")),
                     qPrintable(query.value(0).toString()));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_search")) && query.next());
            QCOMPARE(query.value(0).toInt(), 2);
            const std::pair<QString, int> searches[] = {
                {QStringLiteral("اربيل"), 4},         {QStringLiteral("الكردستاني"), 4},
                {QStringLiteral("دهوك"), 4},          {QStringLiteral("BUDG*"), 4},
                {QStringLiteral("masrour barz*"), 5}, {QStringLiteral("PUK"), 5},
            };
            for (const auto& [typed, id] : searches) {
                query.prepare(
                    QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ?"));
                query.addBindValue(storage::compileSearch(*db, typed)->match);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
                QVERIFY2(query.next(), qPrintable(typed));
                QCOMPARE(query.value(0).toInt(), id);
                QVERIFY2(!query.next(), qPrintable(typed));
            }
            // A phrase, as FTS5 syntax: the words in this order only.
            QVERIFY(query.exec(QStringLiteral(
                "SELECT rowid FROM article_search WHERE article_search MATCH '\"prime minister\"'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 5);
            QVERIFY(query.exec(QStringLiteral(
                "SELECT count(*) FROM article_search WHERE article_search MATCH '\"minister prime\"'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            // The writer's way of replacing an article's row still works on the new index.
            QVERIFY(query.exec(QStringLiteral("DELETE FROM article_search WHERE rowid = 4")));
            QVERIFY(query.exec(
                QStringLiteral("SELECT count(*) FROM article_search WHERE article_search MATCH 'budget'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
        storage::closeDatabase(again);
    }

    // Version 10 stores the digest of each article's identity: an article stored before is still
    // found by its identity, so its feed sending it again updates it instead of adding a copy.
    void storedIdentitiesBecomeDigests() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v9.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v9d"));
        Article byGuid;
        byGuid.feedId = 1;
        byGuid.guid = QStringLiteral("https://example.org/?p=12");
        byGuid.title = QStringLiteral("Budget talks");
        Article byTitle;
        byTitle.feedId = 1;
        byTitle.title = QStringLiteral("وصل وفد الاتحاد الوطني الكردستاني إلى أربيل");
        byTitle.published = QDateTime(QDate(2024, 6, 1), QTime(8, 0), QTimeZone::UTC);
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 9), "migrating to version 9");
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            for (const auto& [id, article] : {std::pair(4, byGuid), std::pair(5, byTitle)}) {
                query.prepare(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, fetched, "
                                             "sort_time, content_hash) VALUES (?, 1, ?, ?, 100, 100, 'h')"));
                query.addBindValue(id);
                query.addBindValue(article.dedupeKey()); // as version 9 stored it
                query.addBindValue(article.title);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
        storage::closeDatabase(name);
        const QString again = storage::uniqueConnectionName(QStringLiteral("v10d"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::schemaVersion(*db) >= 10);
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("SELECT id, dedupe_key FROM articles ORDER BY id")));
            for (const auto& [id, article] : {std::pair(4, byGuid), std::pair(5, byTitle)}) {
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toInt(), id);
                QCOMPARE(query.value(1).toString(), QString::fromLatin1(identityDigest(article.dedupeKey())));
            }
            QVERIFY(!query.next());
            // Both sent again, edited: each is updated in place.
            storage::ArticleWriter writer(*db);
            for (const auto& [id, article] : {std::pair(4, byGuid), std::pair(5, byTitle)}) {
                Article edited = article;
                edited.text = QStringLiteral("Edited.");
                const Result<storage::UpsertResult> stored = writer.upsert(edited, QString());
                QVERIFY2(stored, qPrintable(stored.error()));
                QCOMPARE(stored->id, qint64(id));
                QCOMPARE(stored->outcome, storage::UpsertOutcome::Updated);
            }
            QVERIFY(writer.finish());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM articles")) && query.next());
            QCOMPARE(query.value(0).toInt(), 2);
        }
        storage::closeDatabase(again);
    }

    // Version 11 lists each article's remote images beside its html: the articles stored before
    // get the images their html shows (a feed that allowed remote content).
    void storedHtmlGivesItsRemoteImages() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v10.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v10i"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 10), "migrating to version 10");
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)")));
            const QStringList html{
                QStringLiteral("<p>Sinjar.</p><img src=\"https://cdn.example/a.jpg\" alt=\"A\"/>"
                               "<img src=\"https://cdn.example/b.jpg\"/>"),
                QStringLiteral("<p>No images.</p>")};
            for (int i = 0; i < html.size(); ++i) {
                query.prepare(
                    QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, fetched, "
                                   "sort_time, content_hash, html) VALUES (?, 1, ?, 't', 100, 100, 'h', ?)"));
                query.addBindValue(i + 1);
                query.addBindValue(QString::number(i));
                query.addBindValue(html[i]);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
        storage::closeDatabase(name);
        const QString again = storage::uniqueConnectionName(QStringLiteral("v11i"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            Result<Article> images = storage::loadArticle(*db, 1);
            QVERIFY2(images, qPrintable(images.error()));
            QCOMPARE(images->remoteImages, (QStringList{QStringLiteral("https://cdn.example/a.jpg"),
                                                        QStringLiteral("https://cdn.example/b.jpg")}));
            Result<Article> none = storage::loadArticle(*db, 2);
            QVERIFY2(none, qPrintable(none.error()));
            QVERIFY(none->remoteImages.isEmpty());
        }
        storage::closeDatabase(again);
    }

    // Version 13 keeps unread counts beside the totals: an archive is counted once, and the
    // counts follow read state and deletions from then on.
    void unreadCountsAreFilledAndKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v12.sqlite"));
        const QString name = storage::uniqueConnectionName(QStringLiteral("v12"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY2(storage::migrate(*db, 12), "migrating to version 12");
            QSqlQuery query(*db);
            for (const char* sql :
                 {"INSERT INTO feeds (id, url, created) VALUES (1, 'f', 0)",
                  "INSERT INTO place_closure VALUES ('erbil', 'erbil'), ('erbil', 'kurdistan-region'), "
                  "('duhok', 'duhok'), ('duhok', 'kurdistan-region')",
                  "INSERT INTO articles (id, feed_id, dedupe_key, text, fetched, sort_time, content_hash, "
                  "read, "
                  "mentions) VALUES (5, 1, '5', 'Erbil and Duhok', 100, 100, 'h', 0, "
                  "'[[\"erbil\",0,5],[\"duhok\",10,15]]'), (6, 1, '6', 'Erbil', 200, 200, 'h', 1, "
                  "'[[\"erbil\",0,5]]'), (7, 1, '7', 'Duhok', 300, 300, 'h', 0, '[[\"duhok\",0,5]]')",
                  "INSERT INTO article_entities VALUES ('erbil', 100, 5), ('duhok', 100, 5), ('erbil', 200, "
                  "6), "
                  "('duhok', 300, 7)",
                  "INSERT INTO article_regions VALUES ('erbil', 100, 5), ('duhok', 100, 5), "
                  "('kurdistan-region', 100, 5), ('erbil', 200, 6), ('kurdistan-region', 200, 6), "
                  "('duhok', 300, 7), ('kurdistan-region', 300, 7)",
                  // A total that went wrong: recounted too.
                  "INSERT INTO entity_counts VALUES ('erbil', 7), ('duhok', 2)",
                  "INSERT INTO region_counts VALUES ('erbil', 2), ('duhok', 2), ('kurdistan-region', 3)"})
                QVERIFY2(query.exec(QString::fromUtf8(sql)), qPrintable(query.lastError().text()));
        }
        storage::closeDatabase(name);

        const QString again = storage::uniqueConnectionName(QStringLiteral("v13"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, again);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            auto counts = [&](const QString& table, const QString& key) {
                const QString column = table == QStringLiteral("region_counts") ? QStringLiteral("region_id")
                                                                                : QStringLiteral("entity_id");
                return query.exec(QStringLiteral("SELECT articles || '/' || unread FROM %1 WHERE %2 = '%3'")
                                      .arg(table, column, key)) &&
                               query.next()
                           ? query.value(0).toString()
                           : QString();
            };
            QCOMPARE(counts(QStringLiteral("entity_counts"), QStringLiteral("erbil")), QStringLiteral("2/1"));
            QCOMPARE(counts(QStringLiteral("entity_counts"), QStringLiteral("duhok")), QStringLiteral("2/2"));
            QCOMPARE(counts(QStringLiteral("region_counts"), QStringLiteral("kurdistan-region")),
                     QStringLiteral("3/2"));
            ArticleFilter unread;
            unread.regions << QStringLiteral("kurdistan-region");
            unread.unreadOnly = true;
            QCOMPARE(*storage::countArticles(*db, unread), 2);
            QVERIFY(query.exec(QStringLiteral("UPDATE articles SET read = 1 WHERE id = 5")));
            QCOMPARE(counts(QStringLiteral("region_counts"), QStringLiteral("kurdistan-region")),
                     QStringLiteral("3/1"));
            QCOMPARE(counts(QStringLiteral("entity_counts"), QStringLiteral("erbil")), QStringLiteral("2/0"));
            QVERIFY(query.exec(QStringLiteral("DELETE FROM articles WHERE id = 7")));
            QCOMPARE(counts(QStringLiteral("region_counts"), QStringLiteral("kurdistan-region")),
                     QStringLiteral("2/0"));
            QCOMPARE(counts(QStringLiteral("entity_counts"), QStringLiteral("duhok")), QStringLiteral("1/0"));
            QCOMPARE(*storage::countArticles(*db, unread), 0);
        }
        storage::closeDatabase(again);
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
