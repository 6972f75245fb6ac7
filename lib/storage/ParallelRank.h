#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mirsad::storage {

// A match of a search and its mirsad_rank score (negative, best first; storage/SearchRank.h).
struct RankedMatch {
    qint64 id = 0;
    double score = 0;
    friend bool operator==(const RankedMatch&, const RankedMatch&) = default;
};

// The best `keep` matches of an FTS5 query on an SQLite archive's article_search, best first
// (score, then newest id), as ORDER BY mirsad_rank(...) LIMIT keep would return them.
//
// Ranking a common word visits each of its matches (half a million in a million articles) at a
// fixed cost inside SQLite, which runs a query on one core. The archive's id range is cut into
// `parts` slices ranked at once: the first on `db` on this thread, the others each on a
// read-only connection of its own in a worker thread (kept for the next query, closed when the
// worker has been idle a while). The best `keep` of the slices' best `keep` are the best `keep`
// of the whole. `parts` 0 picks one slice per core for an archive large enough to gain from it,
// and one for a small one or an archive in memory. The scores are the same in every slice: the
// terms' idf and the average length are the whole index's.
Result<QList<RankedMatch>> rankMatches(const QSqlDatabase& db, const QString& match, const QString& terms,
                                       int keep, int parts = 0);

} // namespace mirsad::storage
