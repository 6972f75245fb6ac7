#include "storage/ArticleQueries.h"

#include "storage/SearchText.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariantList>

namespace mirsad::storage {

namespace {

QDateTime fromEpoch(const QVariant& value) {
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

QString placeholders(qsizetype count) {
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

// The WHERE clause for a filter, with its bound values in order. Every condition is an
// indexed lookup (feed index, mentions_by_entity, the FTS index), never a scan of text.
struct WhereClause {
    QString sql;
    QVariantList values;
};

WhereClause whereFor(const ArticleFilter& filter) {
    WhereClause where;
    QStringList conditions;
    if (!filter.feedIds.isEmpty()) {
        conditions << QStringLiteral("a.feed_id IN (%1)").arg(placeholders(filter.feedIds.size()));
        for (qint64 id : filter.feedIds)
            where.values << id;
    }
    for (const QStringList& group : filter.entityGroups) {
        conditions << QStringLiteral("a.id IN (SELECT article_id FROM mentions WHERE entity_id IN (%1))")
                          .arg(placeholders(group.size()));
        for (const QString& id : group)
            where.values << id;
    }
    const QString match = searchQuery(filter.text);
    if (!match.isEmpty()) {
        conditions << QStringLiteral(
            "a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)");
        where.values << match;
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("a.sort_time >= ?");
        where.values << filter.since.toSecsSinceEpoch();
    }
    if (filter.until.isValid()) {
        conditions << QStringLiteral("a.sort_time < ?");
        where.values << filter.until.toSecsSinceEpoch();
    }
    if (filter.unreadOnly)
        conditions << QStringLiteral("a.read = 0");
    if (filter.starredOnly)
        conditions << QStringLiteral("a.starred = 1");
    if (filter.withNotesOnly)
        conditions << QStringLiteral("EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)");
    where.sql = conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QStringLiteral(" AND "));
    return where;
}

Status bindAndRun(QSqlQuery& query, const QString& sql, const QVariantList& values) {
    if (!query.prepare(sql))
        return Error{QStringLiteral("Could not prepare a query: %1").arg(query.lastError().text())};
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error{QStringLiteral("Could not read the articles: %1").arg(query.lastError().text())};
    return {};
}

Status attachEntities(const QSqlDatabase& db, QList<ArticleSummary>& articles) {
    if (articles.isEmpty())
        return {};
    QHash<qint64, ArticleSummary*> byId;
    QVariantList ids;
    for (ArticleSummary& article : articles) {
        byId.insert(article.id, &article);
        ids << article.id;
    }
    QSqlQuery query(db);
    const QString sql = QStringLiteral("SELECT m.article_id, e.id, e.name, e.name_ar, e.kind, count(*) AS n "
                                       "FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                       "WHERE m.article_id IN (%1) GROUP BY m.article_id, e.id "
                                       "ORDER BY m.article_id, n DESC, min(m.start)")
                            .arg(placeholders(ids.size()));
    if (Status s = bindAndRun(query, sql, ids); !s)
        return s;
    while (query.next()) {
        if (ArticleSummary* article = byId.value(query.value(0).toLongLong()))
            article->entities << EntityRef{query.value(1).toString(), query.value(2).toString(),
                                           query.value(3).toString(), query.value(4).toString(),
                                           query.value(5).toInt()};
    }
    return {};
}

} // namespace

Result<QList<ArticleSummary>> listArticles(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                                           std::optional<PageCursor> after) {
    WhereClause where = whereFor(filter);
    QString sql =
        QStringLiteral("SELECT a.id, a.feed_id, a.title, f.title, a.source, a.link, coalesce(a.published, "
                       "a.fetched), a.sort_time, "
                       "a.read, a.starred, (SELECT count(*) FROM notes n WHERE n.article_id = a.id) "
                       "FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE %1")
            .arg(where.sql);
    if (after) {
        sql += QStringLiteral(" AND (a.sort_time < ? OR (a.sort_time = ? AND a.id < ?))");
        where.values << after->sortTime << after->sortTime << after->id;
    }
    sql += QStringLiteral(" ORDER BY a.sort_time DESC, a.id DESC LIMIT ?");
    where.values << qMax(1, limit);

    QSqlQuery query(db);
    if (Status s = bindAndRun(query, sql, where.values); !s)
        return Error{s.error()};
    QList<ArticleSummary> articles;
    while (query.next()) {
        ArticleSummary article;
        article.id = query.value(0).toLongLong();
        article.feedId = query.value(1).toLongLong();
        article.title = query.value(2).toString();
        article.feedTitle = query.value(3).toString();
        article.source = query.value(4).toString();
        article.link = query.value(5).toString();
        article.published = fromEpoch(query.value(6));
        article.sortTime = query.value(7).toLongLong();
        article.read = query.value(8).toBool();
        article.starred = query.value(9).toBool();
        article.notes = query.value(10).toInt();
        articles << article;
    }
    if (Status s = attachEntities(db, articles); !s)
        return Error{s.error()};
    return articles;
}

Result<qint64> countArticles(const QSqlDatabase& db, const ArticleFilter& filter) {
    const WhereClause where = whereFor(filter);
    QSqlQuery query(db);
    if (Status s = bindAndRun(
            query, QStringLiteral("SELECT count(*) FROM articles a WHERE %1").arg(where.sql), where.values);
        !s)
        return Error{s.error()};
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<Article> loadArticle(const QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT a.id, a.feed_id, a.guid, a.link, a.title, a.author, a.source, "
                                 "coalesce(a.published, a.fetched), a.fetched, a.html, "
                                 "a.text, a.tags, a.thumbnail, a.read, a.starred, (SELECT count(*) FROM "
                                 "notes n WHERE n.article_id = a.id) "
                                 "FROM articles a WHERE a.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return Error{QStringLiteral("Could not read article %1: %2").arg(id).arg(query.lastError().text())};
    if (!query.next())
        return Error{QStringLiteral("There is no article with id %1.").arg(id)};
    Article article;
    article.id = query.value(0).toLongLong();
    article.feedId = query.value(1).toLongLong();
    article.guid = query.value(2).toString();
    article.link = query.value(3).toString();
    article.title = query.value(4).toString();
    article.author = query.value(5).toString();
    article.source = query.value(6).toString();
    article.published = fromEpoch(query.value(7));
    article.fetched = fromEpoch(query.value(8));
    article.html = query.value(9).toString();
    article.text = query.value(10).toString();
    const QString tags = query.value(11).toString();
    article.tags = tags.isEmpty() ? QStringList() : tags.split(QChar(0x1f));
    article.thumbnail = query.value(12).toString();
    article.read = query.value(13).toBool();
    article.starred = query.value(14).toBool();
    article.noteCount = query.value(15).toInt();

    QSqlQuery mentions(db);
    mentions.prepare(QStringLiteral(
        "SELECT entity_id, start, end, surface FROM mentions WHERE article_id = ? ORDER BY start"));
    mentions.addBindValue(id);
    if (!mentions.exec())
        return Error{QStringLiteral("Could not read the names in article %1: %2")
                         .arg(id)
                         .arg(mentions.lastError().text())};
    while (mentions.next())
        article.mentions << StoredMention{mentions.value(0).toString(), mentions.value(1).toLongLong(),
                                          mentions.value(2).toLongLong(), mentions.value(3).toString()};
    return article;
}

static Status setFlag(QSqlDatabase& db, const char* column, qint64 id, bool on) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE articles SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    query.addBindValue(on ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return Error{QStringLiteral("Could not update article %1: %2").arg(id).arg(query.lastError().text())};
    if (query.numRowsAffected() == 0)
        return Error{QStringLiteral("There is no article with id %1.").arg(id)};
    return {};
}

Status setRead(QSqlDatabase& db, qint64 id, bool read) {
    return setFlag(db, "read", id, read);
}

Status setStarred(QSqlDatabase& db, qint64 id, bool starred) {
    return setFlag(db, "starred", id, starred);
}

} // namespace mirsad::storage
