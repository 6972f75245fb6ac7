#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>

namespace mirsad::storage {

// Rows for one `COPY table (columns) FROM STDIN (FORMAT binary)`, sent through libpq on the QPSQL
// connection itself (its PGconn, QSqlDriver::handle()), so inside the caller's transaction. A
// bulk INSERT's rows are SQL text the client escapes and the server parses again (a bytea as hex,
// twice its size; a tsvector as a literal); here integers, text and bytea travel as their bytes
// and a search document as tsvector's binary form, which the server only copies.
class PostgresCopy {
public:
    // `table` and its column list, e.g. "articles (id, feed_id)"; `fields` how many columns.
    PostgresCopy(QByteArray table, int fields);

    PostgresCopy& row();                     // begins a row; one value for each column follows, in order
    PostgresCopy& integer(qint64 value);     // a bigint
    PostgresCopy& text(QByteArrayView utf8); // NUL bytes, which text cannot hold, left out
    PostgresCopy& bytea(QByteArrayView bytes);
    PostgresCopy& null();
    // A value already in the column type's binary form (e.g. postgresSearchDocumentBinary).
    PostgresCopy& binary(QByteArrayView bytes);

    bool isEmpty() const { return m_rows == 0; }
    int rows() const { return m_rows; }
    qsizetype bytes() const { return m_data.size(); }

    // Copies the rows (nothing when there are none) and starts over. A server error fails the
    // statement, and with it the caller's transaction: nothing of the rows is left.
    Status exec(const QSqlDatabase& db, const QString& what);
    // The same, but a row whose key is already in a unique index is no error: then nothing of the
    // rows is copied (a savepoint undoes them) and the answer is false, for the caller to write
    // them another way (INSERT .. ON CONFLICT), which costs the server twice as much as COPY.
    Result<bool> execUnlessDuplicate(const QSqlDatabase& db, const QString& what);

private:
    Status copy(const QSqlDatabase& db, const QString& what, QByteArray* sqlState);
    char* field(qsizetype size); // the length word of a field of `size` bytes; its bytes follow

    QByteArray m_sql;
    QByteArray m_data; // the rows so far, after the format's header
    int m_fields = 0;
    int m_rows = 0;
};

// Whether the database is reached through a PostgreSQL connection that libpq can use directly.
bool hasPostgresConnection(const QSqlDatabase& db);

} // namespace mirsad::storage
