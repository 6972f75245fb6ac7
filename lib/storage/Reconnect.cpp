#include "storage/Reconnect.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <libpq-fe.h>

namespace mirsad::storage {

static PGconn* postgresConnection(const QSqlDatabase& db) {
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Named by the driver's Q_DECLARE_METATYPE(PGconn*), which Qt 6 may spell as the struct.
    const char* type = handle.typeName();
    if (!handle.isValid() || (qstrcmp(type, "PGconn*") != 0 && qstrcmp(type, "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

bool connectionLost(const QSqlDatabase& db) {
    if (!isPostgres(db))
        return false;
    if (!db.isOpen())
        return true;
    PGconn* connection = postgresConnection(db);
    return !connection || PQstatus(connection) == CONNECTION_BAD;
}

Status reconnect(QSqlDatabase& db) {
    if (!connectionLost(db))
        return {};
    db.close();
    if (!db.open())
        return Error{QStringLiteral("Cannot reach the archive's server: %1").arg(db.lastError().text())};
    // As openPostgres sets them up.
    for (const QLatin1String sql :
         {QLatin1String("SET client_encoding = 'UTF8'"), QLatin1String("SET jit = off")}) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return sqlError(QStringLiteral("set up the connection again"), query);
    }
    return {};
}

} // namespace mirsad::storage
