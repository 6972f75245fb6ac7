#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace mirsad::names {
class Gazetteer;
}

namespace mirsad::tagging {

// Brings the database's copy of the place hierarchy (place_closure) and the region index built
// from it (article_regions, region_counts) up to date with `gazetteer`. Cheap when nothing
// changed (one meta lookup); otherwise rebuilds in one transaction. A write: run it on the
// writer, after opening the database and whenever the gazetteer changes.
Status syncRegionIndex(QSqlDatabase& db, const names::Gazetteer& gazetteer);

} // namespace mirsad::tagging
