#include "models/FeedTreeModel.h"

#include "storage/Storage.h"

#include <QFont>
#include <QHash>

namespace mirsad::models {

struct FeedTreeModel::Node {
    NodeType type = NodeType::AllArticles;
    qint64 id = 0;
    QString title;
    QString url;
    QString error;
    bool allowRemote = false;
    int unread = 0;
    int total = 0;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    // The shape that decides whether a reload can update rows in place.
    void signature(QList<qint64>& out) const {
        out << qint64(type) << id << qint64(children.size());
        for (const auto& child : children)
            child->signature(out);
    }
    QList<qint64> feedIds() const {
        if (type == NodeType::Feed)
            return {id};
        QList<qint64> ids;
        for (const auto& child : children)
            ids += child->feedIds();
        return ids;
    }
};

namespace {

struct Contents {
    QList<storage::FolderInfo> folders;
    QList<storage::FeedInfo> feeds;
};

} // namespace

FeedTreeModel::FeedTreeModel(storage::Storage& storage, QObject* parent)
    : QAbstractItemModel(parent)
    , m_storage(storage)
    , m_root(std::make_unique<Node>()) {
    connect(&m_storage, &storage::Storage::feedsChanged, this, &FeedTreeModel::reload);
    connect(&m_storage, &storage::Storage::articlesChanged, this, &FeedTreeModel::reload);
    connect(&m_storage, &storage::Storage::readStateChanged, this, &FeedTreeModel::reload);
}

FeedTreeModel::~FeedTreeModel() = default;

FeedTreeModel::Node* FeedTreeModel::nodeAt(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex FeedTreeModel::indexOf(const Node* node) const {
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node*>(node));
}

QModelIndex FeedTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    const Node* node = nodeAt(parent);
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex FeedTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeAt(child)->parent);
}

int FeedTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int FeedTreeModel::columnCount(const QModelIndex&) const {
    return 1;
}

Qt::ItemFlags FeedTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant FeedTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        if (node->type == NodeType::AllArticles)
            return tr("All articles");
        return node->title.isEmpty() ? node->url : node->title;
    case Qt::ToolTipRole: {
        if (node->type == NodeType::AllArticles || node->type == NodeType::Folder)
            return tr("%n unread", nullptr, node->unread);
        QString tip = node->url;
        if (!node->error.isEmpty())
            tip += u'\n' + tr("The last refresh failed: %1").arg(node->error);
        return tip;
    }
    case Qt::FontRole:
        if (node->unread > 0 || node->type != NodeType::Feed) {
            QFont font;
            font.setBold(node->unread > 0);
            return font;
        }
        return {};
    case NodeTypeRole:
        return int(node->type);
    case FeedIdRole:
        return node->type == NodeType::Feed ? node->id : qint64(0);
    case FolderIdRole:
        return node->type == NodeType::Folder ? node->id : qint64(0);
    case UnreadRole:
        return node->unread;
    case TotalRole:
        return node->total;
    case ErrorRole:
        return node->error;
    case UrlRole:
        return node->url;
    case FeedIdsRole:
        return QVariant::fromValue(node->feedIds());
    case AllowRemoteRole:
        return node->allowRemote;
    case ProgressRole:
        if (node->type == NodeType::Feed && m_progress.contains(node->id))
            return m_progress.value(node->id);
        return {};
    default:
        return {};
    }
}

void FeedTreeModel::reload() {
    const quint64 generation = ++m_generation;
    m_storage.reader()
        .run([](QSqlDatabase& db) -> Result<Contents> {
            Result<QList<storage::FolderInfo>> folders = storage::listFolders(db);
            if (!folders)
                return Error{folders.error()};
            Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db);
            if (!feeds)
                return Error{feeds.error()};
            return Contents{*folders, *feeds};
        })
        .then(this, [this, generation](const Result<Contents>& contents) {
            if (generation != m_generation)
                return;
            if (!contents) {
                emit loadFailed(contents.error());
                return;
            }
            setContents(contents->folders, contents->feeds);
            emit loaded();
        });
}

void FeedTreeModel::setContents(const QList<storage::FolderInfo>& folders,
                                const QList<storage::FeedInfo>& feeds) {
    auto root = std::make_unique<Node>();
    auto* all = new Node;
    all->type = NodeType::AllArticles;
    all->parent = root.get();
    root->children.emplace_back(all);

    QHash<qint64, Node*> folderNodes;
    for (const storage::FolderInfo& folder : folders) {
        auto* node = new Node;
        node->type = NodeType::Folder;
        node->id = folder.id;
        node->title = folder.name;
        folderNodes.insert(folder.id, node);
    }
    // Attach folders to their parents; an unknown (or cyclic) parent puts a folder at the top.
    for (const storage::FolderInfo& folder : folders) {
        Node* node = folderNodes.value(folder.id);
        Node* parent = folderNodes.value(folder.parentId, root.get());
        for (const Node* up = parent; up && up != root.get(); up = up->parent) {
            if (up == node) {
                parent = root.get();
                break;
            }
        }
        node->parent = parent;
        parent->children.emplace_back(node);
    }
    Node* localFeed = nullptr;
    for (const storage::FeedInfo& feed : feeds) {
        auto* node = new Node;
        node->type = NodeType::Feed;
        node->id = feed.id;
        node->title = feed.title;
        node->url = feed.url;
        node->error = feed.lastError;
        node->allowRemote = feed.allowRemoteContent;
        node->unread = feed.unread;
        node->total = feed.total;
        if (feed.kind == u"local") {
            localFeed = node; // shown last, after the subscriptions
            continue;
        }
        Node* parent = folderNodes.value(feed.folderId, root.get());
        node->parent = parent;
        parent->children.emplace_back(node);
    }
    if (localFeed) {
        localFeed->parent = root.get();
        root->children.emplace_back(localFeed);
    }
    // Folder and "All articles" counts sum what they contain.
    std::function<void(Node*)> sum = [&](Node* node) {
        if (node->type == NodeType::Feed)
            return;
        node->unread = 0;
        node->total = 0;
        for (auto& child : node->children) {
            sum(child.get());
            node->unread += child->unread;
            node->total += child->total;
        }
    };
    for (auto& child : root->children)
        sum(child.get());
    for (const storage::FeedInfo& feed : feeds) {
        all->unread += feed.unread;
        all->total += feed.total;
    }

    QList<qint64> oldShape, newShape;
    m_root->signature(oldShape);
    root->signature(newShape);
    m_folders = folders;
    if (oldShape == newShape && !m_root->children.empty()) {
        // Same tree: copy the values over and say which rows changed.
        std::function<void(Node*, Node*)> update = [&](Node* old, Node* fresh) {
            const bool changed = old->title != fresh->title || old->unread != fresh->unread ||
                                 old->total != fresh->total || old->error != fresh->error ||
                                 old->url != fresh->url || old->allowRemote != fresh->allowRemote;
            old->title = fresh->title;
            old->unread = fresh->unread;
            old->total = fresh->total;
            old->error = fresh->error;
            old->url = fresh->url;
            old->allowRemote = fresh->allowRemote;
            if (changed && old != m_root.get()) {
                const QModelIndex index = indexOf(old);
                emit dataChanged(index, index);
            }
            for (std::size_t i = 0; i < old->children.size(); ++i)
                update(old->children[i].get(), fresh->children[i].get());
        };
        update(m_root.get(), root.get());
        return;
    }
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
}

const FeedTreeModel::Node* FeedTreeModel::find(NodeType type, qint64 id) const {
    std::function<const Node*(const Node*)> search = [&](const Node* node) -> const Node* {
        if (node->type == type && node->id == id && node != m_root.get())
            return node;
        for (const auto& child : node->children) {
            if (const Node* found = search(child.get()))
                return found;
        }
        return nullptr;
    };
    return search(m_root.get());
}

void FeedTreeModel::setFeedProgress(qint64 feedId, std::optional<int> percent) {
    if (percent)
        m_progress.insert(feedId, *percent);
    else if (!m_progress.remove(feedId))
        return;
    if (const QModelIndex index = indexOfFeed(feedId); index.isValid())
        emit dataChanged(index, index, {ProgressRole});
}

QModelIndex FeedTreeModel::indexOfFeed(qint64 feedId) const {
    return indexOf(find(NodeType::Feed, feedId));
}

QModelIndex FeedTreeModel::indexOfFolder(qint64 folderId) const {
    return indexOf(find(NodeType::Folder, folderId));
}

} // namespace mirsad::models
