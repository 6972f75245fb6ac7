#include "ingest/OpmlImport.h"

#include "storage/Database.h"
#include "storage/FeedQueries.h"

#include <QHash>

namespace mirsad::ingest {

static Status importOutlines(QSqlDatabase& db, const QList<feeds::OpmlOutline>& outlines, qint64 folderId,
                             OpmlImportReport& report, int depth) {
    for (const feeds::OpmlOutline& outline : outlines) {
        if (outline.isFolder()) {
            if (outline.children.isEmpty())
                continue;
            qint64 child = folderId;
            // Deep trees are flattened below the second level: a sidebar of folders in
            // folders in folders helps nobody.
            if (depth < 2) {
                Result<qint64> folder = storage::ensureFolder(
                    db, outline.title.isEmpty() ? QStringLiteral("Untitled") : outline.title, folderId);
                if (!folder)
                    return Error{folder.error()};
                child = *folder;
                ++report.folders;
            }
            if (Status s = importOutlines(db, outline.children, child, report, depth + 1); !s)
                return s;
            continue;
        }
        const QString url = outline.xmlUrl.toString(QUrl::FullyEncoded);
        if (storage::feedIdForUrl(db, url)) {
            ++report.feedsKnown;
            continue;
        }
        Result<qint64> feed = storage::addFeed(db, url, outline.title, folderId);
        if (!feed)
            return Error{feed.error()};
        if (!outline.htmlUrl.isEmpty()) {
            if (Status s =
                    storage::updateFeedDetails(db, *feed, {}, outline.htmlUrl.toString(QUrl::FullyEncoded));
                !s)
                return s;
        }
        ++report.feedsAdded;
        report.newFeedIds << *feed;
    }
    return {};
}

Result<OpmlImportReport> importOpml(QSqlDatabase& db, const feeds::OpmlDocument& document) {
    storage::Transaction transaction(db);
    OpmlImportReport report;
    if (Status s = importOutlines(db, document.outlines, 0, report, 0); !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return report;
}

Result<feeds::OpmlDocument> exportOpml(const QSqlDatabase& db) {
    Result<QList<storage::FolderInfo>> folders = storage::listFolders(db);
    if (!folders)
        return Error{folders.error()};
    Result<QList<storage::FeedInfo>> feedList = storage::listFeeds(db);
    if (!feedList)
        return Error{feedList.error()};

    QHash<qint64, QList<feeds::OpmlOutline>> feedsByFolder;
    for (const storage::FeedInfo& feed : *feedList) {
        if (feed.kind != u"feed")
            continue;
        feeds::OpmlOutline outline;
        outline.title = feed.title;
        outline.xmlUrl = QUrl(feed.url);
        outline.htmlUrl = QUrl(feed.siteUrl);
        feedsByFolder[feed.folderId] << outline;
    }
    QHash<qint64, QList<storage::FolderInfo>> childFolders;
    for (const storage::FolderInfo& folder : *folders)
        childFolders[folder.parentId] << folder;

    // Builds the outlines of one folder level; depth-bounded against a corrupt parent cycle.
    std::function<QList<feeds::OpmlOutline>(qint64, int)> build = [&](qint64 parent, int depth) {
        QList<feeds::OpmlOutline> outlines;
        if (depth > 32)
            return outlines;
        for (const storage::FolderInfo& folder : childFolders.value(parent)) {
            feeds::OpmlOutline outline;
            outline.title = folder.name;
            outline.children = build(folder.id, depth + 1);
            outlines << outline;
        }
        outlines += feedsByFolder.value(parent);
        return outlines;
    };
    feeds::OpmlDocument document;
    document.title = QStringLiteral("Mirsad subscriptions");
    document.outlines = build(0, 0);
    return document;
}

} // namespace mirsad::ingest
