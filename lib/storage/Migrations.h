#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace mirsad::storage {

// The schema version a database has (PRAGMA user_version); 0 for a new file.
int schemaVersion(const QSqlDatabase& db);

// The newest version this build knows: the number of the last resources/migrations/NNN_*.sql.
int latestSchemaVersion();

// Applies the migrations after the current version up to `target`, each in its own
// transaction. Forward only: a database newer than this build is refused, untouched.
// A file database that already holds data is first copied to "<file>.v<N>.bak".
Status migrate(QSqlDatabase& db, int target = latestSchemaVersion());

} // namespace mirsad::storage
