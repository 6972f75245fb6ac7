#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QSqlDatabase>

struct sqlite3;
struct sqlite3_stmt;

namespace mirsad::storage {

// The SQLite connection behind a QSQLITE database (QSqlDriver::handle()), or null for another
// driver. For the import's writer, where QSqlQuery's per-value QVariant and SQLite's own
// UTF-16 to UTF-8 conversion cost more than the statements themselves.
sqlite3* sqliteHandle(const QSqlDatabase& db);

// A statement prepared once on a connection and run many times, bound from integers and UTF-8.
// It must be destroyed before its connection is closed; use it on the connection's thread only.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // Why preparing failed, or the last run's error.
    const QString& error() const { return m_error; }

    // Parameters are numbered from 1. Text is not copied: it must outlive the next run.
    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, QByteArrayView utf8);
    SqliteStatement& bindNull(int index);
    // A pointer for a function of the statement to read with sqlite3_value_pointer (not owned).
    SqliteStatement& bindPointer(int index, void* pointer, const char* type);
    // Bytes as a BLOB, not copied either.
    SqliteStatement& bindBlob(int index, QByteArrayView bytes);

    // Runs a statement that returns no rows, then resets it.
    Status exec();
    // Steps through the rows of a query: true while there is a row; reset() when done.
    Result<bool> next();
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArrayView text(int column) const;
    QByteArrayView blob(int column) const;
    void reset();

    // How many rows the last exec() inserted, updated or deleted.
    int changes() const;
    // The rowid of the last row inserted on the connection.
    qint64 lastInsertId() const;

private:
    Error failed(int code);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
};

} // namespace mirsad::storage
