#include "storage/PostgresColumns.h"

#include "storage/Database.h"
#include "storage/PostgresRows.h"

namespace mirsad::storage {

PostgresColumns::PostgresColumns(QByteArray head, QList<QByteArray> types, QByteArray tail)
    : m_head(std::move(head))
    , m_types(std::move(types))
    , m_tail(std::move(tail))
    , m_columns(m_types.size())
    , m_column(m_types.size()) {
}

PostgresColumns& PostgresColumns::row() {
    Q_ASSERT(m_column == m_types.size() || m_rows == 0);
    m_column = 0;
    ++m_rows;
    return *this;
}

QByteArray& PostgresColumns::next() {
    Q_ASSERT(m_column < m_columns.size());
    QByteArray& column = m_columns[m_column++];
    if (m_rows > 1)
        column += ',';
    return column;
}

PostgresColumns& PostgresColumns::text(QByteArrayView utf8) {
    // An array element in double quotes: only " and \ are escaped, by a backslash; quoted, even
    // the word NULL, braces and commas are text.
    QByteArray& column = next();
    const qsizetype before = column.size();
    column.reserve(before + utf8.size() + 2);
    column += '"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c != '"' && c != '\\' && c != '\0')
            continue;
        column.append(utf8.data() + from, i - from);
        if (c != '\0') {
            column += '\\';
            column += c;
        }
        from = i + 1;
    }
    column.append(utf8.data() + from, utf8.size() - from);
    column += '"';
    m_bytes += column.size() - before;
    return *this;
}

PostgresColumns& PostgresColumns::integer(qint64 value) {
    QByteArray& column = next();
    const qsizetype before = column.size();
    column += QByteArray::number(value);
    m_bytes += column.size() - before;
    return *this;
}

PostgresColumns& PostgresColumns::null() {
    next() += "NULL";
    m_bytes += 4;
    return *this;
}

PostgresColumns& PostgresColumns::bytea(QByteArrayView bytes) {
    // bytea's hex input, "\\x0a1b..": the backslash escaped for the array element.
    static constexpr char kHex[] = "0123456789abcdef";
    QByteArray& column = next();
    const qsizetype at = column.size();
    column.resize(at + 5 + 2 * bytes.size() + 1);
    char* out = column.data() + at;
    for (char c : {'"', '\\', '\\', 'x'})
        *out++ = c;
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        *out++ = kHex[b >> 4];
        *out++ = kHex[b & 15];
    }
    *out++ = '"';
    column.resize(out - column.data());
    m_bytes += column.size() - at;
    return *this;
}

Status PostgresColumns::exec(QSqlDatabase& db, const QString& what, QSqlQuery* query) {
    if (m_rows == 0)
        return {};
    Q_ASSERT(m_column == m_types.size());
    QByteArray sql;
    sql.reserve(m_head.size() + m_tail.size() + m_bytes * 11 / 10 + 64 * m_types.size());
    sql += m_head;
    sql += " SELECT * FROM unnest(";
    for (qsizetype i = 0; i < m_types.size(); ++i) {
        if (i)
            sql += ',';
        m_columns[i].prepend('{');
        m_columns[i].append('}');
        appendPostgresText(sql, m_columns[i]);
        sql += "::";
        sql += m_types[i];
        sql += "[]";
        m_columns[i].clear();
    }
    sql += ") ";
    sql += m_tail;
    m_rows = 0;
    m_bytes = 0;
    m_column = m_types.size();
    return execBuilt(db, sql, what, query);
}

} // namespace mirsad::storage
