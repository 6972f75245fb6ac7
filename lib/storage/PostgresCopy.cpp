#include "storage/PostgresCopy.h"

#include "storage/PostgresHandle.h"

#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>
#include <cstring>
#include <libpq-fe.h>

namespace mirsad::storage {

namespace {

// The binary format's header: signature, flags, no header extension; and its trailer.
constexpr char kHeader[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
constexpr qsizetype kHeaderSize = 19;
constexpr char kTrailer[] = "\377\377";

// The SQLSTATE of a unique index's violation.
constexpr char kUniqueViolation[] = "23505";

QString messageOf(const PGresult* result, PGconn* connection) {
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    return QString::fromUtf8(primary ? primary : PQerrorMessage(connection)).trimmed();
}

// Reads what the server answers until it is idle; the first error, if any, and its SQLSTATE.
QString drain(PGconn* connection, QByteArray* sqlState = nullptr) {
    QString error;
    for (int i = 0; i < 16; ++i) { // a COPY still open answers COPY_IN: end it, then the answers end
        PGresult* result = PQgetResult(connection);
        if (!result)
            break;
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_COPY_IN)
            PQputCopyEnd(connection, "abandoned");
        else if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && error.isEmpty()) {
            error = messageOf(result, connection);
            if (sqlState)
                *sqlState = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        }
        PQclear(result);
    }
    return error;
}

} // namespace

bool hasPostgresConnection(const QSqlDatabase& db) {
    return postgresHandle(db) != nullptr;
}

PostgresCopy::PostgresCopy(QByteArray table, int fields)
    : m_sql("COPY " + table + " FROM STDIN (FORMAT binary)")
    , m_data(kHeader, kHeaderSize)
    , m_fields(fields) {
}

char* PostgresCopy::field(qsizetype size) {
    const qsizetype at = m_data.size();
    m_data.resize(at + 4 + size);
    char* out = m_data.data() + at;
    qToBigEndian(qint32(size), out);
    return out + 4;
}

PostgresCopy& PostgresCopy::row() {
    ++m_rows;
    const qsizetype at = m_data.size();
    m_data.resize(at + 2);
    qToBigEndian(qint16(m_fields), m_data.data() + at);
    return *this;
}

PostgresCopy& PostgresCopy::integer(qint64 value) {
    qToBigEndian(value, field(8));
    return *this;
}

PostgresCopy& PostgresCopy::text(QByteArrayView utf8) {
    if (!utf8.contains('\0'))
        return binary(utf8);
    QByteArray kept = utf8.toByteArray();
    kept.replace(QByteArrayView("\0", 1), QByteArrayView());
    return binary(kept);
}

PostgresCopy& PostgresCopy::bytea(QByteArrayView bytes) {
    return binary(bytes);
}

PostgresCopy& PostgresCopy::null() {
    const qsizetype at = m_data.size();
    m_data.resize(at + 4);
    qToBigEndian(qint32(-1), m_data.data() + at);
    return *this;
}

PostgresCopy& PostgresCopy::binary(QByteArrayView bytes) {
    char* out = field(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(out, bytes.data(), size_t(bytes.size()));
    return *this;
}

Status PostgresCopy::exec(const QSqlDatabase& db, const QString& what) {
    return copy(db, what, nullptr);
}

Result<bool> PostgresCopy::execUnlessDuplicate(const QSqlDatabase& db, const QString& what) {
    PGconn* connection = postgresHandle(db);
    if (m_rows == 0)
        return true;
    if (!connection)
        return Error{copy(db, what, nullptr).error()};
    // Outside a transaction the COPY is one on its own, undone whole when it fails.
    if (QString error = drain(connection); !error.isEmpty())
        return couldNot(what, error);
    const bool inTransaction = PQtransactionStatus(connection) == PQTRANS_INTRANS;
    const auto run = [&](const char* sql) {
        PGresult* result = PQexec(connection, sql);
        const QString error =
            PQresultStatus(result) == PGRES_COMMAND_OK ? QString() : messageOf(result, connection);
        PQclear(result);
        return error;
    };
    if (inTransaction) {
        if (QString error = run("SAVEPOINT mirsad_copy"); !error.isEmpty())
            return couldNot(what, error);
    }
    QByteArray sqlState;
    const Status copied = copy(db, what, &sqlState);
    if (!copied && sqlState != kUniqueViolation)
        return Error{copied.error()};
    if (inTransaction) {
        if (QString error = run(copied ? "RELEASE SAVEPOINT mirsad_copy"
                                       : "ROLLBACK TO SAVEPOINT mirsad_copy; RELEASE SAVEPOINT mirsad_copy");
            !error.isEmpty())
            return couldNot(what, error);
    }
    return bool(copied);
}

Status PostgresCopy::copy(const QSqlDatabase& db, const QString& what, QByteArray* sqlState) {
    if (m_rows == 0)
        return {};
    m_data.append(kTrailer, 2);
    const QByteArray data = std::exchange(m_data, QByteArray(kHeader, kHeaderSize));
    m_rows = 0;
    PGconn* connection = postgresHandle(db);
    if (!connection)
        return couldNot(what, QStringLiteral("the database is not reached through PostgreSQL's libpq."));
    // A query the driver left unread would make libpq refuse the COPY: the driver itself
    // discards such results before its next statement.
    if (QString error = drain(connection); !error.isEmpty())
        return couldNot(what, error);
    PGresult* started = PQexec(connection, m_sql.constData());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        const QString error = messageOf(started, connection);
        PQclear(started);
        drain(connection);
        return couldNot(what, error);
    }
    PQclear(started);
    QString error;
    if (PQputCopyData(connection, data.constData(), int(data.size())) != 1 ||
        PQputCopyEnd(connection, nullptr) != 1)
        error = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    if (QString answer = drain(connection, sqlState); error.isEmpty())
        error = answer;
    if (!error.isEmpty())
        return couldNot(what, error);
    return {};
}

PGconn* postgresHandle(const QSqlDatabase& db) {
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Named by the driver's Q_DECLARE_METATYPE(PGconn*), which Qt 6 may spell as the struct.
    const char* type = handle.typeName();
    if (!handle.isValid() || (qstrcmp(type, "PGconn*") != 0 && qstrcmp(type, "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

} // namespace mirsad::storage
