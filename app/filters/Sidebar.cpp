#include "filters/Sidebar.h"

#include "filters/SidebarCounts.h"
#include "filters/Watchlist.h"
#include "models/EntityListModel.h"
#include "models/RegionTreeModel.h"
#include "models/WatchlistModel.h"
#include "names/Gazetteer.h"
#include "reader/BidiItemDelegate.h"
#include "storage/Storage.h"
#include "tagging/RegionIndex.h"
#include "tagging/Tagger.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace mirsad;

namespace {

struct Loaded {
    filters::SidebarCounts counts;
    QList<filters::Watchlist> watchlists;
};

// Runs `done(result)` on the UI thread when `future` finishes. A QFutureWatcher, connected before
// it watches, never misses a future that finishes while the continuation is being attached. A
// read given up because the window closes (cancelled, without a result) calls nothing.
template <typename T, typename Done> void whenFinished(QObject* context, QFuture<T> future, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() {
        watcher->deleteLater();
        if (watcher->isCanceled() || watcher->future().resultCount() == 0)
            return;
        done(watcher->result());
    });
    watcher->setFuture(future);
}

QToolButton* button(const QString& text, const QString& toolTip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(toolTip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

Sidebar::Sidebar(storage::Storage& storage, QWidget* parent)
    : QWidget(parent)
    , m_storage(storage)
    , m_regionModel(new models::RegionTreeModel(this))
    , m_entityModel(new models::EntityListModel(this))
    , m_watchlistModel(new models::WatchlistModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    // Short titles that fit side by side in the sidebar's width (the full ones in the tooltips);
    // in a narrower sidebar they are elided rather than scrolled out of sight.
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->tabBar()->setExpanding(true);
    layout->addWidget(m_tabs);

    m_regions = new QTreeView(m_tabs);
    m_regions->setModel(m_regionModel);
    m_regions->setUniformRowHeights(true);
    m_regions->header()->setStretchLastSection(false);
    m_regions->header()->setSectionResizeMode(models::RegionTreeModel::NameColumn, QHeaderView::Stretch);
    m_regions->header()->setSectionResizeMode(models::RegionTreeModel::CountColumn,
                                              QHeaderView::ResizeToContents);
    m_regions->setItemDelegate(new BidiItemDelegate(m_regions));
    m_tabs->addTab(m_regions, tr("Regions"));
    m_tabs->setTabToolTip(0, tr("Regions: click one to show the articles that name a place in it "
                                "(Ctrl+click adds it to the regions already chosen)"));

    auto* namesPage = new QWidget(m_tabs);
    auto* namesLayout = new QVBoxLayout(namesPage);
    namesLayout->setContentsMargins(2, 2, 2, 2);
    m_entitySearch = new QLineEdit(namesPage);
    m_entitySearch->setPlaceholderText(tr("Find a person or organisation…"));
    m_entitySearch->setClearButtonEnabled(true);
    m_entities = new QListView(namesPage);
    m_entities->setModel(m_entityModel);
    m_entities->setUniformItemSizes(true);
    m_entities->setItemDelegate(new BidiItemDelegate(m_entities));
    namesLayout->addWidget(m_entitySearch);
    namesLayout->addWidget(m_entities);
    m_tabs->addTab(namesPage, tr("Names"));
    m_tabs->setTabToolTip(1, tr("People and organisations, the most mentioned first"));

    auto* watchPage = new QWidget(m_tabs);
    auto* watchLayout = new QVBoxLayout(watchPage);
    watchLayout->setContentsMargins(2, 2, 2, 2);
    m_watchlists = new QListView(watchPage);
    m_watchlists->setModel(m_watchlistModel);
    m_watchlists->setItemDelegate(new BidiItemDelegate(m_watchlists));
    // Two rows of two: in one row the buttons were squeezed to "Sa…t…" at the sidebar's width.
    auto* actions = new QGridLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    m_saveButton = button(tr("Save current…"), tr("Save the current filter as a watchlist"), watchPage);
    m_renameButton = button(tr("Rename…"), tr("Rename the selected watchlist"), watchPage);
    m_replaceButton = button(tr("Update"), tr("Give the selected watchlist the current filter"), watchPage);
    m_deleteButton = button(tr("Delete"), tr("Delete the selected watchlist"), watchPage);
    int position = 0;
    for (QToolButton* b : {m_saveButton, m_renameButton, m_replaceButton, m_deleteButton}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actions->addWidget(b, position / 2, position % 2, Qt::AlignLeading);
        ++position;
    }
    actions->setColumnStretch(2, 1);
    watchLayout->addWidget(m_watchlists);
    watchLayout->addLayout(actions);
    m_tabs->addTab(watchPage, tr("Watchlists"));
    m_tabs->setTabToolTip(2, tr("Saved filters, with how many of their articles are unread"));
    updateWatchlistButtons();

    // A click chooses the region (as the tree's selection shows); Ctrl+click adds it to the
    // regions already chosen, or takes it away again.
    connect(m_regions, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        const QString id = index.data(models::RegionTreeModel::EntityIdRole).toString();
        ArticleFilter filter = m_current;
        if (!(QGuiApplication::keyboardModifiers() & Qt::ControlModifier))
            filter.regions = {id};
        else if (filter.regions.contains(id))
            filter.regions.removeAll(id);
        else
            filter.regions << id;
        if (filter == m_current)
            showFilterInViews(); // the click changed the selection, not the filter
        else
            emit filterRequested(filter);
    });
    connect(m_entities, &QListView::clicked, this, [this](const QModelIndex& index) {
        const QStringList group{index.data(models::EntityListModel::EntityIdRole).toString()};
        ArticleFilter filter = m_current;
        if (!filter.entityGroups.contains(group))
            filter.entityGroups << group;
        emit filterRequested(filter);
    });
    connect(m_entitySearch, &QLineEdit::textChanged, m_entityModel, &models::EntityListModel::setFilterText);
    connect(m_entityModel, &QAbstractItemModel::modelReset, this, &Sidebar::showFilterInViews);
    connect(m_regionModel, &QAbstractItemModel::modelReset, this, &Sidebar::showFilterInViews);
    connect(m_watchlists, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (const filters::Watchlist* watchlist = m_watchlistModel->watchlistAt(index.row()))
            emit filterRequested(watchlist->filter);
    });
    connect(m_saveButton, &QToolButton::clicked, this, &Sidebar::askSaveWatchlist);
    connect(m_renameButton, &QToolButton::clicked, this, &Sidebar::askRenameWatchlist);
    connect(m_replaceButton, &QToolButton::clicked, this, [this] {
        if (const qint64 id = selectedWatchlist())
            replaceWatchlistFilter(id);
    });
    connect(m_deleteButton, &QToolButton::clicked, this, &Sidebar::askDeleteWatchlist);

    // Imports change many articles at once: count once they settle.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(500);
    connect(m_refreshTimer, &QTimer::timeout, this, &Sidebar::refreshCounts);
    connect(&m_storage, &storage::Storage::articlesChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    // The watchlists' unread counts follow the reading.
    connect(&m_storage, &storage::Storage::readStateChanged, m_refreshTimer, qOverload<>(&QTimer::start));
}

Sidebar::~Sidebar() = default;

void Sidebar::setCurrentFilter(const ArticleFilter& filter) {
    m_current = filter;
    showFilterInViews();
    updateWatchlistButtons();
}

// The regions and names of the filter are the ones selected in the tree and the list, and only
// those: a chip removed in the filter bar is unselected here too.
void Sidebar::showFilterInViews() {
    QItemSelection regions;
    for (const QString& id : std::as_const(m_current.regions))
        if (const QModelIndex index = m_regionModel->indexOf(id); index.isValid())
            regions.select(index, index.siblingAtColumn(models::RegionTreeModel::CountColumn));
    m_regions->selectionModel()->select(regions, QItemSelectionModel::ClearAndSelect);
    if (regions.isEmpty())
        m_regions->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);

    QItemSelection names;
    for (int row = 0; row < m_entityModel->rowCount(); ++row)
        if (m_current.entityGroups.contains(QStringList{m_entityModel->entityId(row)}))
            names.select(m_entityModel->index(row), m_entityModel->index(row));
    m_entities->selectionModel()->select(names, QItemSelectionModel::ClearAndSelect);
}

void Sidebar::updateWatchlistButtons() {
    const bool empty = m_current.isEmpty();
    m_saveButton->setEnabled(!empty);
    m_saveButton->setToolTip(empty ? tr("Nothing to save yet: a watchlist keeps a filter. Choose a region, "
                                        "a name, a feed or a search first.")
                                   : tr("Save the current filter as a watchlist"));
    m_replaceButton->setEnabled(!empty);
    m_replaceButton->setToolTip(empty
                                    ? tr("Choose a filter first: Update gives it to the selected watchlist.")
                                    : tr("Give the selected watchlist the current filter"));
}

// The gazetteer and an up-to-date region index, on the writer (the index is written when the
// gazetteer changed), then the counts.
void Sidebar::load() {
    auto future =
        m_storage.writer().run([](QSqlDatabase& db) -> Result<std::shared_ptr<const names::Gazetteer>> {
            Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
            if (!tagger)
                return Error{tagger.error()};
            auto gazetteer = std::make_shared<const names::Gazetteer>((*tagger)->gazetteer());
            if (Status s = tagging::syncRegionIndex(db, *gazetteer); !s)
                return Error{s.error()};
            return gazetteer;
        });
    whenFinished(this, future, [this](const Result<std::shared_ptr<const names::Gazetteer>>& gazetteer) {
        if (!gazetteer) {
            emit failed(gazetteer.error());
            return;
        }
        m_gazetteer = *gazetteer;
        m_regionModel->setGazetteer(*m_gazetteer);
        m_entityModel->setGazetteer(*m_gazetteer);
        // The country level open: its governorates and regions are what analysts click.
        for (const QString& id : {QStringLiteral("middle-east"), QStringLiteral("iraq")})
            if (const QModelIndex index = m_regionModel->indexOf(id); index.isValid())
                m_regions->expand(index);
        emit ready(m_gazetteer);
        refreshCounts();
    });
}

void Sidebar::refreshCounts() {
    const quint64 generation = ++m_generation;
    auto future = m_storage.reader().run([](QSqlDatabase& db) -> Result<Loaded> {
        Result<filters::SidebarCounts> counts = filters::loadSidebarCounts(db);
        if (!counts)
            return Error{counts.error()};
        Result<QList<filters::Watchlist>> watchlists = filters::listWatchlists(db, true);
        if (!watchlists)
            return Error{watchlists.error()};
        return Loaded{*counts, *watchlists};
    });
    whenFinished(this, future, [this, generation](const Result<Loaded>& loaded) {
        if (generation != m_generation)
            return;
        if (!loaded) {
            emit failed(loaded.error());
            return;
        }
        m_regionModel->setCounts(loaded->counts.regions);
        m_entityModel->setCounts(loaded->counts.entities);
        m_watchlistModel->setWatchlists(loaded->watchlists);
        emit countsRefreshed();
    });
}

template <typename Work> void Sidebar::write(Work work) {
    whenFinished(this, m_storage.writer().run(std::move(work)), [this](const Status& status) {
        if (!status)
            emit failed(status.error());
        refreshCounts();
    });
}

void Sidebar::saveWatchlist(const QString& name) {
    const ArticleFilter filter = m_current;
    if (filter.isEmpty())
        return;
    write([name, filter](QSqlDatabase& db) -> Status {
        Result<qint64> id = filters::addWatchlist(db, name, filter);
        return id ? Status() : Error{id.error()};
    });
}

void Sidebar::renameWatchlist(qint64 id, const QString& name) {
    write([id, name](QSqlDatabase& db) { return filters::renameWatchlist(db, id, name); });
}

void Sidebar::replaceWatchlistFilter(qint64 id) {
    const filters::Watchlist* current = nullptr;
    for (const filters::Watchlist& watchlist : m_watchlistModel->watchlists())
        if (watchlist.id == id)
            current = &watchlist;
    if (!current)
        return;
    const QString name = current->name;
    const ArticleFilter filter = m_current;
    write([id, name, filter](QSqlDatabase& db) { return filters::updateWatchlist(db, id, name, filter); });
}

void Sidebar::deleteWatchlist(qint64 id) {
    write([id](QSqlDatabase& db) { return filters::deleteWatchlist(db, id); });
}

qint64 Sidebar::selectedWatchlist() const {
    const filters::Watchlist* watchlist = m_watchlistModel->watchlistAt(m_watchlists->currentIndex().row());
    return watchlist ? watchlist->id : 0;
}

void Sidebar::askSaveWatchlist() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as watchlist"), tr("Name of the watchlist:"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        saveWatchlist(name);
}

void Sidebar::askRenameWatchlist() {
    const filters::Watchlist* watchlist = m_watchlistModel->watchlistAt(m_watchlists->currentIndex().row());
    if (!watchlist)
        return;
    const qint64 id = watchlist->id;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename watchlist"), tr("New name:"),
                                               QLineEdit::Normal, watchlist->name, &ok);
    if (ok && !name.trimmed().isEmpty())
        renameWatchlist(id, name);
}

void Sidebar::askDeleteWatchlist() {
    const filters::Watchlist* watchlist = m_watchlistModel->watchlistAt(m_watchlists->currentIndex().row());
    if (!watchlist)
        return;
    const qint64 id = watchlist->id;
    if (QMessageBox::question(this, tr("Delete watchlist"),
                              tr("Delete the watchlist “%1”?").arg(watchlist->name)) == QMessageBox::Yes)
        deleteWatchlist(id);
}
