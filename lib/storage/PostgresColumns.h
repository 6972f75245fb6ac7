#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace mirsad::storage {

// Rows for one bulk INSERT on PostgreSQL sent as one array per column:
// `INSERT INTO t (a, b) SELECT * FROM unnest('{..}'::text[], '{..}'::bigint[]) ON CONFLICT ...`.
// The server reads an array literal several times faster than the same rows as VALUES, which it
// parses and plans row by row (a batch of thousands of index rows took twice as long that way).
class PostgresColumns {
public:
    // `head` up to the column list, `types` the columns' types in order, `tail` what follows.
    PostgresColumns(QByteArray head, QList<QByteArray> types, QByteArray tail = {});

    PostgresColumns& row();                     // begins a row; one value for each column follows, in order
    PostgresColumns& text(QByteArrayView utf8); // NUL bytes, which text cannot hold, left out
    PostgresColumns& integer(qint64 value);
    PostgresColumns& null();
    PostgresColumns& bytea(QByteArrayView bytes);

    bool isEmpty() const { return m_rows == 0; }
    int rows() const { return m_rows; }
    qsizetype bytes() const { return m_bytes; }

    // Runs the statement (nothing when there are no rows) and starts over; `query` gets what a
    // RETURNING tail returns.
    Status exec(QSqlDatabase& db, const QString& what, QSqlQuery* query = nullptr);

private:
    QByteArray& next(); // the next column's elements, separated from the ones before

    QByteArray m_head;
    QList<QByteArray> m_types;
    QByteArray m_tail;
    QList<QByteArray> m_columns; // the elements so far, comma-separated, without the braces
    qsizetype m_column = 0;
    qsizetype m_bytes = 0;
    int m_rows = 0;
};

} // namespace mirsad::storage
