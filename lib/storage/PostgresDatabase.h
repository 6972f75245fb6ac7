#pragma once

#include "core/Result.h"
#include "storage/Location.h"

#include <QSqlDatabase>

namespace mirsad::storage {

// Connects to the PostgreSQL server at `location` through QPSQL and, unless `migrateSchema` is
// false, brings its schema up to date (resources/migrations-postgresql). A failed connection is
// one sentence (explainConnectionFailure); the password, if any, is never in it.
Result<QSqlDatabase> openPostgres(const Location& location, const QString& connectionName,
                                  bool migrateSchema = true);

// A password the user typed for a location (a prompt, not a file): kept in this process's memory
// only, for the connections the reader and writer threads open after it, never saved.
// libpq's own sources (~/.pgpass, PGPASSWORD, PGPASSFILE) need nothing of this.
void rememberPassword(const Location& location, const QString& password);

// Whether the server at `location` accepts a connection, without touching its schema: for a
// connection dialog, and for mirsadctl before it asks for a password on the terminal.
struct ConnectionCheck {
    Status status;              // the sentence of explainConnectionFailure when it does not
    bool needsPassword = false; // the server asked for a password nobody gave
    ConnectionFault fault = ConnectionFault::Other; // when it failed: what about
};
ConnectionCheck checkPostgresConnection(const Location& location);

// The schema version of a PostgreSQL archive: 0 for an empty database.
int postgresSchemaVersion(const QSqlDatabase& db);
int latestPostgresSchemaVersion();

// Applies the PostgreSQL migrations after the current version, each in one transaction, holding
// an advisory lock: of several clients starting at once on a new database exactly one migrates,
// the others wait for it and find the schema done. A newer schema is refused, untouched.
Status migratePostgres(QSqlDatabase& db);

} // namespace mirsad::storage
