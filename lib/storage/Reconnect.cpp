#include "storage/Reconnect.h"

#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/PostgresHandle.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <libpq-fe.h>

namespace mirsad::storage {

bool connectionLost(const QSqlDatabase& db) {
    if (!isPostgres(db))
        return false;
    if (!db.isOpen())
        return true;
    PGconn* connection = postgresHandle(db);
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
