#pragma once

#include "articles/Article.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace mirsad::storage {

// articles.mentions holds an article's names as JSON, [["entity", start, end], ...] sorted by
// start; the surface form is the slice of articles.text, so it is not stored twice. One column
// in the article's row costs nothing extra to write, where a row per mention cost more than the
// article itself.

// The column's value for `mentions`, in UTF-8 (sorted by start by the caller's matcher or by this).
QByteArray encodeMentions(const QList<StoredMention>& mentions);

// The distinct entities of `mentions`, in the order they first appear.
QStringList distinctEntityIds(const QList<StoredMention>& mentions);

// The same as a JSON array of ids, for one-statement index updates.
QByteArray encodeEntityIds(const QList<StoredMention>& mentions);

// The mentions a column value holds, with surfaces cut from `text`. Entries that do not fit
// the text (a damaged value) are skipped rather than trusted.
QList<StoredMention> decodeMentions(QStringView json, QStringView text);

} // namespace mirsad::storage
