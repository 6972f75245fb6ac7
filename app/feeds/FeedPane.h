#pragma once

#include "core/Result.h"
#include "filters/FilterChips.h"
#include "storage/ArticleFilter.h"

#include <QHash>
#include <QSqlDatabase>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QProgressBar;
class QTreeView;

namespace mirsad::storage {
class Storage;
}
namespace mirsad::ingest {
class FeedUpdater;
struct RefreshOutcome;
} // namespace mirsad::ingest
namespace mirsad::models {
class FeedTreeModel;
}

// The feed list: folders, feeds with unread counts and their refresh errors, the actions that
// manage subscriptions (add, refresh, rename, move, delete, folders, OPML) and the refresh's
// progress, per feed and overall.
class FeedPane : public QWidget {
    Q_OBJECT
public:
    FeedPane(mirsad::storage::Storage& storage, mirsad::ingest::FeedUpdater& updater,
             QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    mirsad::models::FeedTreeModel* model() const { return m_model; }

    QAction* addFeedAction() const { return m_addFeed; }
    QAction* refreshAllAction() const { return m_refreshAll; }
    QAction* refreshSelectedAction() const { return m_refreshSelected; }
    QAction* importOpmlAction() const { return m_importOpml; }
    QAction* exportOpmlAction() const { return m_exportOpml; }
    QAction* newFolderAction() const { return m_newFolder; }

    QAction* markSelectedReadAction() const { return m_markSelectedRead; }
    // The feeds' and folders' names, for the filter chips.
    mirsad::filters::FilterNames filterNames() const;

    // The feeds the selection covers (empty: all articles).
    QList<qint64> selectedFeedIds() const;
    void reload();

    // Imports what was dropped or chosen: feed URLs, OPML, feed files and article files.
    void importSources(const QStringList& sources);
    // The Add Feed dialog, on `url` and the reason its subscription failed, if given.
    void showAddFeedDialog(const QString& url = {}, const QString& problem = {});

signals:
    // The user picked a feed, a folder or "All articles".
    void feedSelectionChanged(const QList<qint64>& feedIds);
    void message(const QString& text, int timeoutMs);
    // Mark Feed (or Folder) as Read: every article of `filter`, named `what` for the undo.
    void markReadRequested(const mirsad::ArticleFilter& filter, const QString& what);

private:
    void showContextMenu(const QPoint& position);
    void renameSelected();
    void deleteSelected();
    void createFolder(qint64 parentId);
    void moveFeed(qint64 feedId, qint64 folderId);
    void importOpml();
    void exportOpml();
    void onFeedFinished(const mirsad::ingest::RefreshOutcome& outcome);
    // Selects the feed once the list shows it (after a subscription).
    void selectFeedWhenShown(qint64 feedId);
    void writeThenReload(std::function<mirsad::Status(QSqlDatabase&)> work, const QString& failure);

    mirsad::storage::Storage& m_storage;
    mirsad::ingest::FeedUpdater& m_updater;
    mirsad::models::FeedTreeModel* m_model;
    QTreeView* m_view;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QAction* m_addFeed;
    QAction* m_refreshAll;
    QAction* m_refreshSelected;
    QAction* m_importOpml;
    QAction* m_exportOpml;
    QAction* m_newFolder;
    QAction* m_markSelectedRead;
    int m_failures = 0;
    int m_refreshed = 0;        // feeds refreshed (not new subscriptions that failed) since the last message
    int m_fetchedElsewhere = 0; // of those, fetched by a colleague's client (a team's archive)
    QString m_elsewhereNote;    // what the last of them said
    QHash<int, QString> m_droppedSubscriptions; // subscribe() tickets, with the address
    // Addresses that moved to a feed subscribed already: what was said, by that feed's id (the
    // Add Feed dialog then says it rather than "Subscribed").
    QHash<qint64, QString> m_alreadySubscribed;
    qint64 m_selectWhenShown = 0;
};
