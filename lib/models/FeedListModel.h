#pragma once

#include "storage/FeedQueries.h"

#include <QAbstractListModel>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::models {

// The sidebar's feeds: "All articles" first, then every feed with its unread count and its
// last error. Loaded on the reader thread; reloads when the storage says feeds or articles
// changed.
class FeedListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { FeedIdRole = Qt::UserRole + 1, UnreadRole, TotalRole, ErrorRole, UrlRole, KindRole };

    explicit FeedListModel(storage::Storage& storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reloads from the database; emits loaded() when done.
    void reload();
    // Replaces the rows (used by reload's continuation, and by tests).
    void setFeeds(const QList<storage::FeedInfo>& feeds);

signals:
    void loaded();
    void loadFailed(const QString& message);

private:
    storage::Storage& m_storage;
    QList<storage::FeedInfo> m_feeds;
    int m_totalUnread = 0;
    int m_total = 0;
    quint64 m_generation = 0;
};

} // namespace mirsad::models
