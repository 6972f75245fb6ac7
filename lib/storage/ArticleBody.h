#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mirsad::storage {

// An article's body (its sanitised html and its plain text) is stored once, in the
// article_bodies table (migration 014), as one compressed value: the two are compressed
// together, so the text, which repeats the html's words, costs little beyond the html.
//
// The value: a format byte, the html's length in UTF-8 bytes (4 bytes, little-endian), then
//   format 0: the html and the text in UTF-8, one after the other, as they are;
//   format 1: a zstd frame of the same.
// Mention and highlight offsets are UTF-16 indexes into the text, which round-trips exactly.

struct ArticleBody {
    QString html;
    QString text;
};

// The stored value of a body given in UTF-8. Compressing is CPU work for the preparation
// threads (ArticleDerived::of), not for the single writer.
QByteArray compressBody(QByteArrayView htmlUtf8, QByteArrayView textUtf8);

// The body a stored value holds; a value that is not one (damaged, cut short, or from a
// newer Mirsad) is an Error naming what is wrong, never a crash.
Result<ArticleBody> decompressBody(QByteArrayView stored);

// The same, giving the UTF-8 html and text without converting them.
struct ArticleBodyUtf8 {
    QByteArray html;
    QByteArray text;
};
Result<ArticleBodyUtf8> decompressBodyUtf8(QByteArrayView stored);

} // namespace mirsad::storage
