#pragma once

// Shared by the writers and the reader of lib/exchange; not part of its interface.

#include "briefs/Brief.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <utility>

namespace mirsad::exchange::detail {

Status writeCsv(const briefs::Brief& brief, QIODevice& out);
Status writeJson(const briefs::Brief& brief, QIODevice& out);
Status writeW3c(const briefs::Brief& brief, QIODevice& out);

// Writes all of `bytes`, or says why not.
Status writeAll(QIODevice& out, const QByteArray& bytes);

// ISO 8601 in UTC with a Z ("2024-03-05T09:00:00Z"); empty for an invalid time.
QString isoUtc(const QDateTime& time);

// "ar" for right-to-left text, "en" for text with a Latin letter, empty otherwise (a note of
// digits or symbols says nothing about its language).
QString languageOf(const QString& text);

// Stable identities: a highlight's and a note's ids in this archive.
QString highlightUri(qint64 id);
QString noteUri(qint64 id);
// What a W3C target's source is for an article: its link, or a URN when it has none.
QString articleSource(const Article& article);

// A highlight's [start, end) in code points into its article's text.
std::pair<qsizetype, qsizetype> codePointSpan(const QString& text, qsizetype start, qsizetype end);

// The highlight of `article` with this id, or nullptr.
const annotations::Highlight* highlightById(const briefs::BriefArticle& article, qint64 id);

} // namespace mirsad::exchange::detail
