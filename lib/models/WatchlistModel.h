#pragma once

#include "filters/Watchlist.h"

#include <QAbstractListModel>

namespace mirsad::models {

// The sidebar's saved watchlists, in their order, each with its unread count.
class WatchlistModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { WatchlistIdRole = Qt::UserRole + 1, UnreadRole, NameRole };

    explicit WatchlistModel(QObject* parent = nullptr);

    void setWatchlists(const QList<filters::Watchlist>& watchlists);
    const QList<filters::Watchlist>& watchlists() const { return m_watchlists; }
    // Null when the row does not exist.
    const filters::Watchlist* watchlistAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<filters::Watchlist> m_watchlists;
};

} // namespace mirsad::models
