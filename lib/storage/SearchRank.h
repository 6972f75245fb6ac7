#pragma once

#include "core/Result.h"

struct sqlite3;

namespace mirsad::storage {

// The relevance of an article to a search, as an FTS5 auxiliary function of article_search:
//
//     mirsad_rank(article_search, k, title weight, body weight [, forms])
//
// `forms`, the typed words' own forms separated by spaces (storage/SearchVocabulary.h): a hit on
// any other form of a query word (an inflection) counts half, so that articles with the word as
// typed rank first. Without it every form counts the same.
//
// is exactly FTS5's bm25(article_search, title weight, body weight) (k1 = 1.2, b = 0.75, the
// same weighted term frequencies, document length and averages; negative, best first), but a
// query that orders by it with LIMIT k gets its first k rows without reading every match's
// document length. bm25 reads each match's length from the index's docsize table, a B-tree seek
// that is three quarters of its cost (a common word matches half a million articles). This one
// keeps the k best scores seen so far in the query: a match whose score could not reach them
// even at the shortest length its own term positions allow (score falls with length) returns 0,
// worse than every scored match, without that seek. Only matches that might be among the best
// are measured, so ORDER BY it LIMIT k returns the same k rows as ORDER BY bm25 (ties aside).
// With k = 0 every match is scored (for queries with other conditions, which it cannot see).
//
// The weights of a query with one phrase ("word"*) do not depend on how many articles contain
// it, so its idf, a scan of the phrase's whole doclist, is not computed (taken as 1): the order is
// the same. With several phrases each one's idf is computed as bm25 does. Any FTS5 query works,
// so words that match several forms (prefixes, or OR-groups of variants) rank as bm25 would.
Status registerSearchRank(sqlite3* db);

inline constexpr char kSearchRankName[] = "mirsad_rank";

} // namespace mirsad::storage
