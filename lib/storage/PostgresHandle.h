#pragma once

#include <QSqlDatabase>

typedef struct pg_conn PGconn; // as libpq-fe.h declares it

namespace mirsad::storage {

// The libpq connection under a QPSQL connection (QSqlDriver::handle()), or null for another
// driver or a closed connection.
PGconn* postgresHandle(const QSqlDatabase& db);

} // namespace mirsad::storage
