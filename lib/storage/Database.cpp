#include "storage/Database.h"

#include "storage/Backup.h"
#include "storage/Dialect.h"
#include "storage/Migrations.h"
#include "storage/PostgresDatabase.h"
#include "storage/SearchRank.h"
#include "storage/SearchTokenizer.h"
#include "storage/SearchVocabulary.h"
#include "storage/SlowStatements.h"
#include "storage/SqliteStatement.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>
#include <sqlite3.h>

namespace mirsad::storage {

QString defaultDatabasePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/mirsad.sqlite");
}

QString uniqueConnectionName(const QString& purpose) {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("mirsad-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

static Status exec(QSqlDatabase& db, const QString& statement) {
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Error{QStringLiteral("Database error: %1 (in: %2)")
                         .arg(query.lastError().text(), statement.simplified().left(120))};
    return {};
}

namespace {

// How this process can open an SQLite file.
struct SqliteAccess {
    bool readOnly = false;
    bool immutable = false; // read-only, and nothing can change it while it is open (see below)
};

// QFileInfo::isWritable asks access(2), which says no for a read-only mount even to root.
Result<SqliteAccess> sqliteAccess(const QString& path) {
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (!file.exists()) {
        if (!folder.isWritable())
            return Error{
                QStringLiteral("Cannot create the database %1: its folder cannot be written.").arg(path)};
        return SqliteAccess{};
    }
    // In WAL mode a connection needs the -wal and -shm files beside the database: created in the
    // folder when missing, and written by readers too.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const QFileInfo shm(path + QStringLiteral("-shm"));
    const bool walFiles = wal.exists() && shm.exists();
    const bool folderWritable = folder.isWritable();
    if (file.isWritable() && (folderWritable || (walFiles && wal.isWritable() && shm.isWritable())))
        return SqliteAccess{};
    // Read-only. SQLite (3.22 and later) reads a WAL database read-only when its -wal and -shm
    // exist or can be created (a -shm it cannot write is then kept in memory).
    if (folderWritable || walFiles)
        return SqliteAccess{.readOnly = true};
    // Neither can be made in a read-only folder. Without a -wal (the last connection to close
    // copied everything into the file and removed it) the file is the whole archive. When no one
    // can change it either (a read-only mount, or a file as read-only as its folder) it opens as
    // immutable, which needs no -shm. With a -wal, immutable would not read the changes in it, so
    // it is refused rather than shown without them.
    if (!wal.exists() || wal.size() == 0) {
        if (QStorageInfo(folder.absoluteFilePath()).isReadOnly() || !file.isWritable())
            return SqliteAccess{.readOnly = true, .immutable = true};
        return Error{QStringLiteral("Cannot open the database %1: its folder cannot be written, so the files "
                                    "SQLite keeps beside it (-wal, -shm) cannot be made there. Make the "
                                    "folder writable, or copy the database to a folder that is.")
                         .arg(path)};
    }
    return Error{QStringLiteral("Cannot open the database %1: it is read-only, and its latest changes are in "
                                "%2, which can be read only with %3, missing and not creatable in a "
                                "read-only folder. Open it once where its folder can be written (or copy "
                                "the database with its -wal file to such a place).")
                     .arg(path, wal.fileName(), shm.fileName())};
}

} // namespace

bool isReadOnly(const QSqlDatabase& db) {
    if (db.driverName() != QStringLiteral("QSQLITE") || !db.isOpen())
        return false;
    return sqlite3_db_readonly(sqliteHandle(db), "main") == 1;
}

static Result<QSqlDatabase> openSqlite(const QString& path, const QString& connectionName,
                                       bool migrateSchema) {
    const bool inMemory = path == QStringLiteral(":memory:");
    SqliteAccess access;
    if (!inMemory) {
        const QFileInfo info(path);
        if (info.exists() && !info.isFile())
            return Error{QStringLiteral("%1 is not a database file.").arg(path)};
        if (!QDir().mkpath(info.absolutePath()))
            return Error{
                QStringLiteral("Cannot create the folder %1 for the database.").arg(info.absolutePath())};
        Result<SqliteAccess> found = sqliteAccess(path);
        if (!found)
            return Error{found.error()};
        access = *found;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (access.immutable) {
        QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        uri.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
        if (access.readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{QStringLiteral("Cannot open the database %1: %2").arg(path, message)};
    }
    auto fail = [&](const QString& message) -> Result<QSqlDatabase> {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        // A damaged file: say which backup would bring it back.
        const QString advice = inMemory ? QString() : restoreAdvice(path, message);
        return Error{advice.isEmpty() ? message : message + QLatin1Char(' ') + advice};
    };
    // A file that is not SQLite fails on its first real read, not on open().
    {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return fail(
                QStringLiteral("%1 is not a Mirsad database (%2).").arg(path, probe.lastError().text()));
    }
    traceSlowStatements(db);
    // Before anything that may touch article_search: its tokenizer lives in this process.
    if (Status s = registerSearchTokenizer(db); !s)
        return fail(s.error());
    if (Status s = registerSearchRank(sqliteHandle(db)); !s)
        return fail(s.error());
    const QStringList pragmas = {
        // A new file's pages (an existing one keeps its own): an article's row, about 7 kB of
        // html and text, fits one 16 kB page rather than a 4 kB page and an overflow chain, and
        // every page is one read or write call.
        access.readOnly ? QString() : QStringLiteral("PRAGMA page_size=16384"),
        // Also for a new file only: pages freed (articles deleted with their feed) can go back to
        // the file system a few at a time (tidyUpDatabase), without rewriting the whole file.
        // An older file gets it with the one VACUUM after migration 014.
        access.readOnly ? QString() : QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"),
        inMemory || access.readOnly ? QString() : QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-32000"),
    };
    for (const QString& pragma : pragmas) {
        if (pragma.isEmpty())
            continue;
        if (Status s = exec(db, pragma); !s)
            return fail(s.error());
    }
    if (migrateSchema && access.readOnly) {
        // Nothing can be written: an archive at this version is read as it is (a search vocabulary
        // made by older rules only finds fewer word forms); an older one cannot be upgraded.
        const int version = schemaVersion(db);
        if (version >= 0 && version < latestSchemaVersion())
            return fail(QStringLiteral("The archive %1 is read-only and was made by an older Mirsad (schema "
                                       "version %2); this version reads only version %3, and cannot "
                                       "upgrade a file it cannot write. Copy it to a writable folder to "
                                       "open it there (the copy is upgraded; the original stays as it is).")
                            .arg(path)
                            .arg(version)
                            .arg(latestSchemaVersion()));
        if (version != latestSchemaVersion()) {
            if (Status s = migrate(db); !s) // refuses a newer or unreadable schema, untouched
                return fail(s.error());
        }
    } else if (migrateSchema) {
        if (Status s = migrate(db); !s)
            return fail(s.error());
        if (Status s = checkSearchVocabularyRules(db); !s)
            return fail(s.error());
    }
    return db;
}

Result<QSqlDatabase> openDatabase(const QString& location, const QString& connectionName,
                                  bool migrateSchema) {
    Result<Location> parsed = Location::parse(location);
    if (!parsed)
        return Error{parsed.error()};
    if (parsed->isPostgres())
        return openPostgres(*parsed, connectionName, migrateSchema);
    return openSqlite(parsed->path, connectionName, migrateSchema);
}

Status useWriterCache(QSqlDatabase& db) {
    if (isPostgres(db))
        return {}; // the server's shared buffers serve every connection
    return exec(db, QStringLiteral("PRAGMA cache_size=-4000"));
}

Status tidyUpDatabase(QSqlDatabase& db) {
    if (isPostgres(db) || isReadOnly(db))
        return {}; // the server's autovacuum keeps statistics and space; a read-only file stays as it is
    // The query planner's statistics, for the tables whose size changed much since they were
    // last gathered; analysis_limit bounds the rows each index is sampled for, so a million
    // articles take milliseconds, not the seconds a whole ANALYZE would.
    for (const char* statement : {"PRAGMA analysis_limit=400", "PRAGMA optimize"}) {
        if (Status s = exec(db, QLatin1String(statement)); !s)
            return s;
    }
    // Free pages back to the file system, a bounded number each time so that closing stays quick.
    constexpr int kKeptFreePages = 256;  // 4 MB: soon used again by the next articles
    constexpr int kPagesPerClose = 2048; // 32 MB
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA auto_vacuum")) || !query.next() || query.value(0).toInt() != 2)
        return {};
    if (!query.exec(QStringLiteral("PRAGMA freelist_count")) || !query.next() ||
        query.value(0).toLongLong() <= kKeptFreePages)
        return {};
    // The pragma frees a page a step, through SQLite's own interface: QSqlQuery steps it once.
    query.finish();
    SqliteStatement vacuum(sqliteHandle(db), "PRAGMA incremental_vacuum(2048)");
    static_assert(kPagesPerClose == 2048);
    if (Status s = vacuum.exec(); !s)
        return couldNot(QStringLiteral("give free space back to the file system"), s.error());
    return {};
}

void closeDatabase(const QString& connectionName) {
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

// Splits a script into statements: on ';' outside quotes, comments and CREATE TRIGGER bodies.
static QStringList splitStatements(const QString& script) {
    QStringList statements;
    QString current;
    bool inSingle = false, inDouble = false, inTrigger = false, inDollar = false;
    bool kindKnown = false; // whether the statement's first words said if it is a trigger
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (!inSingle && !inDouble && c == u'-' && i + 1 < script.size() && script.at(i + 1) == u'-') {
            while (i < script.size() && script.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        // PostgreSQL's function bodies: $$ ... $$, whose ';' end no statement.
        if (c == u'$' && !inSingle && !inDouble && i + 1 < script.size() && script.at(i + 1) == u'$') {
            inDollar = !inDollar;
            current += QLatin1String("$$");
            ++i;
            continue;
        }
        if (inDollar) {
            current += c;
            continue;
        }
        if (c == u'\'' && !inDouble)
            inSingle = !inSingle;
        else if (c == u'"' && !inSingle)
            inDouble = !inDouble;
        current += c;
        if (inSingle || inDouble)
            continue;
        // Decided once, at the first space after enough words: checking after every character
        // made splitting the migrations cost more than running them.
        if (!kindKnown && c.isSpace()) {
            static const QLatin1String createTrigger("CREATE TRIGGER");
            const QString head = current.simplified();
            if (head.size() >= createTrigger.size()) {
                inTrigger = head.startsWith(createTrigger, Qt::CaseInsensitive);
                kindKnown = true;
            }
        }
        if (c == u';') {
            if (inTrigger && !current.trimmed().endsWith(QLatin1String("END;"), Qt::CaseInsensitive))
                continue;
            const QString statement = current.trimmed();
            if (statement.size() > 1)
                statements << statement;
            current.clear();
            inTrigger = false;
            kindKnown = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Status executeScript(QSqlDatabase& db, const QString& script) {
    for (const QString& statement : splitStatements(script)) {
        if (Status s = exec(db, statement); !s)
            return s;
    }
    return {};
}

Status serializeWork(QSqlDatabase& db, const QString& work) {
    if (!isPostgres(db))
        return {};
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"));
    lock.addBindValue(QStringLiteral("mirsad:") + work);
    if (!lock.exec())
        return sqlError(QStringLiteral("wait for another client's %1").arg(work), lock);
    return {};
}

Transaction::Transaction(QSqlDatabase& db)
    : m_db(db) {
    if (db.driverName() != QStringLiteral("QSQLITE")) {
        m_active = db.transaction();
        if (!m_active)
            m_error = db.lastError().text();
        return;
    }
    // A read-only connection begins a transaction as gladly as any other, and fails only at its
    // first write: refuse it here, in SQLite's words (couldNot() explains them).
    if (isReadOnly(db)) {
        m_error = QString::fromUtf8(sqlite3_errstr(SQLITE_READONLY));
        return;
    }
    // IMMEDIATE takes the write lock at the start, waiting out another writer through the busy
    // timeout. A deferred transaction that reads first and writes later fails at once with
    // SQLITE_BUSY when another connection committed in between (WAL's snapshot rule, which no
    // timeout helps): an import saw "database is locked" that way while names were written.
    QSqlQuery begin(db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_error = begin.lastError().text();
}

Transaction::~Transaction() {
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit() {
    if (!m_active)
        return couldNot(QStringLiteral("start a database transaction"), m_error);
    m_active = false;
    if (!m_db.commit()) {
        const QString message = m_db.lastError().text();
        m_db.rollback();
        return couldNot(QStringLiteral("save to the database"), message);
    }
    return {};
}

} // namespace mirsad::storage
