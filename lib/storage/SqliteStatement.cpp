#include "storage/SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>
#include <utility>

namespace mirsad::storage {

sqlite3* sqliteHandle(const QSqlDatabase& db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3* db, const char* sql)
    : m_db(db) {
    if (!db) {
        m_error = QStringLiteral("not an SQLite database");
        return;
    }
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(std::move(other.m_error)) {
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

// Binding fails only for an index out of range or a statement already running: programming
// errors, which the run that follows reports.
SqliteStatement& SqliteStatement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, QByteArrayView utf8) {
    // A non-null pointer even for empty text: SQLite binds a null pointer as NULL, and Mirsad's
    // text columns are NOT NULL with '' for "none".
    const char* data = utf8.data() ? utf8.data() : "";
    sqlite3_bind_text64(m_stmt, index, data, sqlite3_uint64(utf8.size()), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, QByteArrayView bytes) {
    const char* data = bytes.data() ? bytes.data() : "";
    sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(bytes.size()), SQLITE_STATIC);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Error SqliteStatement::failed(int code) {
    m_error = m_stmt ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error;
    if (m_error.isEmpty())
        m_error = QString::fromUtf8(sqlite3_errstr(code));
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return Error{m_error};
}

Status SqliteStatement::exec() {
    if (!m_stmt)
        return Error{m_error};
    int code = sqlite3_step(m_stmt);
    while (code == SQLITE_ROW)
        code = sqlite3_step(m_stmt);
    if (code != SQLITE_DONE)
        return failed(code);
    sqlite3_reset(m_stmt);
    return {};
}

Result<bool> SqliteStatement::next() {
    if (!m_stmt)
        return Error{m_error};
    const int code = sqlite3_step(m_stmt);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        return failed(code);
    return false;
}

qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

SqliteStatement& SqliteStatement::bindPointer(int index, void* pointer, const char* type) {
    sqlite3_bind_pointer(m_stmt, index, pointer, type, nullptr);
    return *this;
}

double SqliteStatement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QByteArrayView SqliteStatement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

void SqliteStatement::reset() {
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

int SqliteStatement::changes() const {
    return m_db ? sqlite3_changes(m_db) : 0;
}

qint64 SqliteStatement::lastInsertId() const {
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

} // namespace mirsad::storage
