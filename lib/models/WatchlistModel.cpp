#include "models/WatchlistModel.h"

#include <QFont>
#include <QLocale>

namespace mirsad::models {

WatchlistModel::WatchlistModel(QObject* parent)
    : QAbstractListModel(parent) {
}

void WatchlistModel::setWatchlists(const QList<filters::Watchlist>& watchlists) {
    // Same rows (only counts or names changed): update in place so the selection stays.
    const bool sameRows = watchlists.size() == m_watchlists.size() &&
                          std::equal(watchlists.begin(), watchlists.end(), m_watchlists.begin(),
                                     [](const auto& a, const auto& b) { return a.id == b.id; });
    if (sameRows) {
        m_watchlists = watchlists;
        if (!m_watchlists.isEmpty())
            emit dataChanged(index(0), index(int(m_watchlists.size()) - 1));
        return;
    }
    beginResetModel();
    m_watchlists = watchlists;
    endResetModel();
}

const filters::Watchlist* WatchlistModel::watchlistAt(int row) const {
    return row >= 0 && row < m_watchlists.size() ? &m_watchlists.at(row) : nullptr;
}

int WatchlistModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_watchlists.size());
}

QVariant WatchlistModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const filters::Watchlist& watchlist = m_watchlists.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return watchlist.unread > 0
                   ? QStringLiteral("%1 (%2)").arg(watchlist.name, QLocale().toString(watchlist.unread))
                   : watchlist.name;
    case Qt::EditRole:
    case NameRole:
        return watchlist.name;
    case Qt::FontRole:
        if (watchlist.unread > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case WatchlistIdRole:
        return watchlist.id;
    case UnreadRole:
        return watchlist.unread;
    }
    return {};
}

} // namespace mirsad::models
