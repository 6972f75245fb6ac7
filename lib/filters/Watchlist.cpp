#include "filters/Watchlist.h"

#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace mirsad::filters {

namespace {

QJsonArray idsToJson(const QList<qint64>& ids) {
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QString isoUtc(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

Error badJson(const QString& key) {
    return Error{QStringLiteral("The saved filter has a malformed \"%1\".").arg(key)};
}

Result<QList<qint64>> idsFromJson(const QJsonObject& json, const QString& key) {
    QList<qint64> ids;
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return ids;
    if (!value.isArray())
        return badJson(key);
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isDouble())
            return badJson(key);
        ids << qint64(item.toDouble());
    }
    return ids;
}

Result<QStringList> stringsFromJson(const QJsonValue& value, const QString& key) {
    QStringList strings;
    if (value.isUndefined())
        return strings;
    if (!value.isArray())
        return badJson(key);
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString())
            return badJson(key);
        strings << item.toString();
    }
    return strings;
}

Result<QDateTime> timeFromJson(const QJsonObject& json, const QString& key) {
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return QDateTime();
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!time.isValid())
        return badJson(key);
    return time.toUTC();
}

QString blankNameError() {
    return QStringLiteral("A watchlist needs a name.");
}

Watchlist readRow(const QSqlQuery& query) {
    Watchlist watchlist;
    watchlist.id = query.value(0).toLongLong();
    watchlist.name = query.value(1).toString();
    const QJsonObject json = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    if (Result<ArticleFilter> filter = filterFromJson(json))
        watchlist.filter = *filter;
    watchlist.position = query.value(3).toInt();
    watchlist.created = QDateTime::fromSecsSinceEpoch(query.value(4).toLongLong(), QTimeZone::UTC);
    return watchlist;
}

QString toText(const ArticleFilter& filter) {
    return QString::fromUtf8(QJsonDocument(filterToJson(filter)).toJson(QJsonDocument::Compact));
}

Status expectOneRow(const QSqlQuery& query, qint64 id) {
    if (query.numRowsAffected() == 0)
        return Error{QStringLiteral("There is no watchlist with id %1.").arg(id)};
    return {};
}

} // namespace

QJsonObject filterToJson(const ArticleFilter& filter) {
    QJsonObject json;
    if (!filter.feedIds.isEmpty())
        json.insert(QStringLiteral("feeds"), idsToJson(filter.feedIds));
    if (!filter.folderIds.isEmpty())
        json.insert(QStringLiteral("folders"), idsToJson(filter.folderIds));
    if (!filter.entityGroups.isEmpty()) {
        QJsonArray groups;
        for (const QStringList& group : filter.entityGroups)
            groups.append(QJsonArray::fromStringList(group));
        json.insert(QStringLiteral("entities"), groups);
    }
    if (!filter.regions.isEmpty())
        json.insert(QStringLiteral("regions"), QJsonArray::fromStringList(filter.regions));
    if (!filter.text.trimmed().isEmpty())
        json.insert(QStringLiteral("text"), filter.text);
    if (filter.since.isValid())
        json.insert(QStringLiteral("since"), isoUtc(filter.since));
    if (filter.until.isValid())
        json.insert(QStringLiteral("until"), isoUtc(filter.until));
    if (filter.unreadOnly)
        json.insert(QStringLiteral("unread"), true);
    if (filter.starredOnly)
        json.insert(QStringLiteral("starred"), true);
    if (filter.withNotesOnly)
        json.insert(QStringLiteral("has_notes"), true);
    if (!filter.noteTags.isEmpty())
        json.insert(QStringLiteral("note_tags"), QJsonArray::fromStringList(filter.noteTags));
    return json;
}

Result<ArticleFilter> filterFromJson(const QJsonObject& json) {
    ArticleFilter filter;
    Result<QList<qint64>> feeds = idsFromJson(json, QStringLiteral("feeds"));
    if (!feeds)
        return Error{feeds.error()};
    Result<QList<qint64>> folders = idsFromJson(json, QStringLiteral("folders"));
    if (!folders)
        return Error{folders.error()};
    Result<QStringList> regions =
        stringsFromJson(json.value(QStringLiteral("regions")), QStringLiteral("regions"));
    if (!regions)
        return Error{regions.error()};
    Result<QStringList> noteTags =
        stringsFromJson(json.value(QStringLiteral("note_tags")), QStringLiteral("note_tags"));
    if (!noteTags)
        return Error{noteTags.error()};
    Result<QDateTime> since = timeFromJson(json, QStringLiteral("since"));
    if (!since)
        return Error{since.error()};
    Result<QDateTime> until = timeFromJson(json, QStringLiteral("until"));
    if (!until)
        return Error{until.error()};
    filter.feedIds = *feeds;
    filter.folderIds = *folders;
    filter.regions = *regions;
    filter.noteTags = *noteTags;
    filter.since = *since;
    filter.until = *until;
    const QJsonValue entities = json.value(QStringLiteral("entities"));
    if (!entities.isUndefined()) {
        if (!entities.isArray())
            return badJson(QStringLiteral("entities"));
        for (const QJsonValue& group : entities.toArray()) {
            Result<QStringList> ids = stringsFromJson(group, QStringLiteral("entities"));
            if (!ids || !group.isArray())
                return badJson(QStringLiteral("entities"));
            filter.entityGroups << *ids;
        }
    }
    filter.text = json.value(QStringLiteral("text")).toString();
    filter.unreadOnly = json.value(QStringLiteral("unread")).toBool();
    filter.starredOnly = json.value(QStringLiteral("starred")).toBool();
    filter.withNotesOnly = json.value(QStringLiteral("has_notes")).toBool();
    return filter;
}

// On a team's server each analyst has watchlists of their own (migration 010): the condition
// that keeps to them, which row-level security enforces for everyone but the database's owner.
static QString own(const QSqlDatabase& db, const char* joining) {
    return storage::isPostgres(db)
               ? QStringLiteral(" %1 analyst = current_user::text").arg(QLatin1String(joining))
               : QString();
}

Result<QList<Watchlist>> listWatchlists(const QSqlDatabase& db, bool withUnread) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, filter, position, created FROM watchlists%1 "
                                   "ORDER BY position, created, id")
                        .arg(own(db, "WHERE"))))
        return storage::sqlError(QStringLiteral("read the watchlists"), query);
    QList<Watchlist> watchlists;
    while (query.next())
        watchlists << readRow(query);
    if (withUnread) {
        for (Watchlist& watchlist : watchlists) {
            ArticleFilter unread = watchlist.filter;
            unread.unreadOnly = true;
            Result<qint64> count = storage::countArticles(db, unread);
            if (!count)
                return Error{count.error()};
            watchlist.unread = *count;
        }
    }
    return watchlists;
}

Result<Watchlist> watchlistById(const QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, name, filter, position, created FROM watchlists WHERE id = ?%1")
                      .arg(own(db, "AND")));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the watchlist"), query);
    if (!query.next())
        return Error{QStringLiteral("There is no watchlist with id %1.").arg(id)};
    return readRow(query);
}

Result<qint64> addWatchlist(QSqlDatabase& db, const QString& name, const ArticleFilter& filter) {
    if (name.trimmed().isEmpty())
        return Error{blankNameError()};
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO watchlists (name, filter, position, created) VALUES (?, ?, "
                       "(SELECT coalesce(max(position), -1) + 1 FROM watchlists%1), ?) RETURNING id")
            .arg(own(db, "WHERE")));
    query.addBindValue(name.trimmed());
    query.addBindValue(toText(filter));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return storage::sqlError(QStringLiteral("save the watchlist"), query);
    const qint64 id = query.value(0).toLongLong();
    query.finish(); // SQLite: an unfinished RETURNING statement holds back a surrounding commit
    return id;
}

Status updateWatchlist(QSqlDatabase& db, qint64 id, const QString& name, const ArticleFilter& filter) {
    if (name.trimmed().isEmpty())
        return Error{blankNameError()};
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE watchlists SET name = ?, filter = ? WHERE id = ?%1").arg(own(db, "AND")));
    query.addBindValue(name.trimmed());
    query.addBindValue(toText(filter));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("save the watchlist"), query);
    return expectOneRow(query, id);
}

Status renameWatchlist(QSqlDatabase& db, qint64 id, const QString& name) {
    if (name.trimmed().isEmpty())
        return Error{blankNameError()};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE watchlists SET name = ? WHERE id = ?%1").arg(own(db, "AND")));
    query.addBindValue(name.trimmed());
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("rename the watchlist"), query);
    return expectOneRow(query, id);
}

Status deleteWatchlist(QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM watchlists WHERE id = ?%1").arg(own(db, "AND")));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("delete the watchlist"), query);
    return expectOneRow(query, id);
}

} // namespace mirsad::filters
