#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "filters/ArticleFilter.h"

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
};

// Where a page of the list ends: the next page starts after it.
struct PageCursor {
    qint64 sortTime = 0;
    qint64 id = 0;
};

// A page of the articles that match `filter`, newest first.
Result<QList<ArticleSummary>> listArticles(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                                           std::optional<PageCursor> after = {});

// How many articles match `filter`.
Result<qint64> countArticles(const QSqlDatabase& db, const ArticleFilter& filter);

// One whole article with its mentions; an Error when there is no such article.
Result<Article> loadArticle(const QSqlDatabase& db, qint64 id);

Status setRead(QSqlDatabase& db, qint64 id, bool read);
Status setStarred(QSqlDatabase& db, qint64 id, bool starred);

} // namespace mirsad::storage
