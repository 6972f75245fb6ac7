#pragma once

#include "core/Result.h"

#include <QString>
#include <atomic>

struct sqlite3;

namespace mirsad::storage {

// The relevance of an article to a search, as an FTS5 auxiliary function of article_search:
//
//     mirsad_rank(article_search, k, title weight, body weight [, terms])
//
// is BM25 (k1 = 1.2, b = 0.75, FTS5's weighted term frequencies, document length and averages;
// negative, best first) over the query's terms rather than its FTS5 phrases. A query word is the
// alternatives of its forms, one phrase each (storage/SearchVocabulary.h); `terms` says which
// phrases make one term and what each phrase's hits weigh: "1,1,0.5 1" is a first term of three
// phrases (the typed word's own forms weigh 1, an inflection 0.5) and a second of one. A term's
// frequency is its phrases' weighted hits together, and its idf counts the articles that have any
// of them. Without `terms` each phrase is a term of weight 1, which is FTS5's bm25 exactly.
//
// A query that orders by it with LIMIT k gets its first k rows without reading every match's
// document length. bm25 reads each match's length from the index's docsize table, a B-tree seek
// that was three quarters of its cost (a common word matches half a million articles). This one
// keeps the k best scores seen so far in the query: a match whose score could not reach them even
// at the shortest length its own term positions allow (score falls with length) returns 0, worse
// than every scored match, without that seek. Only matches that might be among the best are
// measured, so ORDER BY it LIMIT k returns the same k rows as scoring every match (ties aside).
// With k = 0 every match is scored (for queries with other conditions, which it cannot see).
//
// With one term, its idf does not change the order and is not computed (a scan of the term's
// whole doclists); with several, each one's is.
//
// Queries that rank slices of one search at once (ParallelRank.h) share their progress through a
// sixth argument, a RankFloor bound with sqlite3_bind_pointer (type kRankFloorType): each prunes
// against the best k of every slice so far, not only its own. A match below the k-th best score
// seen anywhere is below the k-th best of the whole, so the slices' best k together still hold
// the whole's.
Status registerSearchRank(sqlite3* db);

struct RankFloor {
    std::atomic<double> score{0}; // the highest k-th best score a slice has reached (positive)
};
inline constexpr char kRankFloorType[] = "mirsad_rank_floor";

inline constexpr char kSearchRankName[] = "mirsad_rank";

// mirsad_rank's call for a search of `table`: the title weighs three times the body; `terms`
// (digits, dots, commas and spaces only) groups each query word's forms into one term.
// `floor`: the parameter a RankFloor is bound to, if any ("?4").
inline QString searchRankCall(const QString& table, int keep, const QString& terms,
                              const QString& floor = {}) {
    return QStringLiteral("mirsad_rank(%1, %2, 3.0, 1.0, '%3'%4)")
        .arg(table, QString::number(keep), terms, floor.isEmpty() ? QString() : QStringLiteral(", ") + floor);
}

} // namespace mirsad::storage
