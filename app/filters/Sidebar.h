#pragma once

#include "storage/ArticleFilter.h"

#include <QWidget>
#include <memory>

class QLineEdit;
class QListView;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace mirsad::storage {
class Storage;
}
namespace mirsad::names {
class Gazetteer;
}
namespace mirsad::models {
class EntityListModel;
class RegionTreeModel;
class WatchlistModel;
} // namespace mirsad::models

// The filter sidebar: the place hierarchy with article counts, people and organisations
// (most mentioned first, with a search box) and saved watchlists with their unread counts.
// Clicking a region asks for the current filter with that region (Ctrl+click: with it as well),
// clicking a name for the filter narrowed by it; clicking a watchlist asks for its filter. The
// tree and the list select what the filter holds. Counts are read on the reader thread, writes go to the
// writer.
class Sidebar : public QWidget {
    Q_OBJECT
public:
    // Loads the gazetteer, the region index and the counts; call once the database is open
    // (the constructor does not, so that nothing reaches the database before it is).
    void load();
    explicit Sidebar(mirsad::storage::Storage& storage, QWidget* parent = nullptr);
    ~Sidebar() override;

    // The filter the article list shows now: what clicks narrow and "Save as watchlist" saves.
    void setCurrentFilter(const mirsad::ArticleFilter& filter);
    const mirsad::ArticleFilter& currentFilter() const { return m_current; }

    // Re-reads the counts (also done after the storage reports changed articles).
    void refreshCounts();

    // The watchlist actions behind the buttons, without their dialogs. Each reloads the list.
    void saveWatchlist(const QString& name);
    void renameWatchlist(qint64 id, const QString& name);
    void replaceWatchlistFilter(qint64 id);
    void deleteWatchlist(qint64 id);

    // Null until the gazetteer is loaded (see ready()).
    std::shared_ptr<const mirsad::names::Gazetteer> gazetteer() const { return m_gazetteer; }

    QTabWidget* tabs() const { return m_tabs; }
    QTreeView* regionView() const { return m_regions; }
    QListView* entityView() const { return m_entities; }
    QLineEdit* entitySearch() const { return m_entitySearch; }
    QListView* watchlistView() const { return m_watchlists; }
    QToolButton* saveWatchlistButton() const { return m_saveButton; }
    mirsad::models::RegionTreeModel* regionModel() const { return m_regionModel; }
    mirsad::models::EntityListModel* entityModel() const { return m_entityModel; }
    mirsad::models::WatchlistModel* watchlistModel() const { return m_watchlistModel; }

signals:
    void filterRequested(const mirsad::ArticleFilter& filter);
    // The gazetteer is loaded and the region index is up to date.
    void ready(std::shared_ptr<const mirsad::names::Gazetteer> gazetteer);
    // Counts and watchlists were (re)loaded.
    void countsRefreshed();
    void failed(const QString& message);

private:
    void askSaveWatchlist();
    void askRenameWatchlist();
    void askDeleteWatchlist();
    qint64 selectedWatchlist() const;
    void showFilterInViews();
    void updateWatchlistButtons();
    template <typename Work> void write(Work work);

    mirsad::storage::Storage& m_storage;
    mirsad::ArticleFilter m_current;
    std::shared_ptr<const mirsad::names::Gazetteer> m_gazetteer;
    QTabWidget* m_tabs = nullptr;
    QTreeView* m_regions = nullptr;
    QListView* m_entities = nullptr;
    QLineEdit* m_entitySearch = nullptr;
    QListView* m_watchlists = nullptr;
    QToolButton* m_saveButton = nullptr;
    QToolButton* m_renameButton = nullptr;
    QToolButton* m_replaceButton = nullptr;
    QToolButton* m_deleteButton = nullptr;
    mirsad::models::RegionTreeModel* m_regionModel = nullptr;
    mirsad::models::EntityListModel* m_entityModel = nullptr;
    mirsad::models::WatchlistModel* m_watchlistModel = nullptr;
    QTimer* m_refreshTimer = nullptr;
    quint64 m_generation = 0;
};
