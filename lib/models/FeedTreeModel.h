#pragma once

#include "storage/FeedQueries.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>
#include <optional>
#include <vector>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::models {

// The feed list: "All articles" first, then folders (nested) and feeds with their unread
// counts and the error of their last refresh. Loaded on the reader thread; when only counts
// or errors change the rows are updated in place, so the selection stays put.
class FeedTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class NodeType { AllArticles, Folder, Feed };
    enum Role {
        NodeTypeRole = Qt::UserRole + 1,
        FeedIdRole,   // feeds
        FolderIdRole, // folders
        UnreadRole,   // feeds; folders and "All articles" sum their contents
        TotalRole,
        ErrorRole, // the last refresh's error, empty when it went well
        UrlRole,
        FeedIdsRole,     // every feed at or under this node (QList<qint64>)
        AllowRemoteRole, // the feed's articles may load remote images
        ProgressRole, // a feed being refreshed: percent received, or -1 while the size is unknown; else null
    };

    explicit FeedTreeModel(storage::Storage& storage, QObject* parent = nullptr);
    ~FeedTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void reload();
    // Builds the tree from these rows (used by reload(), and by tests).
    void setContents(const QList<storage::FolderInfo>& folders, const QList<storage::FeedInfo>& feeds);

    // Marks a feed as being refreshed (percent 0-100, -1 unknown) or done (std::nullopt).
    void setFeedProgress(qint64 feedId, std::optional<int> percent);

    QModelIndex indexOfFeed(qint64 feedId) const;
    QModelIndex indexOfFolder(qint64 folderId) const;
    QList<storage::FolderInfo> folders() const { return m_folders; }

signals:
    void loaded();
    void loadFailed(const QString& message);

private:
    struct Node;
    Node* nodeAt(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node) const;
    const Node* find(NodeType type, qint64 id) const;

    storage::Storage& m_storage;
    std::unique_ptr<Node> m_root;
    QList<storage::FolderInfo> m_folders;
    QHash<qint64, int> m_progress; // feeds being refreshed
    quint64 m_generation = 0;
};

} // namespace mirsad::models
