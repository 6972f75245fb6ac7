#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace mirsad::storage {

// The search index of an archive on PostgreSQL: article_search.document, a tsvector that Mirsad
// builds itself (never to_tsvector, whose parser and dictionaries would fold differently) from
// the same tokens the SQLite index has. The words are those of the FTS5 tokenizer mirsad_folded
// (storage/SearchTokenizer.cpp): maximal runs of bytes that are >= 0x80 or [a-z0-9], A-Z
// lower-cased, every other byte a separator. So a tsquery of the same folded words finds exactly
// what FTS5 finds: 'word':* is a prefix, <-> a phrase, and the weights tell title from body.
inline constexpr int kSearchMaxPosition = 16383;        // PostgreSQL's largest position
inline constexpr int kSearchMaxPositionsPerWord = 255;  // positions kept per word (PostgreSQL keeps 256)
inline constexpr int kSearchMaxWordBytes = 2000;        // longer words are left out (PostgreSQL: 2047)
inline constexpr int kSearchMaxDocumentBytes = 1000000; // words' bytes in one document (PostgreSQL: 1 MB)

// The tsvector literal of an article's search forms (search::searchTextUtf8 of its title and of
// its text), bound as a parameter and cast ?::tsvector. The title's words are at positions 1, 2,
// ... with weight A; the body's continue at the title's count + 2, unweighted (D), so that no
// phrase runs from the title into the body. Positions above 16383 become 16383 (once per word),
// a word keeps its first 255, a word over 2000 bytes is left out but keeps its place, and once the
// distinct words reach a million bytes further new words are left out. Empty when there are none.
QByteArray postgresSearchDocument(QByteArrayView searchTitle, QByteArrayView searchBody);
// The same document in tsvector's binary form, for COPY (storage/PostgresCopy.h).
QByteArray postgresSearchDocumentBinary(QByteArrayView searchTitle, QByteArrayView searchBody);

} // namespace mirsad::storage

// The query side: pieces of a tsquery over the same words, built by compileSearch
// (storage/SearchVocabulary.h) the way it builds FTS5's MATCH. The words are folded
// (search::searchText) and split here as the document's words are: one that splits into several
// is a phrase of them.
namespace mirsad::storage {

// A word as a tsquery: 'word', or the phrase 'a' <-> 'b' when it splits; with `prefix` the
// (last) word is a prefix, 'word':*. Empty when it has no word characters.
QString tsqueryWord(const QString& folded, bool prefix = false);
// A phrase of words in this order: 'a' <-> 'b' <-> 'c'.
QString tsqueryPhrase(const QStringList& folded);
// Any of these parts (each a tsquery): (a | b | c), or the part itself when there is one.
QString tsqueryAny(const QStringList& parts);

// How relevance is computed on PostgreSQL: the sum, over the query's required words (each with
// its forms: `groups`, CompiledSearch::groups), of mirsad_group_rank (migration 008): ts_rank with
// the title (weight A) weighing three times the body (D), divided by 1 + log(the document's
// length) as bm25 weighs short documents up, plus the same for the word in the form typed
// (`typedGroups`, empty when the same), so that of two articles alike but for the form the typed
// one ranks first. A sum of one score per word, as bm25's, and so each word's best articles can
// be kept ranked (storage/PostgresBestMatches.h). `document` is the column's SQL; the tsqueries
// are inlined as literals (they hold only folded words and operators).
QString postgresRankExpression(const QString& document, const QStringList& groups,
                               const QStringList& typedGroups);

} // namespace mirsad::storage
