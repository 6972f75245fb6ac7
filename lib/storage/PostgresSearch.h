#pragma once

#include <QByteArray>
#include <QByteArrayView>

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

} // namespace mirsad::storage
