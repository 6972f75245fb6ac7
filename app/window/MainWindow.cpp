#include "window/MainWindow.h"

#include "annotations/ArticleAnnotations.h"
#include "annotations/NotesPane.h"
#include "feeds/FeedPane.h"
#include "filters/FilterBar.h"
#include "filters/SearchHighlight.h"
#include "filters/Sidebar.h"
#include "ingest/ArticleImport.h"
#include "ingest/FeedUpdater.h"
#include "ingest/SourceImport.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "names/EntityDirectory.h"
#include "names/EntityListPanel.h"
#include "names/NameTeacher.h"
#include "reader/ReaderView.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "storage/Storage.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace mirsad;

MainWindow::MainWindow(storage::Storage& storage, QWidget* parent)
    : QMainWindow(parent)
    , m_storage(storage)
    , m_updater(new ingest::FeedUpdater(storage, this))
    , m_articleModel(new models::ArticleListModel(storage, this))
    , m_feedPane(new FeedPane(storage, *m_updater))
    , m_filterBar(new FilterBar)
    , m_sidebar(new Sidebar(storage))
    , m_articleView(new QTableView)
    , m_reader(new ReaderView)
    , m_undoStack(new QUndoStack(this))
    , m_annotations(new ArticleAnnotations(storage, m_undoStack, this))
    , m_entities(new EntityDirectory(storage, this))
    , m_entityList(new EntityListPanel(*m_entities))
    , m_notes(new NotesPane(*m_annotations)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Mirsad"));

    setAcceptDrops(true);

    m_articleView->setObjectName(QStringLiteral("articleList"));
    m_articleView->setModel(m_articleModel);
    m_articleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_articleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_articleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_articleView->setShowGrid(false);
    m_articleView->setWordWrap(false);
    m_articleView->verticalHeader()->hide();
    m_articleView->verticalHeader()->setDefaultSectionSize(m_articleView->fontMetrics().height() + 8);
    QHeaderView* header = m_articleView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(models::ArticleListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(models::ArticleListModel::StarColumn, 28);
    header->resizeSection(models::ArticleListModel::SourceColumn, 110);
    header->resizeSection(models::ArticleListModel::DateColumn, 130);
    header->resizeSection(models::ArticleListModel::NamesColumn, 180);
    header->resizeSection(models::ArticleListModel::NotesColumn, 50);

    m_readerSplitter = new QSplitter(Qt::Horizontal);
    m_readerSplitter->setObjectName(QStringLiteral("readerSplitter"));
    m_readerSplitter->addWidget(m_reader);
    m_readerSplitter->addWidget(m_notes);
    m_readerSplitter->setStretchFactor(0, 3);
    m_readerSplitter->setStretchFactor(1, 1);

    auto* centre = new QSplitter(Qt::Vertical);
    centre->setObjectName(QStringLiteral("centreSplitter"));
    // The filter bar sits on top of the article list it filters.
    auto* listArea = new QWidget;
    auto* listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_articleView);
    centre->addWidget(listArea);
    centre->addWidget(m_readerSplitter);
    centre->setStretchFactor(0, 1);
    centre->setStretchFactor(1, 3);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    // Left: the feeds, then regions, people, organisations and watchlists.
    auto* side = new QSplitter(Qt::Vertical);
    side->setObjectName(QStringLiteral("sideSplitter"));
    side->addWidget(m_feedPane);
    side->addWidget(m_sidebar);
    side->setStretchFactor(0, 1);
    side->setStretchFactor(1, 2);
    m_mainSplitter->addWidget(side);
    m_mainSplitter->addWidget(centre);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({220, 1000});
    m_readerSplitter->setSizes({700, 280});
    centre->setSizes({220, 600});
    setCentralWidget(m_mainSplitter);

    connect(m_feedPane, &FeedPane::feedSelectionChanged, this, &MainWindow::onFeedSelected);
    connect(m_feedPane, &FeedPane::message, this,
            [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    createFeedMenu();
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const ArticleFilter& filter) {
        m_selectFirstArticle = true;
        applyFilter(filter);
    });
    connect(m_sidebar, &Sidebar::filterRequested, this, [this](const ArticleFilter& filter) {
        m_selectFirstArticle = true;
        applyFilter(filter);
    });
    connect(m_sidebar, &Sidebar::ready, m_filterBar, &FilterBar::setGazetteer);
    connect(m_sidebar, &Sidebar::failed, this, &MainWindow::reportError);
    setupShell();
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showArticle(m_articleModel->articleId(current.row()));
            });
    connect(m_articleModel, &models::ArticleListModel::pageLoaded, this, [this] {
        if (m_selectFirstArticle && m_articleModel->rowCount() > 0) {
            m_selectFirstArticle = false;
            m_articleView->setCurrentIndex(m_articleModel->index(0, models::ArticleListModel::TitleColumn));
        } else if (m_articleModel->rowCount() == 0) {
            m_reader->showMessage(tr("No articles match. Import article files or subscribe to feeds."));
        }
    });
    connect(m_articleModel, &models::ArticleListModel::loadFailed, this, &MainWindow::reportError);
    connect(m_feedPane->model(), &models::FeedTreeModel::loadFailed, this, &MainWindow::reportError);

    resize(1400, 860);
    restoreLayout();
    statusBar()->showMessage(tr("Opening %1…").arg(storage.path()));
}

MainWindow::~MainWindow() = default;

void MainWindow::start() {
    m_storage.open().then(this, [this](const Status& opened) {
        if (!opened) {
            reportError(opened.error());
            emit started(false);
            return;
        }
        m_storage.writer()
            .run([](QSqlDatabase& db) { return ingest::installSampleArticles(db); })
            .then(this, [this](const Result<int>& installed) {
                if (!installed)
                    reportError(installed.error());
                else if (*installed > 0)
                    statusBar()->showMessage(
                        tr("Welcome to Mirsad: %n sample article(s) added.", nullptr, *installed), 8000);
                else
                    statusBar()->clearMessage();
                m_feedPane->reload();
                m_sidebar->load();
                applyFilter({});
                // Feeds refresh when due (each has its own interval); check every minute.
                m_updater->setScheduleInterval(std::chrono::minutes(1));
                m_updater->refreshDue();
                m_nameTeacher->resume();
                emit started(true);
            });
    });
}

void MainWindow::showArticle(qint64 id) {
    if (id <= 0)
        return;
    m_storage.reader()
        .run([id](QSqlDatabase& db) -> Result<std::pair<Article, QString>> {
            Result<Article> article = storage::loadArticle(db, id);
            if (!article)
                return Error{article.error()};
            Result<storage::FeedInfo> feed = storage::feedById(db, article->feedId);
            return std::pair{std::move(article).value(), feed ? feed->title : QString()};
        })
        .then(this, [this, id](const Result<std::pair<Article, QString>>& loaded) {
            const QModelIndex current = m_articleView->currentIndex();
            if (!current.isValid() || m_articleModel->articleId(current.row()) != id)
                return; // the user moved on
            if (!loaded) {
                reportError(loaded.error());
                return;
            }
            m_reader->showArticle(loaded->first, loaded->second);
            articleLoaded(loaded->first);
            emit articleShown(id);
        });
}

void MainWindow::onFeedSelected(const QList<qint64>& feedIds) {
    ArticleFilter filter = m_articleModel->filter();
    filter.feedIds = feedIds;
    m_selectFirstArticle = true;
    applyFilter(filter);
}

void MainWindow::applyFilter(const ArticleFilter& filter) {
    // Every way of filtering (feed list, sidebar, filter bar, a click on a name) ends here, so
    // that the list, the chips and "save as watchlist" always agree.
    m_articleModel->setFilter(filter);
    m_filterBar->setFilter(filter);
    m_sidebar->setCurrentFilter(filter);
    // The article on screen shows where the new search matches it.
    m_reader->setSearchMatches(filters::searchMatches(m_reader->article().text, filter.text));
}

QTreeView* MainWindow::feedView() const {
    return m_feedPane->view();
}

void MainWindow::createFeedMenu() {
    QMenu* feeds = menuBar()->addMenu(tr("F&eeds"));
    feeds->addAction(m_feedPane->addFeedAction());
    feeds->addAction(m_feedPane->newFolderAction());
    feeds->addSeparator();
    feeds->addAction(m_feedPane->refreshAllAction());
    feeds->addAction(m_feedPane->refreshSelectedAction());
    feeds->addSeparator();
    feeds->addAction(m_feedPane->importOpmlAction());
    feeds->addAction(m_feedPane->exportOpmlAction());

    // Teaching Mirsad a name it missed, from the reader's selection.
    m_nameTeacher = new NameTeacher(
        m_storage, [this] { return m_reader->textCursor().selectedText(); }, this);
    connect(m_nameTeacher, &NameTeacher::message, this,
            [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    QMenu* names = menuBar()->addMenu(tr("&Names"));
    names->addAction(m_nameTeacher->addNameAction());
    addAction(m_nameTeacher->addNameAction());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList sources;
    for (const QUrl& url : event->mimeData()->urls())
        sources << (url.isLocalFile() ? url.toLocalFile() : url.toString());
    if (sources.isEmpty() && event->mimeData()->hasText())
        sources << event->mimeData()->text().trimmed();
    if (sources.isEmpty())
        return;
    event->acceptProposedAction();
    m_feedPane->importSources(sources);
}

void MainWindow::reportError(const QString& message) {
    statusBar()->showMessage(message);
    qWarning("%s", qPrintable(message));
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(QStringLiteral("window/mainSplitter")).toByteArray();
        !state.isEmpty())
        m_mainSplitter->restoreState(state);
    if (const QByteArray state = settings.value(QStringLiteral("window/readerSplitter")).toByteArray();
        !state.isEmpty())
        m_readerSplitter->restoreState(state);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveShellState();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/readerSplitter"), m_readerSplitter->saveState());
    QMainWindow::closeEvent(event);
}
