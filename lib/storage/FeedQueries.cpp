#include "storage/FeedQueries.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariantList>

namespace mirsad::storage {

// Case-insensitive order of a name: SQLite's NOCASE; PostgreSQL has no such collation.
static QString caseless(const QSqlDatabase& db, const QString& column) {
    return isPostgres(db) ? QStringLiteral("lower(%1), %1").arg(column)
                          : column + QStringLiteral(" COLLATE NOCASE");
}

// The id an INSERT ... RETURNING id made.
static Result<qint64> insertedId(QSqlQuery& insert, const QString& what) {
    if (!insert.exec())
        return sqlError(what, insert);
    if (!insert.next())
        return couldNot(what, QStringLiteral("the database returned no id"));
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

QString shownFeedTitle(const QString& url, const QString& title) {
    if (url != QLatin1String(localFilesUrl))
        return title;
    // The names it gets at creation in the languages Mirsad ships (English, Arabic).
    static const QStringList createdNames{QStringLiteral("Local articles"),
                                          QStringLiteral("المقالات المحلية")};
    const QString translated = QCoreApplication::translate("mirsad", "Local articles");
    return title.isEmpty() || createdNames.contains(title) || title == translated ? translated : title;
}

Result<qint64> localFilesFeed(QSqlDatabase& db) {
    const QString url = QString::fromLatin1(localFilesUrl);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    query.addBindValue(url);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO feeds (url, title, kind, created) VALUES (?, ?, 'local', ?) RETURNING id"));
    insert.addBindValue(url);
    insert.addBindValue(QCoreApplication::translate("mirsad", "Local articles"));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    return insertedId(insert, QStringLiteral("create the local articles feed"));
}

// Every feed column plus its unread and total counts (kept on the feed's row by triggers,
// migration 016: the feed list never counts articles); `where` narrows it to some feeds. On
// PostgreSQL unread is the analyst's own: the feed's articles less those they read, a count
// per analyst and feed (migration 010).
static QString selectFeedsSql(const QSqlDatabase& db, const QString& where) {
    const QString unread =
        isPostgres(db) ? QStringLiteral("f.article_count - coalesce((SELECT r.read FROM feed_reads r "
                                        "WHERE r.analyst = current_user::text AND r.feed_id = f.id), 0)")
                       : QStringLiteral("f.unread_count");
    return QStringLiteral("SELECT f.id, f.url, f.title, f.site_url, f.kind, coalesce(f.folder_id, 0), "
                          "f.etag, f.last_modified, f.refresh_minutes, f.last_fetched, f.last_error, "
                          "f.allow_remote, "
                          "%3, f.article_count "
                          "FROM feeds f %1 ORDER BY f.kind = 'local', %2")
        .arg(where, caseless(db, QStringLiteral("f.title")), unread);
}

Result<QStringList> explainListFeeds(const QSqlDatabase& db) {
    QSqlQuery query(db);
    const bool postgres = isPostgres(db);
    if (!query.exec((postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) +
                    selectFeedsSql(db, {})))
        return sqlError(QStringLiteral("explain the feed list"), query);
    QStringList plan;
    while (query.next())
        plan << query.value(postgres ? 0 : 3).toString();
    return plan;
}

static Result<QList<FeedInfo>> selectFeeds(const QSqlDatabase& db, const QString& where,
                                           const QVariantList& values) {
    QSqlQuery query(db);
    query.prepare(selectFeedsSql(db, where));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(QStringLiteral("list the feeds"), query);
    QList<FeedInfo> feeds;
    while (query.next()) {
        FeedInfo feed;
        feed.id = query.value(0).toLongLong();
        feed.url = query.value(1).toString();
        feed.title = shownFeedTitle(feed.url, query.value(2).toString());
        feed.siteUrl = query.value(3).toString();
        feed.kind = query.value(4).toString();
        feed.folderId = query.value(5).toLongLong();
        feed.etag = query.value(6).toString();
        feed.lastModified = query.value(7).toString();
        feed.refreshMinutes = query.value(8).toInt();
        if (!query.value(9).isNull())
            feed.lastFetched = QDateTime::fromSecsSinceEpoch(query.value(9).toLongLong(), QTimeZone::UTC);
        feed.lastError = query.value(10).toString();
        feed.allowRemoteContent = query.value(11).toBool();
        feed.unread = query.value(12).toInt();
        feed.total = query.value(13).toInt();
        feeds << feed;
    }
    return feeds;
}

Result<QList<FeedInfo>> listFeeds(const QSqlDatabase& db) {
    return selectFeeds(db, {}, {});
}

Result<FeedInfo> feedById(const QSqlDatabase& db, qint64 id) {
    // One feed: counting only its own articles, not every feed's.
    Result<QList<FeedInfo>> feeds = selectFeeds(db, QStringLiteral("WHERE f.id = ?"), {id});
    if (!feeds)
        return Error{feeds.error()};
    if (feeds->isEmpty())
        return Error{QStringLiteral("There is no feed with id %1.").arg(id)};
    return feeds->first();
}

} // namespace mirsad::storage

namespace mirsad::storage {

namespace {

Status run(QSqlQuery& query, const QString& what) {
    if (!query.exec())
        return sqlError(what, query);
    return {};
}

QVariant folderValue(qint64 folderId) {
    return folderId > 0 ? QVariant(folderId) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

std::optional<qint64> feedIdForUrl(const QSqlDatabase& db, const QString& url) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    query.addBindValue(url);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

Result<qint64> addFeed(QSqlDatabase& db, const QString& url, const QString& title, qint64 folderId) {
    if (std::optional<qint64> existing = feedIdForUrl(db, url))
        return *existing;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO feeds (url, title, folder_id, created) VALUES (?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(url);
    insert.addBindValue(sqlText(title));
    insert.addBindValue(folderValue(folderId));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    return insertedId(insert, QStringLiteral("subscribe to %1").arg(url));
}

static Status updateFeed(QSqlDatabase& db, qint64 id, const QString& assignment, const QVariant& value) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE feeds SET %1 = ? WHERE id = ?").arg(assignment));
    query.addBindValue(value);
    query.addBindValue(id);
    if (Status s = run(query, QStringLiteral("update feed %1").arg(id)); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return Error{QStringLiteral("There is no feed with id %1.").arg(id)};
    return {};
}

Status renameFeed(QSqlDatabase& db, qint64 id, const QString& title) {
    if (title.trimmed().isEmpty())
        return Error{QStringLiteral("A feed needs a name.")};
    return updateFeed(db, id, QStringLiteral("title"), title.trimmed());
}

Status setFeedUrl(QSqlDatabase& db, qint64 id, const QString& url) {
    if (std::optional<qint64> other = feedIdForUrl(db, url); other && *other != id)
        return Error{QStringLiteral("You are already subscribed to %1.").arg(url)};
    return updateFeed(db, id, QStringLiteral("url"), url);
}

Status moveFeed(QSqlDatabase& db, qint64 id, qint64 folderId) {
    return updateFeed(db, id, QStringLiteral("folder_id"), folderValue(folderId));
}

Status setRefreshInterval(QSqlDatabase& db, qint64 id, int minutes) {
    if (minutes < 1)
        return Error{QStringLiteral("The refresh interval must be at least one minute.")};
    return updateFeed(db, id, QStringLiteral("refresh_minutes"), minutes);
}

Status setAllowRemoteContent(QSqlDatabase& db, qint64 id, bool allow) {
    return updateFeed(db, id, QStringLiteral("allow_remote"), allow ? 1 : 0);
}

Status deleteFeed(QSqlDatabase& db, qint64 id) {
    Transaction transaction(db);
    // SQLite's contentless search index has no foreign key: remove the feed's rows from it first.
    // PostgreSQL's article_search goes with its articles (ON DELETE CASCADE).
    if (!isPostgres(db)) {
        QSqlQuery search(db);
        search.prepare(QStringLiteral(
            "DELETE FROM article_search WHERE rowid IN (SELECT id FROM articles WHERE feed_id = ?)"));
        search.addBindValue(id);
        if (Status s = run(search, QStringLiteral("delete feed %1").arg(id)); !s)
            return s;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM feeds WHERE id = ?"));
    query.addBindValue(id);
    if (Status s = run(query, QStringLiteral("delete feed %1").arg(id)); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return Error{QStringLiteral("There is no feed with id %1.").arg(id)};
    return transaction.commit();
}

Status recordFetch(QSqlDatabase& db, qint64 id, const QString& etag, const QString& lastModified,
                   const QString& error, const QDateTime& when) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE feeds SET etag = ?, last_modified = ?, last_error = ?, last_fetched = ? WHERE id = ?"));
    query.addBindValue(sqlText(etag));
    query.addBindValue(sqlText(lastModified));
    query.addBindValue(sqlText(error));
    query.addBindValue(when.toSecsSinceEpoch());
    query.addBindValue(id);
    return run(query, QStringLiteral("record the refresh of feed %1").arg(id));
}

Status updateFeedDetails(QSqlDatabase& db, qint64 id, const QString& title, const QString& siteUrl) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE feeds SET title = CASE WHEN title = '' THEN ? ELSE title END, "
                                 "site_url = CASE WHEN ? <> '' THEN ? ELSE site_url END WHERE id = ?"));
    query.addBindValue(sqlText(title.simplified()));
    query.addBindValue(sqlText(siteUrl));
    query.addBindValue(sqlText(siteUrl));
    query.addBindValue(id);
    return run(query, QStringLiteral("update feed %1").arg(id));
}

Result<QList<FolderInfo>> listFolders(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT id, name, coalesce(parent_id, 0) FROM folders ORDER BY position, %1")
                .arg(caseless(db, QStringLiteral("name")))))
        return sqlError(QStringLiteral("list the folders"), query);
    QList<FolderInfo> folders;
    while (query.next())
        folders << FolderInfo{query.value(0).toLongLong(), query.value(1).toString(),
                              query.value(2).toLongLong()};
    return folders;
}

Result<qint64> ensureFolder(QSqlDatabase& db, const QString& name, qint64 parentId) {
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return Error{QStringLiteral("A folder needs a name.")};
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM folders WHERE name = ? AND coalesce(parent_id, 0) = ?"));
    find.addBindValue(clean);
    find.addBindValue(parentId);
    if (find.exec() && find.next())
        return find.value(0).toLongLong();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO folders (name, parent_id) VALUES (?, ?) RETURNING id"));
    insert.addBindValue(clean);
    insert.addBindValue(folderValue(parentId));
    return insertedId(insert, QStringLiteral("create the folder %1").arg(clean));
}

Status renameFolder(QSqlDatabase& db, qint64 id, const QString& name) {
    if (name.trimmed().isEmpty())
        return Error{QStringLiteral("A folder needs a name.")};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"));
    query.addBindValue(name.simplified());
    query.addBindValue(id);
    return run(query, QStringLiteral("rename folder %1").arg(id));
}

Status deleteFolder(QSqlDatabase& db, qint64 id) {
    Transaction transaction(db);
    for (const QString& sql :
         {QStringLiteral("UPDATE feeds SET folder_id = (SELECT parent_id FROM folders WHERE id = ?) "
                         "WHERE folder_id = ?"),
          QStringLiteral("UPDATE folders SET parent_id = (SELECT parent_id FROM folders WHERE id = ?) "
                         "WHERE parent_id = ?"),
          QStringLiteral("DELETE FROM folders WHERE id = ?")}) {
        QSqlQuery query(db);
        query.prepare(sql);
        for (qsizetype i = sql.count(QLatin1Char('?')); i > 0; --i)
            query.addBindValue(id);
        if (Status s = run(query, QStringLiteral("delete folder %1").arg(id)); !s)
            return s;
    }
    return transaction.commit();
}

} // namespace mirsad::storage
