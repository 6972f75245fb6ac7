#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace mirsad::storage {

struct FeedInfo {
    qint64 id = 0;
    QString url;
    QString title;
    QString siteUrl;
    QString kind; // "feed" or "local"
    qint64 folderId = 0;
    QString etag;
    QString lastModified;
    int refreshMinutes = 60;
    QDateTime lastFetched;
    QString lastError;
    bool allowRemoteContent = false;
    int unread = 0;
    int total = 0;
};

struct FolderInfo {
    qint64 id = 0;
    QString name;
    qint64 parentId = 0; // 0: top level
};

// The pseudo-feed that holds imported article files.
inline constexpr auto localFilesUrl = "mirsad:local-files";

// A feed's title as the UI shows it: the local articles' feed, named when it was created in
// whatever language the UI had then, is named in today's language (unless the user renamed it).
QString shownFeedTitle(const QString& url, const QString& title);

// The id of the local-files feed, created on first use.
Result<qint64> localFilesFeed(QSqlDatabase& db);

// Every feed with its unread and total counts, by title.
Result<QList<FeedInfo>> listFeeds(const QSqlDatabase& db);
// SQLite's plan for listFeeds' query, one line per step (for tests).
Result<QStringList> explainListFeeds(const QSqlDatabase& db);

// The feed with this id or URL, if subscribed.
Result<FeedInfo> feedById(const QSqlDatabase& db, qint64 id);
std::optional<qint64> feedIdForUrl(const QSqlDatabase& db, const QString& url);

// Subscribes to a feed (or returns the existing subscription to the same URL).
Result<qint64> addFeed(QSqlDatabase& db, const QString& url, const QString& title, qint64 folderId = 0);
Status renameFeed(QSqlDatabase& db, qint64 id, const QString& title);
// Points a subscription at another URL (a feed discovered on the page first given).
Status setFeedUrl(QSqlDatabase& db, qint64 id, const QString& url);
Status moveFeed(QSqlDatabase& db, qint64 id, qint64 folderId);
Status setRefreshInterval(QSqlDatabase& db, qint64 id, int minutes);
Status setAllowRemoteContent(QSqlDatabase& db, qint64 id, bool allow);
// Unsubscribes and deletes the feed's articles (with their highlights and notes).
Status deleteFeed(QSqlDatabase& db, qint64 id);

// After a fetch: the validators for the next conditional GET and the error (empty on success).
Status recordFetch(QSqlDatabase& db, qint64 id, const QString& etag, const QString& lastModified,
                   const QString& error, const QDateTime& when);
// Fills in a feed's title and site link from the feed itself when the user gave none.
Status updateFeedDetails(QSqlDatabase& db, qint64 id, const QString& title, const QString& siteUrl);

Result<QList<FolderInfo>> listFolders(const QSqlDatabase& db);
// The folder with this name under `parentId`, created if needed.
Result<qint64> ensureFolder(QSqlDatabase& db, const QString& name, qint64 parentId = 0);
Status renameFolder(QSqlDatabase& db, qint64 id, const QString& name);
// Deletes a folder; its feeds and subfolders move up to its parent.
Status deleteFolder(QSqlDatabase& db, qint64 id);

} // namespace mirsad::storage
