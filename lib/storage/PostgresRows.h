#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace mirsad::storage {

// Rows for one multi-row statement on PostgreSQL, written as SQL literals: `INSERT INTO t (a, b)
// VALUES (..), (..) ON CONFLICT ...`. QPSQL sends a prepared statement's values as literals in an
// EXECUTE anyway, one QVariant at a time; building the rows here from UTF-8 instead costs a
// fraction of that, and a batch of hundreds of articles is one round trip to the server.
class PostgresRows {
public:
    // `head` up to and including VALUES, `tail` what follows the rows (ON CONFLICT, RETURNING).
    PostgresRows(QByteArray head, QByteArray tail = {});

    PostgresRows& row(); // begins a row; the values that follow go in it
    PostgresRows& text(QByteArrayView utf8);
    PostgresRows& integer(qint64 value);
    PostgresRows& null();
    PostgresRows& bytea(QByteArrayView bytes);
    // A text literal cast to a type, e.g. typed(document, "tsvector").
    PostgresRows& typed(QByteArrayView utf8, const char* type);

    bool isEmpty() const { return m_rows == 0; }
    int rows() const { return m_rows; }
    qsizetype bytes() const { return m_sql.size(); }

    // Runs the statement (nothing when there are no rows) and starts over; `query` gets what a
    // RETURNING tail returns.
    Status exec(QSqlDatabase& db, const QString& what, QSqlQuery* query = nullptr);

private:
    void separate();

    QByteArray m_head;
    QByteArray m_tail;
    QByteArray m_sql; // the rows so far
    int m_rows = 0;
    bool m_rowStart = false;
};

// An SQL string literal of UTF-8 text, E'...' so that it reads the same whatever the server's
// standard_conforming_strings. NUL bytes, which PostgreSQL's text cannot hold, are left out.
void appendPostgresText(QByteArray& sql, QByteArrayView utf8);

// Runs a statement built as UTF-8, on `query` when given (what a RETURNING tail returns is read
// there), else on a query of its own.
Status execBuilt(QSqlDatabase& db, const QByteArray& sql, const QString& what, QSqlQuery* query);

} // namespace mirsad::storage
