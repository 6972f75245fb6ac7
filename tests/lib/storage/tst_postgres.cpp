// A team's archive on PostgreSQL: how a location names a server, what the user reads when the
// server cannot be reached, and the schema a new database gets (once, however many clients start
// at the same time). Against the test run's own server (tools/postgres-test-server).

#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/Location.h"
#include "storage/Migrations.h"
#include "storage/PostgresColumns.h"
#include "storage/PostgresDatabase.h"
#include "tagging/Tagger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace mirsad;
using storage::Location;

class TestPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void filePathsAreSqlite_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("absolute") << u"/home/ana/mirsad.sqlite"_s;
        QTest::newRow("relative") << u"archive/desk.sqlite"_s;
        QTest::newRow("memory") << u":memory:"_s;
        QTest::newRow("a file named like a scheme") << u"postgresql.sqlite"_s;
    }
    void filePathsAreSqlite() {
        QFETCH(QString, text);
        Result<Location> location = Location::parse(text);
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(!location->isPostgres());
        QCOMPARE(location->path, text);
    }

    void urisArePostgres_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("display");
        QTest::newRow("everything")
            << u"postgresql://ana:s3cret@db.desk.example:5433/team?sslmode=verify-full"_s
            << u"db.desk.example"_s << u"5433"_s << u"team"_s << u"ana"_s << u"s3cret"_s
            << u"sslmode=verify-full"_s
            << u"postgresql://ana@db.desk.example:5433/team?sslmode=verify-full"_s;
        QTest::newRow("short scheme")
            << u"postgres://127.0.0.1/team"_s << u"127.0.0.1"_s << QString() << u"team"_s << QString()
            << QString() << QString() << u"postgresql://127.0.0.1/team"_s;
        QTest::newRow("socket in the query")
            << u"postgresql:///team?host=/run/postgresql&user=ana"_s << u"/run/postgresql"_s << QString()
            << u"team"_s << u"ana"_s << QString() << QString()
            << u"postgresql://ana@/team?host=/run/postgresql"_s;
        QTest::newRow("percent-encoded socket")
            << u"postgresql://%2Fvar%2Frun%2Fpostgresql/team"_s << u"/var/run/postgresql"_s << QString()
            << u"team"_s << QString() << QString() << QString()
            << u"postgresql:///team?host=/var/run/postgresql"_s;
        QTest::newRow("ipv6 and port")
            << u"postgresql://[::1]:5432/team"_s << u"::1"_s << u"5432"_s << u"team"_s << QString()
            << QString() << QString() << u"postgresql://[::1]:5432/team"_s;
        QTest::newRow("several hosts")
            << u"postgresql://a.example:5432,b.example:5433/team?target_session_attrs=read-write"_s
            << u"a.example,b.example"_s << u"5432,5433"_s << u"team"_s << QString() << QString()
            << u"target_session_attrs=read-write"_s
            << u"postgresql://a.example:5432,b.example:5433/team?target_session_attrs=read-write"_s;
        QTest::newRow("arabic database name")
            << u"postgresql://localhost/%D9%85%D8%B1%D8%B5%D8%AF"_s << u"localhost"_s << QString()
            << u"مرصد"_s << QString() << QString() << QString()
            << u"postgresql://localhost/%D9%85%D8%B1%D8%B5%D8%AF"_s;
        QTest::newRow("password in the query")
            << u"postgresql://db.example/team?user=ana&password=x%20y"_s << u"db.example"_s << QString()
            << u"team"_s << u"ana"_s << u"x y"_s << QString() << u"postgresql://ana@db.example/team"_s;
    }
    void urisArePostgres() {
        QFETCH(QString, uri);
        Result<Location> location = Location::parse(uri);
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(location->isPostgres());
        QTEST(location->host, "host");
        QTEST(location->port, "port");
        QTEST(location->database, "database");
        QTEST(location->user, "user");
        QTEST(location->password, "password");
        QStringList options;
        for (const auto& [key, value] : location->options)
            options << key + u'=' + value;
        QTEST(options.join(u'&'), "options");
        QTEST(location->display(), "display");
        // What is shown parses back to the same place.
        Result<Location> again = Location::parse(location->display());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->display(), location->display());
        QVERIFY(!location->display().contains(u"s3cret"_s));
    }

    void badUrisAreRefusedWithoutThePassword_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad escape") << u"postgresql://ana:pw@host/te%zzam"_s << u"percent-encoding"_s;
        QTest::newRow("bad port") << u"postgresql://ana:pw@host:99999/team"_s << u"port"_s;
        QTest::newRow("open bracket") << u"postgresql://ana:pw@[::1/team"_s << u"IPv6"_s;
        QTest::newRow("no value") << u"postgresql://ana:pw@host/team?sslmode"_s << u"no value"_s;
    }
    void badUrisAreRefusedWithoutThePassword() {
        QFETCH(QString, uri);
        QFETCH(QString, says);
        Result<Location> location = Location::parse(uri);
        QVERIFY(!location);
        QVERIFY2(location.error().contains(says), qPrintable(location.error()));
        QVERIFY2(!location.error().contains(u"pw"_s), qPrintable(location.error()));
    }

    // The bug this began with: a URI given to --db made a folder named "postgresql:" and an
    // SQLite file in it. Now it is a server, and a server that is not there is a sentence.
    void aServerThatIsNotThereIsASentenceNotAFolder() {
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const QString uri = u"postgresql://mirsad@/team?host=%1&connect_timeout=3"_s.arg(dir.path());
        Result<QSqlDatabase> db = storage::openDatabase(uri, u"absent"_s);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"No PostgreSQL server answers"_s), qPrintable(db.error()));
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    void connectionFailuresAreExplained() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QString missing = server.location();
        missing.replace(server.name(), u"no_such_archive"_s);
        Result<QSqlDatabase> db = storage::openDatabase(missing, u"missing"_s);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"has no database named \"no_such_archive\""_s), qPrintable(db.error()));

        QString stranger = server.location();
        stranger.replace(u"mirsad@"_s, u"stranger@"_s);
        db = storage::openDatabase(stranger, u"stranger"_s);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"has no user named \"stranger\""_s), qPrintable(db.error()));

        // The messages libpq gives for what this server (trust on a socket) cannot show.
        Location team = *Location::parse(u"postgresql://ana:pw@db.example/team"_s);
        QVERIFY(storage::explainConnectionFailure(
                    team, u"FATAL:  password authentication failed for user \"ana\""_s)
                    .contains(u"refused the password of ana"_s));
        QVERIFY(storage::needsPassword(u"fe_sendauth: no password supplied"_s));
        QVERIFY(
            storage::explainConnectionFailure(
                team,
                u"FATAL:  no pg_hba.conf entry for host \"10.0.0.2\", user \"ana\", database \"team\", no encryption"_s)
                .contains(u"sslmode=require"_s));
        QVERIFY(
            !storage::explainConnectionFailure(team, u"password authentication failed"_s).contains(u"pw"_s));
    }

    void anEmptyDatabaseGetsTheSchema() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        Result<QSqlDatabase> db = storage::openDatabase(server.location(), u"schema"_s);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(storage::isPostgres(*db));
        QCOMPARE(storage::schemaVersion(*db), storage::latestPostgresSchemaVersion());
        QSqlQuery query(*db);
        QVERIFY(
            query.exec(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s));
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() >= 20, qPrintable(query.value(0).toString()));
        // Every connection runs without JIT: its compile time (tens of ms, even for an EXPLAIN)
        // outweighs what it saves on Mirsad's short queries.
        QVERIFY(query.exec(u"SHOW jit"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"off"_s);
        // Opening again changes nothing.
        *db = QSqlDatabase();
        storage::closeDatabase(u"schema"_s);
        db = storage::openDatabase(server.location(), u"schema"_s);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(storage::schemaVersion(*db), storage::latestPostgresSchemaVersion());
        *db = QSqlDatabase();
        storage::closeDatabase(u"schema"_s);
    }

    // Bulk rows go to the server as array literals (storage/PostgresColumns.h): every byte of text
    // and bytea arrives as it was, whatever the quoting layers (SQL string, array element) make of it.
    void bulkRowsArriveExactly() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        Result<QSqlDatabase> db = storage::openDatabase(server.location(), u"bulk"_s);
        QVERIFY2(db, qPrintable(db.error()));
        QSqlQuery query(*db);
        QVERIFY(query.exec(u"CREATE TABLE bulk (n bigint, t text, b bytea, v tsvector)"_s));
        QByteArray allBytes;
        for (int b = 0; b < 256; ++b)
            allBytes += char(b);
        const QList<QByteArray> texts = {
            "",
            "NULL",
            "null",
            "{a,b}",
            "\"quoted\" 'single' \\back\\slash\\",
            "tab\there\nnewline\r\nend",
            u"العراق، \"كردستان\" \\ أربيل {}"_s.toUtf8(),
            "E'\\x00' ''",
            QByteArray("before\0after", 12),
            " leading and trailing ",
        };
        storage::PostgresColumns rows("INSERT INTO bulk (n, t, b, v)",
                                      {"bigint", "text", "bytea", "tsvector"});
        for (qsizetype i = 0; i < texts.size(); ++i)
            rows.row().integer(i).text(texts[i]).bytea(texts[i] + allBytes).text("'a\\'b':1A 'c\"d':3");
        rows.row().integer(-1).null().bytea({}).null();
        QCOMPARE(rows.rows(), int(texts.size() + 1));
        QVERIFY(rows.exec(*db, u"test"_s));
        QVERIFY(rows.isEmpty());
        QVERIFY(query.exec(u"SELECT n, t, b, v::text FROM bulk ORDER BY n"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), -1);
        QVERIFY(query.value(1).isNull());
        QCOMPARE(query.value(2).toByteArray(), QByteArray());
        QVERIFY(query.value(3).isNull());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), i);
            QByteArray expected = texts[i];
            expected.replace('\0', QByteArray()); // text cannot hold NUL: left out
            QCOMPARE(query.value(1).toString().toUtf8(), expected);
            QCOMPARE(query.value(2).toByteArray(), texts[i] + allBytes);
            QCOMPARE(query.value(3).toString(), u"'a''b':1A 'c\"d':3"_s);
        }
        QVERIFY(!query.next());
        query = QSqlQuery();
        *db = QSqlDatabase();
        storage::closeDatabase(u"bulk"_s);
    }

    void aNewerSchemaIsRefusedUntouched() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        {
            Result<QSqlDatabase> db = storage::openDatabase(server.location(), u"newer"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(u"UPDATE meta SET value = '999' WHERE key = 'schema_version'"_s));
            QVERIFY(query.exec(u"CREATE TABLE from_the_future (x integer)"_s));
        }
        storage::closeDatabase(u"newer"_s);
        Result<QSqlDatabase> db = storage::openDatabase(server.location(), u"newer"_s);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"schema version 999, made by a newer Mirsad"_s),
                 qPrintable(db.error()));
        Result<QSqlDatabase> raw = storage::openDatabase(server.location(), u"raw"_s, false);
        QVERIFY2(raw, qPrintable(raw.error()));
        QSqlQuery query(*raw);
        QVERIFY(query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"999"_s);
        QVERIFY(query.exec(u"SELECT count(*) FROM from_the_future"_s));
        query.finish();
        *raw = QSqlDatabase();
        storage::closeDatabase(u"raw"_s);
    }

    // Five clients open a new team database at the same moment: each gets a working archive,
    // the schema is made once (a second run of 001 would fail on its CREATE TABLEs).
    void clientsStartingTogetherMigrateOnce() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QList<QFuture<QString>> clients;
        for (int i = 0; i < 5; ++i)
            clients << QtConcurrent::run([location = server.location(), i]() -> QString {
                const QString name = u"client-%1"_s.arg(i);
                QString outcome;
                {
                    Result<QSqlDatabase> db = storage::openDatabase(location, name);
                    if (!db)
                        outcome = db.error();
                    else if (storage::schemaVersion(*db) != storage::latestPostgresSchemaVersion())
                        outcome = u"version %1"_s.arg(storage::schemaVersion(*db));
                }
                storage::closeDatabase(name);
                return outcome;
            });
        for (QFuture<QString>& client : clients)
            QCOMPARE(client.result(), QString());
    }

    // Two analysts' programs starting at once on a new team archive both write the names table and
    // the region index: one after the other, never a duplicate key for either.
    void clientsStartingTogetherLoadTheNamesOnce() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QList<QFuture<QString>> clients;
        for (int i = 0; i < 3; ++i)
            clients << QtConcurrent::run([location = server.location(), i]() -> QString {
                const QString name = u"tagger-%1"_s.arg(i);
                QString outcome;
                {
                    Result<QSqlDatabase> db = storage::openDatabase(location, name);
                    if (!db)
                        outcome = db.error();
                    else if (Result<std::shared_ptr<const tagging::Tagger>> tagger =
                                 tagging::Tagger::load(*db);
                             !tagger)
                        outcome = tagger.error();
                }
                storage::closeDatabase(name);
                return outcome;
            });
        for (QFuture<QString>& client : clients)
            QCOMPARE(client.result(), QString());
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
