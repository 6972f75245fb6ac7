#pragma once

// Shared by Mirsad's tests: a fresh database per test, paths to fixtures and screenshots.

#include "core/Identity.h"
#include "storage/Database.h"
#include "storage/Location.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace mirsad::test {

inline QString dataPath(const QString& relative) {
    return QStringLiteral(MIRSAD_TEST_DATA "/") + relative;
}

inline QString seedPath() {
    return dataPath(QStringLiteral("seed/000_82eadb6226b33ddb.txt"));
}

inline QString screenshotPath(const QString& name) {
    QDir().mkpath(QStringLiteral(MIRSAD_SCREENSHOTS));
    return QStringLiteral(MIRSAD_SCREENSHOTS "/") + name;
}

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A file of tests/data/feeds; a missing one stops the test run, rather than testing nothing.
inline QByteArray feedFixture(const QString& name) {
    QFile file(dataPath(QStringLiteral("feeds/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// Keeps tests away from the user's real data and settings.
inline void isolateFromUserData() {
    setApplicationIdentity();
    QStandardPaths::setTestModeEnabled(true);
}

// Which engine this run of a test stores its archives in: ctest runs the tests registered with
// POSTGRES (tests/CMakeLists.txt) a second time with MIRSAD_TEST_BACKEND=postgresql, against the
// server tools/postgres-test-server started for the run.
inline bool testingPostgres() {
    return qEnvironmentVariable("MIRSAD_TEST_BACKEND") == QLatin1String("postgresql");
}

// Who signs an annotation that `local` signs in a file: in the PostgreSQL run, the role the tests
// connect as (the server writes the author; resources/migrations-postgresql/005).
inline QString signedBy(const QString& local) {
    if (!testingPostgres())
        return local;
    QFile server(qEnvironmentVariable("MIRSAD_TEST_POSTGRES_FILE"));
    if (!server.open(QIODevice::ReadOnly))
        return {};
    return storage::Location::parse(QString::fromUtf8(server.readAll()).trimmed())->user;
}

// A new, empty database on the test run's PostgreSQL server, dropped by the destructor.
class PostgresTestDatabase {
public:
    PostgresTestDatabase() {
        const QString file = qEnvironmentVariable("MIRSAD_TEST_POSTGRES_FILE");
        QFile locationFile(file);
        if (file.isEmpty() || !locationFile.open(QIODevice::ReadOnly)) {
            m_error =
                QStringLiteral("The test PostgreSQL server is not running: %1 is missing (ctest starts it "
                               "with the fixture postgres_server_start).")
                    .arg(file.isEmpty() ? QStringLiteral("MIRSAD_TEST_POSTGRES_FILE") : file);
            return;
        }
        m_server = QString::fromUtf8(locationFile.readAll()).trimmed();
        static int counter = 0;
        m_name = QStringLiteral("mirsad_test_%1_%2_%3")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                     .arg(counter++);
        if (Status s = admin(QStringLiteral("CREATE DATABASE %1").arg(m_name)); !s)
            m_error = s.error();
    }
    ~PostgresTestDatabase() {
        if (m_error.isEmpty())
            (void)admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    PostgresTestDatabase(const PostgresTestDatabase&) = delete;
    PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    // The location of the new database: the server's, with its name.
    QString location() const {
        QString location = m_server;
        return location.replace(QLatin1String("@/postgres?"), QStringLiteral("@/%1?").arg(m_name));
    }
    // The server's maintenance database, for what a test does as administrator.
    const QString& serverLocation() const { return m_server; }
    const QString& name() const { return m_name; }

private:
    Status admin(const QString& sql) {
        const QString connection = storage::uniqueConnectionName(QStringLiteral("test-admin"));
        Status done;
        {
            Result<QSqlDatabase> db = storage::openDatabase(m_server, connection, false);
            if (!db)
                return Error{db.error()};
            QSqlQuery query(*db);
            if (!query.exec(sql))
                done = Error{QStringLiteral("%1: %2").arg(sql, query.lastError().text())};
        }
        storage::closeDatabase(connection);
        return done;
    }

    QString m_server;
    QString m_name;
    QString m_error;
};

// A fresh archive, opened and migrated, removed afterwards: a file in a temporary folder, or, in
// the PostgreSQL run of a test, a new database on the test server.
class TempDatabase {
public:
    explicit TempDatabase(bool migrate = true)
        : m_connection(storage::uniqueConnectionName(QStringLiteral("test"))) {
        if (testingPostgres()) {
            m_postgres = std::make_unique<PostgresTestDatabase>();
            if (!m_postgres->ok()) {
                m_error = m_postgres->error();
                return;
            }
        }
        Result<QSqlDatabase> db = storage::openDatabase(path(), m_connection, migrate);
        if (db)
            m_db = db.value();
        else
            m_error = db.error();
    }
    ~TempDatabase() { close(); }

    void close() {
        if (m_db.isValid()) {
            m_db = QSqlDatabase();
            storage::closeDatabase(m_connection);
        }
    }
    bool ok() const { return m_db.isOpen(); }
    const QString& error() const { return m_error; }
    QSqlDatabase& db() { return m_db; }
    // The archive's location: the file, or the PostgreSQL URI (what --db takes either way).
    QString path() const {
        return m_postgres ? m_postgres->location() : m_dir.filePath(QStringLiteral("mirsad.sqlite"));
    }
    bool isPostgres() const { return m_postgres != nullptr; }
    // PostgreSQL: the location as another role connects to it (a team's analyst).
    QString pathAs(const QString& user) const {
        Result<storage::Location> location = storage::Location::parse(path());
        location->user = user;
        return location->display();
    }
    QString dir() const { return m_dir.path(); }

    qint64 count(const QString& table) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresTestDatabase> m_postgres; // dropped after the connection closes
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace mirsad::test
