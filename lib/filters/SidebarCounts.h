#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace mirsad::filters {

// Distinct articles per region (the region itself or any place within it) and per entity, as
// the writer keeps them: two small tables read whole, never a count over the articles.
struct SidebarCounts {
    QHash<QString, qint64> regions;
    QHash<QString, qint64> entities;
};

Result<SidebarCounts> loadSidebarCounts(const QSqlDatabase& db);

} // namespace mirsad::filters
