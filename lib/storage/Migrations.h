#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <map>

namespace mirsad::storage {

// The scripts NNN_description.sql of a resource folder, by number: the migrations of one engine.
std::map<int, QString> numberedScripts(const QString& folder);

// The schema version a database has (PRAGMA user_version; on PostgreSQL the meta table's);
// 0 for a new file or an empty PostgreSQL database.
int schemaVersion(const QSqlDatabase& db);

// The newest SQLite version this build knows: the number of the last resources/migrations/NNN_*.sql
// (PostgreSQL's are numbered on their own: PostgresDatabase.h).
int latestSchemaVersion();

// Applies the migrations after the current version up to `target`, each in its own
// transaction. Forward only: a database newer than this build is refused, untouched.
// A file database that already holds data is first copied to "<file>.v<N>.bak".
// Migrations that convert every article (014, the compressed bodies) do so in batches, each its
// own transaction: stopped or killed, the next migrate() resumes after the last batch.
// On PostgreSQL: migratePostgres (PostgresDatabase.h), always to its latest version.
Status migrate(QSqlDatabase& db, int target = latestSchemaVersion());

// Told before each batch of such a migration how many of the articles are done; returning false
// stops the upgrade there (migrate() then fails, and resumes next time). For progress reports,
// and for tests. One for the process; an empty function removes it.
using MigrationProgress = std::function<bool(int version, qint64 done, qint64 total)>;
void setMigrationProgress(MigrationProgress observer);

} // namespace mirsad::storage
