#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>

namespace mirsad::storage {

// The two engines Mirsad stores an archive in. Most statements are written once, in the SQL both
// understand (ON CONFLICT, RETURNING, FILTER, "end" quoted); where they part, a query asks this.
enum class Dialect { SQLite, PostgreSQL };

inline Dialect dialectOf(const QSqlDatabase& db) {
    return db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL ? Dialect::PostgreSQL
                                                                            : Dialect::SQLite;
}

inline bool isPostgres(const QSqlDatabase& db) {
    return dialectOf(db) == Dialect::PostgreSQL;
}

} // namespace mirsad::storage
