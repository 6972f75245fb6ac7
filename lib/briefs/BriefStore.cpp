#include "briefs/BriefStore.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace mirsad::briefs {

using storage::sqlError;
using storage::sqlText;

namespace {

QDateTime fromEpoch(const QVariant& value) {
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

Status loadArticleIds(const QSqlDatabase& db, SavedBrief& brief) {
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT article_id FROM brief_articles WHERE brief_id = ? ORDER BY position"));
    query.addBindValue(brief.id);
    if (!query.exec())
        return sqlError(QStringLiteral("read the brief's articles"), query);
    while (query.next())
        brief.articleIds << query.value(0).toLongLong();
    return {};
}

Result<QList<SavedBrief>> selectBriefs(const QSqlDatabase& db, std::optional<qint64> id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, title, introduction, created, updated FROM briefs %1 "
                                 "ORDER BY updated DESC, id DESC")
                      .arg(id ? QStringLiteral("WHERE id = ?") : QString()));
    if (id)
        query.addBindValue(*id);
    if (!query.exec())
        return sqlError(QStringLiteral("read the briefs"), query);
    QList<SavedBrief> briefs;
    while (query.next())
        briefs << SavedBrief{query.value(0).toLongLong(), query.value(1).toString(),
                             query.value(2).toString(),   {},
                             fromEpoch(query.value(3)),   fromEpoch(query.value(4))};
    for (SavedBrief& brief : briefs)
        if (Status loaded = loadArticleIds(db, brief); !loaded)
            return Error{loaded.error()};
    return briefs;
}

} // namespace

Result<QList<SavedBrief>> listBriefs(const QSqlDatabase& db) {
    return selectBriefs(db, std::nullopt);
}

Result<SavedBrief> loadBrief(const QSqlDatabase& db, qint64 id) {
    Result<QList<SavedBrief>> briefs = selectBriefs(db, id);
    if (!briefs)
        return Error{briefs.error()};
    if (briefs->isEmpty())
        return Error{QStringLiteral("There is no brief %1.").arg(id)};
    return briefs->first();
}

Result<qint64> saveBrief(QSqlDatabase& db, const SavedBrief& brief) {
    storage::Transaction transaction(db);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery query(db);
    if (brief.id > 0) {
        query.prepare(
            QStringLiteral("UPDATE briefs SET title = ?, introduction = ?, updated = ? WHERE id = ?"));
        query.addBindValue(sqlText(brief.title));
        query.addBindValue(sqlText(brief.introduction));
        query.addBindValue(now);
        query.addBindValue(brief.id);
        if (!query.exec())
            return sqlError(QStringLiteral("save the brief"), query);
        if (query.numRowsAffected() != 1)
            return Error{QStringLiteral("There is no brief %1.").arg(brief.id)};
    } else {
        query.prepare(
            QStringLiteral("INSERT INTO briefs (title, introduction, created, updated) VALUES (?, ?, ?, ?) "
                           "RETURNING id"));
        query.addBindValue(sqlText(brief.title));
        query.addBindValue(sqlText(brief.introduction));
        query.addBindValue(brief.created.isValid() ? brief.created.toSecsSinceEpoch() : now);
        query.addBindValue(now);
        if (!query.exec() || !query.next())
            return sqlError(QStringLiteral("save the brief"), query);
    }
    const qint64 id = brief.id > 0 ? brief.id : query.value(0).toLongLong();
    query.finish(); // SQLite: a RETURNING statement left unfinished would keep the commit from ending

    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM brief_articles WHERE brief_id = ?"));
    clear.addBindValue(id);
    if (!clear.exec())
        return sqlError(QStringLiteral("save the brief's articles"), clear);
    // Ids of articles deleted meanwhile are skipped rather than failing the save.
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO brief_articles (brief_id, position, article_id) "
                                  "SELECT ?, ?, id FROM articles WHERE id = ?"));
    int position = 0;
    for (const qint64 articleId : brief.articleIds) {
        insert.addBindValue(id);
        insert.addBindValue(position);
        insert.addBindValue(articleId);
        if (!insert.exec())
            return sqlError(QStringLiteral("save the brief's articles"), insert);
        position += insert.numRowsAffected() > 0 ? 1 : 0;
    }
    if (Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Status deleteBrief(QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM briefs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("delete the brief"), query);
    return {};
}

Result<QList<BriefEntry>> briefEntries(const QSqlDatabase& db, const QList<qint64>& ids) {
    QList<BriefEntry> entries;
    if (ids.isEmpty())
        return entries;
    QStringList list;
    list.reserve(ids.size());
    for (const qint64 id : ids)
        list << QString::number(id);
    // One query for all of them, in the order given (the key is the position).
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT a.id, a.title, COALESCE(NULLIF(a.source, ''), f.title, ''), a.sort_time "
                       "FROM %1 JOIN articles a ON a.id = CAST(j.value AS bigint) "
                       "LEFT JOIN feeds f ON f.id = a.feed_id ORDER BY j.key")
            .arg(storage::jsonArrayTable(db)));
    query.addBindValue(QStringLiteral("[%1]").arg(list.join(u',')));
    if (!query.exec())
        return sqlError(QStringLiteral("read the brief's articles"), query);
    while (query.next())
        entries << BriefEntry{query.value(0).toLongLong(), query.value(1).toString(),
                              query.value(2).toString(), fromEpoch(query.value(3))};
    return entries;
}

} // namespace mirsad::briefs
