#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

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

// A JSON array bound as one parameter (a ?), as a table j(value, key) to select from: its elements
// and their order. On PostgreSQL the values are text: compare ids as CAST(j.value AS bigint).
inline QString jsonArrayTable(const QSqlDatabase& db) {
    return isPostgres(db)
               ? QStringLiteral("jsonb_array_elements_text(?::jsonb) WITH ORDINALITY AS j(value, key)")
               : QStringLiteral("json_each(?) AS j");
}

} // namespace mirsad::storage
