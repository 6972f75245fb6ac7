#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

struct sqlite3;
struct fts5_api;

namespace mirsad::storage {

// The FTS5 tokenizer of article_search (migration 009). Its input is searchText's output, already
// folded, lower-cased and split, so it only finds the words: it makes exactly the tokens (and
// offsets) of FTS5's ascii tokenizer, for any text, but hands each one over where it lies in the
// text instead of copying and lower-casing it first.
inline constexpr char kSearchTokenizerName[] = "mirsad_folded";

// Registers the tokenizer on one connection; openDatabase does so on every connection it opens,
// before anything else touches the schema.
//
// FTS5 looks a table's tokenizer up whenever a connection first uses the table, so a connection
// that has not registered it (the sqlite3 shell, a bare QSqlDatabase::addDatabase) cannot search,
// fill or even delete from article_search, nor run PRAGMA integrity_check: each fails with "no
// such tokenizer: mirsad_folded". The other tables, VACUUM and deleting articles still work
// (no trigger reaches article_search, so articles deleted that way keep their search rows).
// Every Mirsad connection comes from openDatabase (DatabaseThread, mirsadctl, the benches, the
// tests' TempDatabase); code that opens one any other way must call this first.
Status registerSearchTokenizer(sqlite3* db);
Status registerSearchTokenizer(const QSqlDatabase& db);

// A connection's FTS5 interface (null without FTS5), through which tokenizers are registered
// and found.
fts5_api* fts5Api(sqlite3* db);

} // namespace mirsad::storage
