#include "storage/PostgresRows.h"

#include "storage/Database.h"

namespace mirsad::storage {

void appendPostgresText(QByteArray& sql, QByteArrayView utf8) {
    sql.reserve(sql.size() + utf8.size() + 3);
    sql += "E'";
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c != '\'' && c != '\\' && c != '\0')
            continue;
        sql.append(utf8.data() + from, i - from);
        if (c != '\0')
            sql += c == '\'' ? "''" : "\\\\";
        from = i + 1;
    }
    sql.append(utf8.data() + from, utf8.size() - from);
    sql += '\'';
}

PostgresRows::PostgresRows(QByteArray head, QByteArray tail)
    : m_head(std::move(head))
    , m_tail(std::move(tail)) {
}

void PostgresRows::separate() {
    if (!m_rowStart)
        m_sql += ',';
    m_rowStart = false;
}

PostgresRows& PostgresRows::row() {
    m_sql += m_rows++ ? "),(" : "("; // closes the row before
    m_rowStart = true;
    return *this;
}

PostgresRows& PostgresRows::text(QByteArrayView utf8) {
    separate();
    appendPostgresText(m_sql, utf8);
    return *this;
}

PostgresRows& PostgresRows::integer(qint64 value) {
    separate();
    m_sql += QByteArray::number(value);
    return *this;
}

PostgresRows& PostgresRows::null() {
    separate();
    m_sql += "NULL";
    return *this;
}

PostgresRows& PostgresRows::bytea(QByteArrayView bytes) {
    separate();
    static constexpr char kHex[] = "0123456789abcdef";
    const qsizetype at = m_sql.size();
    m_sql.resize(at + 5 + 2 * bytes.size() + 1);
    char* out = m_sql.data() + at;
    for (char c : {'E', '\'', '\\', '\\', 'x'})
        *out++ = c;
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        *out++ = kHex[b >> 4];
        *out++ = kHex[b & 15];
    }
    *out = '\'';
    return *this;
}

PostgresRows& PostgresRows::typed(QByteArrayView utf8, const char* type) {
    text(utf8);
    m_sql += "::";
    m_sql += type;
    return *this;
}

Status PostgresRows::exec(QSqlDatabase& db, const QString& what, QSqlQuery* query) {
    if (m_rows == 0)
        return {};
    QByteArray sql;
    sql.reserve(m_head.size() + m_sql.size() + m_tail.size() + 3);
    sql += m_head;
    sql += ' ';
    sql += m_sql;
    sql += ") "; // the last row's end: row() closes the others
    sql += m_tail;
    m_sql.clear();
    m_rows = 0;
    return execBuilt(db, sql, what, query);
}

Status execBuilt(QSqlDatabase& db, const QByteArray& sql, const QString& what, QSqlQuery* query) {
    QSqlQuery own(db);
    QSqlQuery& run = query ? *query : own;
    run.setForwardOnly(true);
    if (!run.exec(QString::fromUtf8(sql)))
        return sqlError(what, run);
    return {};
}

} // namespace mirsad::storage
