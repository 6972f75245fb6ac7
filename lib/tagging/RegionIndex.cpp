#include "tagging/RegionIndex.h"

#include "names/Gazetteer.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/PostgresRows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mirsad::tagging {

static const auto versionKey = QStringLiteral("region_index_version");

static Error failed(const QSqlQuery& query) {
    return storage::sqlError(QStringLiteral("update the region index"), query);
}

Status syncRegionIndex(QSqlDatabase& db, const names::Gazetteer& gazetteer) {
    const QString version = gazetteer.version();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(versionKey);
    if (!query.exec())
        return failed(query);
    if (query.next() && query.value(0).toString() == version)
        return {};
    query.finish();

    storage::Transaction transaction(db);
    // Another client may be rebuilding the index: after it, there may be nothing left to do.
    if (Status s = storage::serializeWork(db, QStringLiteral("region index")); !s)
        return s;
    if (!query.exec())
        return failed(query);
    if (query.next() && query.value(0).toString() == version)
        return {};
    query.finish();
    // Emptying article_regions first keeps the rebuild a plain INSERT ... SELECT, counted after.
    // The counts go first: with no count rows, the removal trigger has nothing to decrement.
    for (const char* sql :
         {"DELETE FROM region_counts", "DELETE FROM article_regions", "DELETE FROM place_closure"})
        if (!query.exec(QString::fromLatin1(sql)))
            return failed(query);
    // Each place with the regions it lies in; on a server many rows a statement.
    const bool postgres = storage::isPostgres(db);
    storage::PostgresRows rows("INSERT INTO place_closure (place_id, region_id) VALUES",
                               "ON CONFLICT DO NOTHING");
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO place_closure (place_id, region_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    for (const names::Entity& entity : gazetteer.entities()) {
        if (entity.kind != names::EntityKind::Place)
            continue;
        QStringList regions = gazetteer.ancestors(entity.id);
        regions.prepend(entity.id);
        for (const QString& region : regions) {
            if (postgres) {
                rows.row().text(entity.id.toUtf8()).text(region.toUtf8());
                continue;
            }
            insert.addBindValue(entity.id);
            insert.addBindValue(region);
            if (!insert.exec())
                return failed(insert);
        }
    }
    if (Status s = rows.exec(db, QStringLiteral("index the regions of places")); !s)
        return s;
    if (!query.exec(
            QStringLiteral("INSERT INTO article_regions (region_id, sort_time, article_id) "
                           "SELECT c.region_id, e.sort_time, e.article_id FROM article_entities e "
                           "JOIN place_closure c ON c.place_id = e.entity_id ON CONFLICT DO NOTHING")))
        return failed(query);
    // Unread: the row's article in the partial index articles_unread (see migration 013), which
    // SQLite is told to use; PostgreSQL's planner finds it.
    if (!query.exec(
            QStringLiteral(
                "INSERT INTO region_counts (region_id, articles, unread) "
                "SELECT r.region_id, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM articles u "
                "%1 WHERE u.read = 0 AND u.sort_time = r.sort_time "
                "AND u.id = r.article_id)) FROM article_regions r GROUP BY r.region_id")
                .arg(storage::isPostgres(db) ? QString() : QStringLiteral("INDEXED BY articles_unread"))))
        return failed(query);
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(versionKey);
    query.addBindValue(version);
    if (!query.exec())
        return failed(query);
    return transaction.commit();
}

} // namespace mirsad::tagging
