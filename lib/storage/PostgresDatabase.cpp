#include "storage/PostgresDatabase.h"

#include "storage/Database.h"
#include "storage/Logging.h"
#include "storage/Migrations.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace mirsad::storage {

namespace {

struct Passwords {
    QMutex mutex;
    QHash<QString, QString> byLocation; // keyed by Location::display(), which has no password
};

Passwords& passwords() {
    static Passwords store;
    return store;
}

// Held while a client reads or changes the schema: 'Mirs' in ASCII, a key no other tool uses.
constexpr qint64 kSchemaLock = 0x4D697273;

const std::map<int, QString>& postgresMigrationFiles() {
    static const std::map<int, QString> files = numberedScripts(QStringLiteral(":/migrations-postgresql"));
    return files;
}

Status exec(QSqlDatabase& db, const QString& sql, const QString& what) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(what, query);
    return {};
}

} // namespace

void rememberPassword(const Location& location, const QString& password) {
    QMutexLocker lock(&passwords().mutex);
    passwords().byLocation.insert(location.display(), password);
}

static QString rememberedPassword(const Location& location) {
    QMutexLocker lock(&passwords().mutex);
    return passwords().byLocation.value(location.display());
}

// QPSQL's connection for `location`, open or with its error; the caller removes it.
static QSqlDatabase connect(const Location& location, const QString& connectionName) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(location.host);
    db.setDatabaseName(location.database);
    db.setUserName(location.user);
    db.setPassword(location.password.isEmpty() ? rememberedPassword(location) : location.password);
    if (!location.port.isEmpty() && !location.port.contains(u','))
        db.setPort(location.port.toInt());
    db.setConnectOptions(location.connectOptions());
    db.open();
    return db;
}

static Status driverAvailable(const Location& location) {
    if (QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return {};
    return Error{QStringLiteral("This installation of Qt has no PostgreSQL driver (QPSQL; on Debian the "
                                "package libqt6sql6-psql), so %1 cannot be opened.")
                     .arg(location.display())};
}

ConnectionCheck checkPostgresConnection(const Location& location) {
    ConnectionCheck check;
    if (check.status = driverAvailable(location); !check.status)
        return check;
    const QString name = uniqueConnectionName(QStringLiteral("check"));
    {
        QSqlDatabase db = connect(location, name);
        if (!db.isOpen()) {
            const QString message = db.lastError().text();
            check.needsPassword = needsPassword(message);
            check.fault = connectionFault(message);
            check.status = Error{explainConnectionFailure(location, message)};
        }
    }
    closeDatabase(name);
    return check;
}

Result<QSqlDatabase> openPostgres(const Location& location, const QString& connectionName,
                                  bool migrateSchema) {
    if (Status s = driverAvailable(location); !s)
        return Error{s.error()};
    QSqlDatabase db = connect(location, connectionName);
    auto fail = [&](const QString& message) -> Result<QSqlDatabase> {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{message};
    };
    if (!db.isOpen())
        return fail(explainConnectionFailure(location, db.lastError().text()));
    // Times are seconds since the epoch and text is compared as Mirsad folds it, so the session's
    // time zone and locale do not matter; what does: errors in English for the log, UTF-8 always.
    if (Status s =
            exec(db, QStringLiteral("SET client_encoding = 'UTF8'"), QStringLiteral("set the encoding"));
        !s)
        return fail(s.error());
    // No JIT: Mirsad's queries are short, and a server's default compiles any whose estimated
    // cost passes jit_above_cost, even for a plain EXPLAIN (the match estimate of a common word
    // took 40-66 ms, all of it LLVM, 1 ms without; ranking half a million matches took longer).
    if (Status s = exec(db, QStringLiteral("SET jit = off"), QStringLiteral("turn off JIT compilation")); !s)
        return fail(s.error());
    if (migrateSchema) {
        if (Status s = migratePostgres(db); !s)
            return fail(s.error());
    }
    return db;
}

int latestPostgresSchemaVersion() {
    const auto& files = postgresMigrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

int postgresSchemaVersion(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('meta') IS NOT NULL")) || !query.next())
        return -1;
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")))
        return -1;
    return query.next() ? query.value(0).toInt() : 0;
}

Status migratePostgres(QSqlDatabase& db) {
    const QString where = db.databaseName();
    // A session lock, so that each migration can still be its own transaction; it is let go on
    // every path out, and by the server if this client dies.
    if (Status s = exec(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kSchemaLock),
                        QStringLiteral("wait for the schema of %1").arg(where));
        !s)
        return s;
    struct Unlock {
        QSqlDatabase& db;
        ~Unlock() { QSqlQuery(db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kSchemaLock)); }
    } unlock{db};

    const int current = postgresSchemaVersion(db);
    const int latest = latestPostgresSchemaVersion();
    if (current < 0)
        return Error{QStringLiteral("Cannot read the schema version of the database %1.").arg(where)};
    if (current > latest)
        return Error{QStringLiteral("The database %1 has schema version %2, made by a newer Mirsad; this "
                                    "version understands up to %3 and leaves it untouched.")
                         .arg(where)
                         .arg(current)
                         .arg(latest)};
    for (const auto& [version, path] : postgresMigrationFiles()) {
        if (version <= current)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Missing migration %1.").arg(path)};
        Transaction transaction(db);
        Status done = executeScript(db, QString::fromUtf8(file.readAll()));
        if (done) {
            QSqlQuery setVersion(db);
            setVersion.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            setVersion.addBindValue(QString::number(version));
            if (!setVersion.exec())
                done = sqlError(QStringLiteral("record the schema version"), setVersion);
        }
        if (done)
            done = transaction.commit();
        if (!done)
            return Error{QStringLiteral("Upgrading the database %1 to version %2 failed: %3")
                             .arg(where)
                             .arg(version)
                             .arg(done.error())};
        qCInfo(lcStorage) << "Upgraded PostgreSQL database" << where << "to schema version" << version;
    }
    return {};
}

} // namespace mirsad::storage
