#include "MainWindow.h"

#include "NotesPane.h"
#include "ReaderView.h"
#include "ingest/ArticleImport.h"
#include "models/ArticleListModel.h"
#include "models/FeedListModel.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "storage/Storage.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QListView>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

using namespace mirsad;

MainWindow::MainWindow(storage::Storage& storage, QWidget* parent)
    : QMainWindow(parent)
    , m_storage(storage)
    , m_feedModel(new models::FeedListModel(storage, this))
    , m_articleModel(new models::ArticleListModel(storage, this))
    , m_feedView(new QListView)
    , m_articleView(new QTableView)
    , m_reader(new ReaderView)
    , m_notes(new NotesPane(storage)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Mirsad"));

    m_feedView->setObjectName(QStringLiteral("feedList"));
    m_feedView->setModel(m_feedModel);
    m_feedView->setEditTriggers(QAbstractItemView::NoEditTriggers);

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
    centre->addWidget(m_articleView);
    centre->addWidget(m_readerSplitter);
    centre->setStretchFactor(0, 1);
    centre->setStretchFactor(1, 3);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_feedView);
    m_mainSplitter->addWidget(centre);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({220, 1000});
    m_readerSplitter->setSizes({700, 280});
    centre->setSizes({220, 600});
    setCentralWidget(m_mainSplitter);

    connect(m_feedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onFeedSelected);
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
    connect(m_feedModel, &models::FeedListModel::loadFailed, this, &MainWindow::reportError);

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
                m_feedModel->reload();
                m_articleModel->setFilter({});
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
            QString feedTitle;
            if (Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db)) {
                for (const storage::FeedInfo& feed : *feeds)
                    if (feed.id == article->feedId)
                        feedTitle = feed.title;
            }
            return std::pair{std::move(article).value(), feedTitle};
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
            m_notes->showArticle(id);
            emit articleShown(id);
        });
}

void MainWindow::onFeedSelected() {
    const QModelIndex current = m_feedView->currentIndex();
    ArticleFilter filter = m_articleModel->filter();
    filter.feedIds.clear();
    if (const qint64 feedId = current.data(models::FeedListModel::FeedIdRole).toLongLong(); feedId > 0)
        filter.feedIds << feedId;
    m_selectFirstArticle = true;
    m_articleModel->setFilter(filter);
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/readerSplitter"), m_readerSplitter->saveState());
    QMainWindow::closeEvent(event);
}
