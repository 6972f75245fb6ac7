#include "models/FeedListModel.h"

#include "storage/Storage.h"

namespace mirsad::models {

FeedListModel::FeedListModel(storage::Storage& storage, QObject* parent)
    : QAbstractListModel(parent)
    , m_storage(storage) {
    connect(&m_storage, &storage::Storage::feedsChanged, this, &FeedListModel::reload);
    connect(&m_storage, &storage::Storage::articlesChanged, this, &FeedListModel::reload);
}

int FeedListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_feeds.size()) + 1;
}

QVariant FeedListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return m_totalUnread > 0 ? tr("All articles (%1)").arg(m_totalUnread) : tr("All articles");
        case FeedIdRole:
            return qint64(0);
        case UnreadRole:
            return m_totalUnread;
        case TotalRole:
            return m_total;
        case Qt::ToolTipRole:
            return tr("%n article(s)", nullptr, m_total);
        default:
            return {};
        }
    }
    const storage::FeedInfo& feed = m_feeds.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return feed.unread > 0 ? QStringLiteral("%1 (%2)").arg(feed.title).arg(feed.unread) : feed.title;
    case Qt::ToolTipRole:
        return feed.lastError.isEmpty() ? feed.url
                                        : tr("%1\nLast refresh failed: %2").arg(feed.url, feed.lastError);
    case FeedIdRole:
        return feed.id;
    case UnreadRole:
        return feed.unread;
    case TotalRole:
        return feed.total;
    case ErrorRole:
        return feed.lastError;
    case UrlRole:
        return feed.url;
    case KindRole:
        return feed.kind;
    default:
        return {};
    }
}

QHash<int, QByteArray> FeedListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(FeedIdRole, "feedId");
    names.insert(UnreadRole, "unread");
    names.insert(TotalRole, "total");
    names.insert(ErrorRole, "error");
    names.insert(UrlRole, "url");
    names.insert(KindRole, "kind");
    return names;
}

void FeedListModel::reload() {
    const quint64 generation = ++m_generation;
    m_storage.reader()
        .run([](QSqlDatabase& db) { return storage::listFeeds(db); })
        .then(this, [this, generation](const Result<QList<storage::FeedInfo>>& feeds) {
            if (generation != m_generation)
                return; // a newer reload is on its way
            if (!feeds) {
                emit loadFailed(feeds.error());
                return;
            }
            setFeeds(*feeds);
            emit loaded();
        });
}

void FeedListModel::setFeeds(const QList<storage::FeedInfo>& feeds) {
    beginResetModel();
    m_feeds = feeds;
    m_totalUnread = 0;
    m_total = 0;
    for (const storage::FeedInfo& feed : feeds) {
        m_totalUnread += feed.unread;
        m_total += feed.total;
    }
    endResetModel();
}

} // namespace mirsad::models
