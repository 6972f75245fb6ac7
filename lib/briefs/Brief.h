#pragma once

#include "annotations/Annotations.h"
#include "articles/Article.h"
#include "core/Result.h"
#include "names/Entity.h"
#include "storage/ArticleFilter.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mirsad::briefs {

// One article of a brief with the analyst's work on it.
struct BriefArticle {
    Article article; // loaded whole (text and mentions); its html is not kept
    QString feedTitle;
    QList<annotations::Highlight> highlights; // reading order, orphans last
    QList<annotations::Note> notes;           // oldest first
};

// A person, place or organisation that the brief's articles name.
struct BriefName {
    QString entityId;
    names::EntityKind kind = names::EntityKind::Person;
    QString name;        // English
    QString nameAr;      // Arabic, when known
    QList<int> articles; // indexes into Brief::articles, in the brief's order
};

// Everything a brief or an annotation export is made from: the exporters never query the
// database themselves.
struct Brief {
    QString title;
    QString introduction;      // Markdown
    QString filterDescription; // how the articles were picked, for the header; empty when by hand
    QDateTime generated;       // UTC
    QDateTime earliest;        // the articles' publication dates, first and last (UTC)
    QDateTime latest;
    QList<BriefArticle> articles;
    // The index: people, then places, then organisations; within a kind by the number of
    // articles, most first, then by name.
    QList<BriefName> names;

    int highlightCount() const;
    int noteCount() const;
};

struct GatherOptions {
    // Keep only the articles with a highlight or a note (annotation exports).
    bool annotatedOnly = false;
};

// The ids of the articles matching `filter`, newest first, at most `limit` (all when < 0).
Result<QList<qint64>> articleIdsMatching(const QSqlDatabase& db, const ArticleFilter& filter, int limit = -1);

// A sentence-like summary of a filter for a brief's header, in the user's language where the
// names have one: "Kurdistan Region · text: النفط · 2024-01-01 to 2024-02-01".
QString describeFilter(const QSqlDatabase& db, const ArticleFilter& filter);

// Loads the articles `ids` in that order with their highlights, notes and names, and builds the
// index of names. Ids that are not in the archive are skipped.
Result<Brief> gatherBrief(const QSqlDatabase& db, const QList<qint64>& ids,
                          const GatherOptions& options = {});

} // namespace mirsad::briefs
