#include "filters/SidebarCounts.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace mirsad::filters {

static Status readCounts(const QSqlDatabase& db, const QString& sql, QHash<QString, qint64>& counts) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return storage::sqlError(QStringLiteral("read the article counts"), query);
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return {};
}

Result<SidebarCounts> loadSidebarCounts(const QSqlDatabase& db) {
    SidebarCounts counts;
    if (Status s =
            readCounts(db, QStringLiteral("SELECT region_id, articles FROM region_counts WHERE articles > 0"),
                       counts.regions);
        !s)
        return Error{s.error()};
    if (Status s =
            readCounts(db, QStringLiteral("SELECT entity_id, articles FROM entity_counts WHERE articles > 0"),
                       counts.entities);
        !s)
        return Error{s.error()};
    return counts;
}

} // namespace mirsad::filters
