#pragma once

// What the brief writers (document, Markdown, HTML) say the same way: labels, the header line,
// an article's source line, notes grouped under their quotes.

#include "briefs/Brief.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mirsad::publishing::detail {

QString tr(const char* text);

// The brief's title, or "Brief" when it has none.
QString titleOf(const briefs::Brief& brief);
// The header: the date range, the filter, when it was generated, and the counts.
QStringList headerParts(const briefs::Brief& brief);
// "Shafaq News · Shafaq (Arabic) · 2024-03-05 09:00 UTC": the parts the article has. Dates here
// and in bylines are isolated (text::isolated): after Arabic, bidi would otherwise reverse them.
QString sourceLine(const briefs::BriefArticle& article);
// An article's heading anchor: "article-3" for the third article (numbered from 1).
QString anchorName(int index);
// "People", "Places", "Organisations".
QString kindHeading(names::EntityKind kind);
// The colour's English label ("Yellow").
QString colorLabel(const QString& color);
// "Author · 2024-03-05": whatever is known of who wrote a note and when; empty when nothing.
QString noteByline(const annotations::Note& note);
// The note shown under the highlight it is attached to, or (on the article, or attached to a
// highlight not in the brief) after the article's quotes.
struct ArticleNotes {
    QHash<qint64, QList<const annotations::Note*>> byHighlight;
    QList<const annotations::Note*> onArticle;
};
ArticleNotes notesOf(const briefs::BriefArticle& article);
// The article's title, or its link when it has none.
QString articleTitle(const briefs::BriefArticle& article);
// The empty-of-notes sentence for an orphaned highlight.
QString orphanedLabel();

} // namespace mirsad::publishing::detail
