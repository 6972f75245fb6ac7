#pragma once

// The maintained counts (entity_counts, region_counts: articles and unread, migration 013)
// against a full recount over the real rows: every article's mentions (the entities it names)
// and the regions those lie in (place_closure), with its read state. On PostgreSQL unread is the
// connected analyst's: the articles less their reads (entity_reads, region_reads, feed_reads,
// migration 010), and the feeds' counts are checked too.

#include "storage/Dialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace mirsad::test {

// One line per count that differs from the recount ("entity erbil: 3/1 kept, 2/1 counted");
// empty when every count is right.
inline QStringList counterMismatches(const QSqlDatabase& db) {
    QStringList mismatches;
    // Each article's mentions as rows m with the entity as `entity`, in the engine's JSON.
    const bool postgres = storage::isPostgres(db);
    const QString mentions = postgres ? QStringLiteral("jsonb_array_elements(a.mentions::jsonb) m")
                                      : QStringLiteral("json_each(a.mentions) m");
    const QString entity = postgres ? QStringLiteral("m ->> 0") : QStringLiteral("m.value ->> 0");
    const struct {
        const char* kind;
        const char* table;
        const char* key;
        const char* truth;
    } checks[] = {
        {"entity", "entity_counts", "entity_id",
         "SELECT %ENTITY AS key, count(DISTINCT a.id) AS articles, "
         "count(DISTINCT a.id) FILTER (WHERE %UNREAD) AS unread "
         "FROM articles a, %MENTIONS GROUP BY 1"},
        {"region", "region_counts", "region_id",
         "SELECT c.region_id AS key, count(DISTINCT a.id) AS articles, "
         "count(DISTINCT a.id) FILTER (WHERE %UNREAD) AS unread "
         "FROM articles a, %MENTIONS JOIN place_closure c ON c.place_id = %ENTITY "
         "GROUP BY 1"},
    };
    const QString unread = postgres ? QStringLiteral("NOT EXISTS (SELECT 1 FROM article_states s WHERE "
                                                     "s.analyst = current_user::text AND s.article_id = a.id "
                                                     "AND s.read = 1)")
                                    : QStringLiteral("a.read = 0");
    for (const auto& check : checks) {
        QSqlQuery query(db);
        QString kept = QString::fromLatin1(check.table);
        if (postgres) // the team's article counts less the analyst's reads
            kept =
                QStringLiteral("(SELECT c.%1, c.articles, c.articles - coalesce(r.read, 0) AS unread "
                               "FROM %2 c LEFT JOIN %3 r ON r.analyst = current_user::text AND r.%1 = c.%1)")
                    .arg(QString::fromLatin1(check.key), kept,
                         QString(kept).replace(QLatin1String("_counts"), QLatin1String("_reads")));
        const QString sql =
            QStringLiteral(
                "WITH truth AS (%1) SELECT coalesce(t.key, c.%2), c.articles, c.unread, t.articles, "
                "t.unread FROM truth t FULL JOIN (SELECT * FROM %3 WHERE articles <> 0 OR unread <> 0) "
                "c ON c.%2 = t.key WHERE t.articles IS DISTINCT FROM c.articles "
                "OR t.unread IS DISTINCT FROM c.unread")
                .arg(QString::fromLatin1(check.truth)
                         .replace(QLatin1String("%MENTIONS"), mentions)
                         .replace(QLatin1String("%ENTITY"), entity)
                         .replace(QLatin1String("%UNREAD"), unread),
                     QString::fromLatin1(check.key), kept);
        if (!query.exec(sql)) {
            mismatches << QStringLiteral("recount failed: %1").arg(query.lastError().text());
            continue;
        }
        while (query.next())
            mismatches << QStringLiteral("%1 %2: %3/%4 kept, %5/%6 counted")
                              .arg(QString::fromLatin1(check.kind), query.value(0).toString(),
                                   query.value(1).toString(), query.value(2).toString(),
                                   query.value(3).toString(), query.value(4).toString());
    }
    if (postgres) {
        QSqlQuery feeds(db);
        if (!feeds.exec(QStringLiteral("SELECT f.id, f.article_count - coalesce(r.read, 0), (SELECT count(*) "
                                       "FROM articles a WHERE "
                                       "a.feed_id = f.id AND %1) FROM feeds f LEFT JOIN feed_reads r ON "
                                       "r.analyst = current_user::text "
                                       "AND r.feed_id = f.id")
                            .arg(unread)))
            mismatches << QStringLiteral("recount failed: %1").arg(feeds.lastError().text());
        while (feeds.next())
            if (feeds.value(1).toLongLong() != feeds.value(2).toLongLong())
                mismatches << QStringLiteral("feed %1: %2 unread kept, %3 counted")
                                  .arg(feeds.value(0).toString(), feeds.value(1).toString(),
                                       feeds.value(2).toString());
    }
    return mismatches;
}

} // namespace mirsad::test
