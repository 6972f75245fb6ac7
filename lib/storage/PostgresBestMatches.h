#pragma once

#include "storage/ParallelRank.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace mirsad::storage {

// Relevance on PostgreSQL without ranking every match. ts_rank has no early exit: a common word's
// first page ranked all its half a million matches (0.3-0.9 s in a million articles). A query's
// score is a sum of one score per required word (postgresRankExpression), so each word keeps a
// list of its best articles on the server (migration 008: made by the first query that needs it,
// shared by the whole team, brought up to date as documents arrive), with the highest score of
// any match left out. The query ranks only the lists' members and the documents that came after
// them; a page whose last row scores above the sum of the words' thresholds is exact, as is any
// page when one word's list holds every match of it.
struct BestCandidates {
    QList<RankedMatch> ranked; // the candidates that match the whole query, best first
    // No match outside them ranks above this: a score, and with one word (a list ordered by
    // score, then id, as pages are) an id.
    double bound = 0;
    qint64 boundId = -1;
    bool oneWord = false;
    bool complete = false; // every match is among them
    // Whether a page ending with this row holds the best matches. With several words the bound is
    // a sum of float4 scores: the row must clear it by more than their rounding.
    bool beats(const RankedMatch& last) const {
        if (complete)
            return true;
        if (oneWord) // the same float4 the list was cut by
            return last.score > bound || (last.score == bound && last.id > boundId);
        return last.score > bound + 1e-6 * (bound + 1);
    }
};

// The candidates for a tsquery `match` whose required words are `groups` (CompiledSearch), or
// nullopt when the lists cannot be had (writers kept them busy, a read-only server, an error):
// the caller then ranks every match. `pageSize` > 0 says the page has no other condition and
// that many rows: candidates that cannot reach it need not be ranked.
std::optional<BestCandidates> postgresBestCandidates(const QSqlDatabase& db, const QString& match,
                                                     const QStringList& groups,
                                                     const QStringList& typedGroups, int pageSize = 0);

// How many articles a word's list keeps (2,000: enough that a filter passing one article in ten
// still fills a page of 200 from them; five times as many for a query of several words), and after how many
// new documents a query brings it up to date (1,000: ranking them with it costs about as much as ranking its
// members again). The tests make both small to reach every path.
void setPostgresBestLists(int size, int staleAfter);

} // namespace mirsad::storage
