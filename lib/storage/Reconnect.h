#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace mirsad::storage {

// A team's server can go away under an open connection (a restart, the network, an administrator
// ending sessions); QPSQL then fails every statement and never connects again by itself.

// Whether `db`'s connection to its PostgreSQL server is gone. Always false for an SQLite file.
bool connectionLost(const QSqlDatabase& db);
// Connects `db` again as it was opened (the session settings too); an Error while the server is
// still unreachable. Does nothing to a connection that is not lost.
Status reconnect(QSqlDatabase& db);

} // namespace mirsad::storage
