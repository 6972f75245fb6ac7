#pragma once

#include "storage/ParallelRank.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace mirsad::storage {

// Relevance on PostgreSQL without ranking every match. ts_rank has no early exit: a common word's
// first page ranked all its half a million matches (0.3-0.9 s in a million articles). So each
// query (its words, their forms, the words left out) keeps a list of its best articles on the
// server (migrations 008 and 012: made by the first query that needs it, shared by the whole
// team, brought up to date as documents arrive), each member with its score, and the highest
// (score, id) of any match left out. A page ranks only the list's members and the documents that
// came after it, and is exact when its last row ranks above that threshold, or when the list holds
// every match. (Summing one list per word instead, a page of two common words had to rank
// thousands of documents from one list missing from the other: 80-90 ms.)
struct BestCandidates {
    QList<RankedMatch> ranked; // the candidates that match the whole query, best first
    // No match outside them ranks above this score, then id (as pages are ordered).
    double bound = 0;
    qint64 boundId = -1;
    bool complete = false; // every match is among them
    // Whether a page ending with this row holds the best matches: the same float4 the list was cut
    // by, the same (score, id) order.
    bool beats(const RankedMatch& last) const {
        return complete || last.score > bound || (last.score == bound && last.id > boundId);
    }
};

// The candidates for a tsquery `match` whose required words are `groups` and their forms as typed
// `typedGroups` (CompiledSearch), or nullopt when the list cannot be had (writers kept it busy,
// a read-only server, an error): the caller then ranks every match. `keep` > 0: only the best
// that many are wanted (a page with no other condition).
std::optional<BestCandidates> postgresBestCandidates(const QSqlDatabase& db, const QString& match,
                                                     const QStringList& groups,
                                                     const QStringList& typedGroups, int keep = 0);

// How many articles a query's list keeps (2,000: enough that a filter passing one article in ten
// still fills a page of 200 from them), and after how many new documents a query brings it up to
// date (1,000: ranking them with it costs about as much as ranking its members again). The tests
// make both small to reach every path.
void setPostgresBestLists(int size, int staleAfter);

} // namespace mirsad::storage
