#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace mirsad::storage {

// QSQLITE binds a null QString as SQL NULL; Mirsad's text columns are NOT NULL with '' for
// "none", so text is bound through this.
inline QVariant sqlText(const QString& value) {
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// couldNot() with the driver's reason for a failed query.
inline Error sqlError(const QString& what, const QSqlQuery& query) {
    return couldNot(what, query.lastError().text());
}

// Where the GUI and mirsadctl keep their database unless told otherwise.
QString defaultDatabasePath();

// A connection name unique in this process, for QSqlDatabase::addDatabase.
QString uniqueConnectionName(const QString& purpose);

// Opens the archive at `location` (see Location.h) and, unless `migrateSchema` is false, brings
// its schema up to date. A file path opens (creating if needed) an SQLite file (":memory:"
// allowed) with the pragmas Mirsad relies on (WAL, synchronous=NORMAL, foreign keys, busy
// timeout), or reads one it cannot write read-only (see isReadOnly; an older schema it cannot
// upgrade is refused with a sentence); a postgresql:// URI connects to that server through QPSQL, and an
// empty database there gets the schema as a new file does.
Result<QSqlDatabase> openDatabase(const QString& location, const QString& connectionName,
                                  bool migrateSchema = true);

// Whether the archive was opened read-only: an SQLite file this process cannot write (its file,
// its folder or its disk), which openDatabase opens for reading rather than failing. Every
// write then fails with couldNot()'s sentence for it; the window and mirsadctl say so first.
bool isReadOnly(const QSqlDatabase& db);

// Shrinks the page cache of a connection that mostly writes: an import's pages are new ones on
// their way to the WAL, and a reader-sized cache would only raise its peak memory.
Status useWriterCache(QSqlDatabase& db);

// Housekeeping before a writing connection closes: refreshes the query planner's statistics
// where they are stale (PRAGMA optimize) and gives some free pages back to the file system
// (auto_vacuum = INCREMENTAL). Bounded, so that closing stays quick.
Status tidyUpDatabase(QSqlDatabase& db);

// Closes and removes a connection made by openDatabase.
void closeDatabase(const QString& connectionName);

// Runs a multi-statement SQL script; stops at the first failing statement.
Status executeScript(QSqlDatabase& db, const QString& script);

// Begins a write transaction (IMMEDIATE on SQLite) and rolls it back on destruction unless
// commit() succeeded.
class Transaction {
public:
    explicit Transaction(QSqlDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool active() const { return m_active; }
    Status commit();

private:
    QSqlDatabase& m_db;
    bool m_active = false;
    QString m_error; // why it could not begin
};

// Inside a Transaction: makes other clients doing the same `work` wait until this transaction
// ends. On PostgreSQL an advisory lock held to the end of the transaction (two analysts' windows
// starting at once would both rebuild the same table and collide); SQLite's write transaction
// already excludes every other writer. Read what decides whether the work is needed after it.
Status serializeWork(QSqlDatabase& db, const QString& work);

} // namespace mirsad::storage
