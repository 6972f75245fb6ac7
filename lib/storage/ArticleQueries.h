#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "search/SearchMatches.h"
#include "storage/ArticleFilter.h"

#include <QSqlDatabase>
#include <optional>

namespace mirsad::storage {

struct EntityRef {
    QString id;
    QString name;
    QString nameAr;
    QString kind;
    int count = 0; // mentions in the article
};

// One row of the article list.
struct ArticleSummary {
    qint64 id = 0;
    qint64 feedId = 0;
    QString title;
    QString feedTitle;
    QString source;
    QString link;
    QDateTime published; // when the source gave none: when Mirsad first saw it
    qint64 sortTime = 0;
    bool read = false;
    bool starred = false;
    int notes = 0;
    QList<EntityRef> entities; // most mentioned first
    // With a text search: the passage of the article's text that matches best, the matches
    // marked (search/SearchMatches.h). Empty otherwise.
    search::Snippet snippet;
};

// Where a page of the list ends: the next page starts after it.
struct PageCursor {
    qint64 sortTime = 0;
    qint64 id = 0;
};

enum class ArticleOrder {
    Newest,    // by sort_time, newest first (the list's order; pages with PageCursor)
    Relevance, // by BM25 of the text query (title weighs more); Newest when there is no text
};

// A page of the articles that match `filter`. Reads only as far as the page needs: the most
// selective name or region condition drives the query down its (entity, time) index and the
// other conditions are probes, so the first page costs about the same on a million articles.
// Relevance order does not page: `after` is ignored with it.
Result<QList<ArticleSummary>> listArticles(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                                           std::optional<PageCursor> after = {},
                                           ArticleOrder order = ArticleOrder::Newest);

// How many articles match `filter`.
Result<qint64> countArticles(const QSqlDatabase& db, const ArticleFilter& filter);

// The plan of listArticles' (first) query, one line per step (for tests and benchmarks): SQLite's
// EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN.
Result<QStringList> explainListArticles(const QSqlDatabase& db, const ArticleFilter& filter,
                                        ArticleOrder order = ArticleOrder::Newest);

// One whole article with its mentions; an Error when there is no such article.
Result<Article> loadArticle(const QSqlDatabase& db, qint64 id);

Status setRead(QSqlDatabase& db, qint64 id, bool read);
// Marks every article matching `filter` read (or unread), in one transaction; returns the ids
// whose state changed (to undo it with setReadIds).
Result<QList<qint64>> setReadWhere(QSqlDatabase& db, const ArticleFilter& filter, bool read);
// Sets these articles' read state, in one transaction (ids that are gone are skipped).
Status setReadIds(QSqlDatabase& db, const QList<qint64>& ids, bool read);
Status setStarred(QSqlDatabase& db, qint64 id, bool starred);

} // namespace mirsad::storage
