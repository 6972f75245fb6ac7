#include "window/MainWindow.h"

#include "annotations/ArticleAnnotations.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NotesPane.h"
#include "archives/ArchiveActions.h"
#include "briefs/BriefActions.h"
#include "feeds/FeedPane.h"
#include "filters/FilterBar.h"
#include "filters/SearchHighlight.h"
#include "filters/Sidebar.h"
#include "ingest/ArticleImport.h"
#include "ingest/FeedUpdater.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "names/EntityDirectory.h"
#include "names/EntityListPanel.h"
#include "names/NameTeacher.h"
#include "reader/BidiItemDelegate.h"
#include "reader/HighlightColors.h"
#include "reader/RawSourceView.h"
#include "reader/ReaderView.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/FeedQueries.h"
#include "storage/Location.h"
#include "storage/Migrations.h"
#include "storage/Storage.h"
#include "text/TextDirection.h"
#include "window/AppSettings.h"
#include "window/ArticleColumns.h"
#include "window/ArticleTitleDelegate.h"
#include "window/Logging.h"
#include "window/MainWindowActions.h"
#include "window/PaneLayout.h"
#include "window/ReadingActions.h"
#include "window/SettingsDialog.h"
#include "window/VocabularyFill.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace mirsad;

namespace {

void setUpArticleView(QTableView* view, models::ArticleListModel* model) {
    view->setObjectName(QStringLiteral("articleList"));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several articles can be selected (Ctrl+click, Shift+click) for Add to Brief and Export;
    // the current one is read. Rows are dragged as article ids (into the brief composer).
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setWordWrap(false);
    // Each cell in its own text's direction: in the Arabic UI an English title is elided at its
    // end and a date reads "9 May 2021", not "May 2021 … 9".
    view->setItemDelegate(new BidiItemDelegate(view));
    // The title, with the passage that matched under it while a text search is on.
    new ArticleTitleDelegate(view, model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(ArticleTitleDelegate::singleLineHeight(view));
    // The title keeps most of the width, however narrow the list.
    new ArticleColumns(view);
}

} // namespace

// An archive as the window names it: never with a password a URI may carry.
static QString displayedLocation(const QString& location) {
    mirsad::Result<mirsad::storage::Location> parsed = mirsad::storage::Location::parse(location);
    return parsed ? parsed->display() : QString();
}

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
    , m_notes(new NotesPane(*m_annotations))
    , m_vocabularyFill(new VocabularyFill(storage, this))
    , m_statusProgress(new QProgressBar)
    , m_markReadTimer(new QTimer(this))
    , m_lastHighlightColor(highlightPalette().first().name) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Mirsad"));
    setAcceptDrops(true);

    m_articleView->setModel(m_articleModel);
    setUpArticleView(m_articleView, m_articleModel);
    m_reader->setEntityDirectory(m_entities);
    m_panes = new PaneLayout({.feeds = m_feedPane,
                              .sidebar = m_sidebar,
                              .filterBar = m_filterBar,
                              .articleList = m_articleView,
                              .reader = m_reader,
                              .notes = m_notes,
                              .names = m_entityList});
    // The banner of a read-only archive spans the window above the panes, where it cannot be missed.
    m_readOnlyBanner = new QLabel;
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setContentsMargins(10, 6, 10, 6);
    // Fixed colours, readable in the light and the dark theme alike.
    m_readOnlyBanner->setStyleSheet(
        QStringLiteral("QLabel#readOnlyBanner { background: #fff1c2; color: #3b2f00; "
                       "border-bottom: 1px solid #d9b84a; }"));
    m_readOnlyBanner->hide();
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_readOnlyBanner);
    layout->addWidget(m_panes, 1);
    setCentralWidget(central);

    m_statusProgress->setObjectName(QStringLiteral("statusProgress"));
    m_statusProgress->setMaximumWidth(180);
    m_statusProgress->setMaximumHeight(14);
    m_statusProgress->hide();
    statusBar()->addPermanentWidget(m_statusProgress);

    m_markReadTimer->setSingleShot(true);
    m_markReadTimer->setInterval(1500);

    // Teaching Mirsad a name it missed, from the reader's selection.
    m_nameTeacher = new NameTeacher(
        m_storage, m_undoStack, [this] { return m_reader->textCursor().selectedText(); }, this);
    m_reading = new ReadingActions(*this, m_storage);
    m_briefs = new BriefActions(*this, m_storage);
    m_archives = new ArchiveActions(this, storage.path());
    connect(m_archives, &ArchiveActions::openRequested, this, &MainWindow::archiveRequested);
    connect(m_archives, &ArchiveActions::restoreFailed, this, [this](const QString& message) {
        reportError(message);
        QMessageBox::warning(this, tr("Restore the Backup"), message);
    });
    m_actions = new MainWindowActions(*this, *m_feedPane, *m_nameTeacher);
    connectPanes();

    if (AppSettings::theme() != AppSettings::Theme::System)
        AppSettings::applyTheme(AppSettings::theme());
    applyReaderSettings();
    m_reader->zoomBy(AppSettings::readerZoom());

    resize(1400, 860);
    restoreLayout();
    statusBar()->showMessage(tr("Opening %1…").arg(displayedLocation(storage.path())));
}

MainWindow::~MainWindow() = default;

QString MainWindow::databasePath() const {
    return m_storage.path();
}

void MainWindow::connectPanes() {
    const auto showMessage = [this](const QString& text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    };
    connect(m_updater, &ingest::FeedUpdater::progress, this, &MainWindow::setProgress);
    connect(m_nameTeacher, &NameTeacher::message, this, showMessage);
    connect(m_nameTeacher, &NameTeacher::namesRetagged, this, &MainWindow::refreshNames);
    // A colleague's changes (a team's archive; the storage already reloads lists on their articles
    // and feeds): the notes pane and the reader's highlights read theirs again, keeping what is
    // typed and selected, and the names in the reader follow what the team taught.
    connect(&m_storage.changes(), &storage::ChangeListener::annotationsChanged, this,
            &MainWindow::annotationsChangedElsewhere);
    connect(&m_storage.changes(), &storage::ChangeListener::namesChanged, this, &MainWindow::refreshNames);

    // Filtering: the feed list, the filter bar, the sidebar and the names all end in applyFilter.
    connect(m_feedPane, &FeedPane::feedSelectionChanged, this, &MainWindow::onFeedSelected);
    connect(m_feedPane, &FeedPane::message, this, showMessage);
    connect(m_feedPane->model(), &models::FeedTreeModel::loadFailed, this, &MainWindow::reportError);
    connect(m_feedPane, &FeedPane::markReadRequested, m_reading, &ReadingActions::markRead);
    connect(m_reading, &ReadingActions::message, this, showMessage);
    // The chips name the feeds and folders the list filters by.
    connect(m_feedPane->model(), &models::FeedTreeModel::loaded, this,
            [this] { m_filterBar->setFilterNames(m_feedPane->filterNames()); });
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
    connect(m_reader, &ReaderView::entityActivated, this, &MainWindow::filterByEntity);
    connect(m_entityList, &EntityListPanel::entityActivated, this, &MainWindow::filterByEntity);

    // The article list: its current row is the article in the reader.
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showArticle(m_articleModel->articleId(current.row()));
            });
    // A reload of the list (after a refresh) resets it: keep the article the user is on.
    connect(m_articleModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_articleView->currentIndex();
        m_restoreArticleId = current.isValid() ? m_articleModel->articleId(current.row()) : 0;
    });
    connect(m_articleModel, &models::ArticleListModel::pageLoaded, this, &MainWindow::pageLoaded);
    connect(m_articleModel, &models::ArticleListModel::loadFailed, this, &MainWindow::reportError);
    connect(m_markReadTimer, &QTimer::timeout, this, &MainWindow::markShownArticleRead);

    // An older archive's search vocabulary, filled in the background (inflections found after).
    const auto fillMessage = std::make_shared<QString>();
    connect(m_vocabularyFill, &VocabularyFill::progress, this, [this, fillMessage](qint64 words) {
        *fillMessage = tr("Preparing search for word forms: %L1 words…").arg(words);
        statusBar()->showMessage(*fillMessage);
    });
    connect(m_vocabularyFill, &VocabularyFill::finished, this, [this, fillMessage](bool filled) {
        if (!filled)
            return;
        if (statusBar()->currentMessage() == *fillMessage)
            statusBar()->showMessage(tr("Search now finds the inflected forms of words too."), 6000);
        if (!m_articleModel->filter().text.trimmed().isEmpty())
            m_articleModel->refresh(); // the search on screen may find more now
    });
    connect(m_vocabularyFill, &VocabularyFill::failed, this, &MainWindow::reportError);

    // The reader, the analyst's highlights and notes.
    connect(m_reader, &ReaderView::highlightRequested, this, &MainWindow::highlightSelection);
    connect(m_reader, &ReaderView::recolorRequested, m_annotations, &ArticleAnnotations::setHighlightColor);
    connect(m_reader, &ReaderView::removeHighlightRequested, m_annotations,
            &ArticleAnnotations::removeHighlight);
    connect(m_reader, &ReaderView::noteRequested, m_notes, &NotesPane::newNote);
    connect(m_reader, &ReaderView::remoteContentRequested, this, &MainWindow::allowRemoteContent);
    connect(m_reader, &ReaderView::linkRefused, this, [this](const QUrl& url) {
        statusBar()->showMessage(tr("Mirsad opens only web and mail links; %1 was not opened.")
                                     .arg(url.toDisplayString().left(80)),
                                 8000);
    });
    connect(m_reader, &ReaderView::messageActionClicked, this, [this] {
        if (!m_backupOffered.isEmpty()) {
            m_archives->restoreFrom(m_backupOffered);
            return;
        }
        m_selectFirstArticle = true;
        applyFilter({});
    });
    connect(m_reader, &ReaderView::zoomChanged, this, [](int zoom) { AppSettings::setReaderZoom(zoom); });
    connect(m_annotations, &ArticleAnnotations::changed, this,
            [this] { m_reader->setHighlights(m_annotations->highlights()); });
    connect(m_annotations, &ArticleAnnotations::failed, this, &MainWindow::reportError);
    connect(m_annotations, &ArticleAnnotations::noteCountChanged, m_articleModel,
            &models::ArticleListModel::setNoteCount);
    connect(m_notes->autosaver(), &annotations::NoteAutosaver::saveFailed, this, &MainWindow::reportError);
    connect(m_notes, &NotesPane::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_notes, &NotesPane::articlesWithTagRequested, this, [this](const QString& tag) {
        ArticleFilter filter = m_articleModel->filter();
        if (!filter.noteTags.contains(tag, Qt::CaseInsensitive))
            filter.noteTags << tag;
        applyFilter(filter);
    });
    connect(m_notes, &NotesPane::highlightSelected, this, [this](qint64 id) {
        if (const annotations::Highlight* h = m_annotations->highlight(id); h && !h->orphaned) {
            m_reader->selectText(h->selector.start, h->selector.end);
            m_reader->ensureCursorVisible();
        }
    });
}

void MainWindow::start() {
    // An archive from an earlier version may be converted first, batch by batch on the writer's
    // thread (a million articles take minutes): the status bar follows it, and closing the window
    // stops it after the batch in hand; it goes on at the next start. The relay object, alive as
    // long as the observer, receives the reports in this thread, where the window pointer is safe.
    auto relay = std::make_shared<QObject>();
    storage::setMigrationProgress([relay, closing = m_storage.writer().closingFlag(),
                                   window = QPointer<MainWindow>(this)](int, qint64 done, qint64 total) {
        if (closing->load(std::memory_order_acquire))
            return false;
        QMetaObject::invokeMethod(
            relay.get(),
            [window, done, total] {
                if (window)
                    window->statusBar()->showMessage(
                        tr("Upgrading the archive for this version of Mirsad: %L1 of %L2 articles…")
                            .arg(done)
                            .arg(total));
            },
            Qt::QueuedConnection);
        return true;
    });
    m_storage.open().then(this, [this](const Status& opened) {
        storage::setMigrationProgress({});
        if (!opened) {
            if (m_storage.isClosing()) { // the window closed during an upgrade, which resumes next time
                emit started(false);
                return;
            }
            reportError(opened.error());
            // Where the article would be, not only in the status bar: nothing works until it is solved.
            m_backupOffered = m_archives->backupToOffer(opened.error());
            m_reader->showMessage(tr("This archive could not be opened.\n\n%1").arg(opened.error()),
                                  m_backupOffered.isEmpty() ? QString() : tr("Restore the newest backup…"));
            emit started(false);
            return;
        }
        // The window's title says which archive this is, unless it is the usual file.
        if (m_storage.path() != storage::defaultDatabasePath()) {
            const QString shown = displayedLocation(m_storage.path());
            setWindowTitle(
                tr("%1 — Mirsad").arg(storage::isPostgresUri(shown) ? shown : QFileInfo(shown).fileName()));
            AppSettings::addRecentArchive(shown);
        }
        const bool readOnly = m_storage.isReadOnly();
        if (readOnly)
            showReadOnly();
        m_storage.writer()
            .run([](QSqlDatabase& db) -> Result<int> {
                // Samples are for a new analyst's own file, not for a desk's shared archive.
                if (storage::isPostgres(db) || storage::isReadOnly(db))
                    return 0;
                return ingest::installSampleArticles(db);
            })
            .then(this, [this, readOnly](const Result<int>& installed) {
                if (!installed)
                    reportError(installed.error());
                else if (*installed > 0)
                    statusBar()->showMessage(
                        tr("Welcome to Mirsad: %n sample article(s) added.", nullptr, *installed), 8000);
                else
                    statusBar()->clearMessage();
                // What was typed into notes before Mirsad last stopped (killed, crashed, or closed
                // while the server was away) is saved first, so that every note shown has it all;
                // on a read-only archive the journal stays for when it can be written.
                if (readOnly)
                    startDesk();
                else
                    m_notes->autosaver()->saveJournal().then(this, [this] { startDesk(); });
            });
    });
}

void MainWindow::startDesk() {
    // The list first: the reader thread answers in order, and the first article is what the user
    // waits for (the feed counts follow a moment later).
    applyFilter({});
    m_feedPane->reload();
    m_sidebar->load();
    m_entities->load();
    m_briefs->load();
    // What writes in the background waits for an archive it can write.
    if (!m_storage.isReadOnly()) {
        // Feeds refresh when due (each has its own interval); check every minute.
        m_updater->setScheduleInterval(std::chrono::minutes(1));
        m_updater->refreshDue();
        m_nameTeacher->resume();
        m_vocabularyFill->start();
    }
    if (storage::isPostgresUri(m_storage.path())) // a file has no colleagues
        m_storage.listen().then(this, [this](const Status& listening) {
            if (!listening)
                statusBar()->showMessage(
                    tr("Colleagues' changes will not appear as they are made: %1").arg(listening.error()),
                    8000);
        });
    emit started(true);
}

void MainWindow::openArticle(qint64 id) {
    if (const int row = m_articleModel->rowOfArticle(id); row >= 0) {
        const QModelIndex index = m_articleModel->index(row, models::ArticleListModel::TitleColumn);
        m_articleView->setCurrentIndex(index);
        m_articleView->scrollTo(index);
        return;
    }
    m_articleView->selectionModel()->clear();
    showArticle(id, false);
}

void MainWindow::showArticle(qint64 id, bool fromList) {
    if (id <= 0)
        return;
    struct Loaded {
        Article article;
        QString feedTitle;
        ArticleAnnotations::Lists annotations; // read with it: the first paint shows the highlights
    };
    m_storage.reader()
        .run([id](QSqlDatabase& db) -> Result<Loaded> {
            Result<Article> article = storage::loadArticle(db, id);
            if (!article)
                return Error{article.error()};
            Result<storage::FeedInfo> feed = storage::feedById(db, article->feedId);
            return Loaded{std::move(article).value(), feed ? feed->title : QString(),
                          ArticleAnnotations::read(db, id)};
        })
        .then(this, [this, id, fromList](const Result<Loaded>& loaded) {
            const QModelIndex current = m_articleView->currentIndex();
            if (fromList ? !current.isValid() || m_articleModel->articleId(current.row()) != id
                         : current.isValid())
                return; // the user moved on
            if (!loaded) {
                reportError(loaded.error());
                return;
            }
            m_reader->showArticle(loaded->article, loaded->feedTitle);
            m_annotations->showArticle(id, loaded->article.text, loaded->annotations);
            articleLoaded(loaded->article);
            emit articleShown(id);
        });
}

void MainWindow::articleLoaded(const Article& article) {
    m_reader->setSearchMatches(filters::searchMatches(article.text, m_articleModel->filter().text));
    m_entityList->showArticle(article);
    m_markReadTimer->stop();
    if (!article.read && !m_storage.isReadOnly()) // shown, not marked: the archive keeps its state
        m_markReadTimer->start();
    const qint64 feedId = article.feedId;
    const qint64 articleId = article.id;
    m_storage.reader()
        .run([feedId](QSqlDatabase& db) { return storage::feedById(db, feedId); })
        .then(this, [this, articleId](const Result<storage::FeedInfo>& feed) {
            if (feed && m_reader->articleId() == articleId)
                m_reader->setRemoteContentAllowed(feed->allowRemoteContent);
        });
}

void MainWindow::annotationsChangedElsewhere(const QSet<qint64>& articleIds, bool all) {
    if (m_annotations->articleId() > 0 && (all || articleIds.contains(m_annotations->articleId())))
        m_annotations->reload();
    // The list's note counts of the others on the page.
    const bool listed = all || std::any_of(articleIds.cbegin(), articleIds.cend(), [this](qint64 id) {
                            return id != m_annotations->articleId() && m_articleModel->rowOfArticle(id) >= 0;
                        });
    if (listed)
        m_articleModel->refresh();
}

void MainWindow::refreshNames() {
    // The gazetteer changed and the archive was re-tagged: the names the reader and "Names in
    // this article" show are read again, the reader keeping its place.
    m_entities->load();
    const qint64 id = m_reader->articleId();
    if (id <= 0)
        return;
    m_storage.reader()
        .run([id](QSqlDatabase& db) { return storage::loadArticle(db, id); })
        .then(this, [this, id](const Result<Article>& article) {
            if (!article || m_reader->articleId() != id)
                return;
            m_reader->setMentions(article->mentions);
            m_entityList->showArticle(m_reader->article());
        });
}

void MainWindow::pageLoaded() {
    // After a reload of the list, back to the article the user was on...
    const qint64 restoreId = std::exchange(m_restoreArticleId, 0);
    if (restoreId > 0 && !m_articleView->currentIndex().isValid()) {
        if (const int row = m_articleModel->rowOfArticle(restoreId); row >= 0)
            m_articleView->setCurrentIndex(m_articleModel->index(row, models::ArticleListModel::TitleColumn));
    }
    // ...then, after a new filter, to its first article.
    if (m_selectFirstArticle && m_articleModel->rowCount() > 0) {
        m_selectFirstArticle = false;
        m_articleView->setCurrentIndex(m_articleModel->index(0, models::ArticleListModel::TitleColumn));
    } else if (m_articleModel->rowCount() == 0) {
        // Nothing to show: no article's names either. An empty archive and filters that exclude
        // everything call for different remedies.
        m_entityList->showArticle(Article());
        if (m_articleModel->filter().isEmpty())
            m_reader->showMessage(tr("No articles match. Import article files or subscribe to feeds."));
        else
            m_reader->showMessage(tr("No article matches the filters."), tr("Clear all filters"));
    }
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
    // A status message that describes the filter goes when the filter no longer holds it.
    if (!m_filterMessage.isEmpty() && statusBar()->currentMessage() == m_filterMessage &&
        !filter.entityGroups.contains(m_filterMessageGroup))
        statusBar()->clearMessage();
    // The article on screen shows where the new search matches it.
    m_reader->setSearchMatches(filters::searchMatches(m_reader->article().text, filter.text));
}

QTreeView* MainWindow::feedView() const {
    return m_feedPane->view();
}

void MainWindow::showReadOnly() {
    const QString shown = displayedLocation(m_storage.path());
    m_readOnlyBanner->setText(
        tr("This archive is read-only: Mirsad cannot write to %1 (its file, its folder or its disk is "
           "read-only). You can read, search and export it, but not change it: importing, refreshing "
           "feeds, notes, highlights and read marks are turned off.")
            .arg(text::isolated(QFileInfo(shown).fileName())));
    m_readOnlyBanner->setToolTip(shown);
    m_readOnlyBanner->show();
    m_actions->setArchiveReadOnly(true);
    m_notes->setArchiveReadOnly(true);
}

bool MainWindow::refuseChange() {
    if (!m_storage.isReadOnly())
        return false;
    statusBar()->showMessage(tr("This archive is read-only: it cannot be changed."), 6000);
    return true;
}

void MainWindow::highlightSelection(const QString& color) {
    if (refuseChange())
        return;
    const std::optional<std::pair<qsizetype, qsizetype>> range = m_reader->selectedTextRange();
    if (!range) {
        statusBar()->showMessage(tr("Select a passage of the article to highlight it."), 4000);
        return;
    }
    m_lastHighlightColor = color;
    // A selection inside an existing highlight changes its colour instead.
    if (const qint64 existing = m_reader->highlightAt(m_reader->documentPosition(range->first));
        existing > 0 && m_annotations->highlight(existing)->selector.end >= range->second) {
        m_annotations->setHighlightColor(existing, color);
        return;
    }
    m_annotations->addHighlight(range->first, range->second, color);
    QTextCursor cursor = m_reader->textCursor();
    cursor.clearSelection();
    m_reader->setTextCursor(cursor);
}

void MainWindow::highlightSelectionAgain() {
    highlightSelection(m_lastHighlightColor);
}

void MainWindow::filterByEntity(const QString& entityId) {
    ArticleFilter filter = m_articleModel->filter();
    filter.entityGroups = {m_entities->filterIds(entityId)};
    m_selectFirstArticle = true;
    applyFilter(filter);
    const names::Entity* entity = m_entities->entity(entityId);
    m_filterMessageGroup = filter.entityGroups.value(0);
    m_filterMessage = tr("Showing the articles that mention %1 (View ▸ Clear Name Filter shows all).")
                          .arg(text::isolated(entity ? entity->name : entityId));
    statusBar()->showMessage(m_filterMessage, 8000);
}

void MainWindow::clearNameFilter() {
    ArticleFilter filter = m_articleModel->filter();
    filter.entityGroups.clear();
    applyFilter(filter);
}

bool MainWindow::moveArticle(int delta) {
    const int row = m_articleView->currentIndex().row() + delta;
    if (row < 0)
        return false;
    if (row >= m_articleModel->rowCount()) {
        if (m_articleModel->canFetchMore({}))
            m_articleModel->fetchMore({});
        return false;
    }
    m_articleView->setCurrentIndex(m_articleModel->index(row, models::ArticleListModel::TitleColumn));
    return true;
}

void MainWindow::toggleStar() {
    const QModelIndex current = m_articleView->currentIndex();
    if (!current.isValid() || refuseChange())
        return;
    const qint64 id = m_articleModel->articleId(current.row());
    const bool starred = !current.data(models::ArticleListModel::StarredRole).toBool();
    m_storage.writer()
        .run([id, starred](QSqlDatabase& db) { return storage::setStarred(db, id, starred); })
        .then(this, [this, id, starred](const Status& status) {
            if (!status) {
                reportError(status.error());
                return;
            }
            m_articleModel->setArticleStarred(id, starred);
        });
}

void MainWindow::toggleRead() {
    const QModelIndex current = m_articleView->currentIndex();
    if (!current.isValid() || refuseChange())
        return;
    m_markReadTimer->stop(); // the user decides now
    setArticleRead(m_articleModel->articleId(current.row()),
                   !current.data(models::ArticleListModel::ReadRole).toBool());
}

void MainWindow::markShownArticleRead() {
    if (const qint64 id = m_reader->articleId(); id > 0)
        setArticleRead(id, true);
}

void MainWindow::setArticleRead(qint64 id, bool read) {
    m_storage.writer()
        .run([id, read](QSqlDatabase& db) { return storage::setRead(db, id, read); })
        .then(this, [this, id, read](const Status& status) {
            if (!status) {
                reportError(status.error());
                return;
            }
            m_articleModel->setArticleRead(id, read);
            m_storage.notifyReadStateChanged(); // the unread counts
        });
}

void MainWindow::showRawSource() {
    const Article& article = m_reader->article();
    if (article.id <= 0)
        return;
    auto* dialog = new RawSourceView(article.title, article.html.isEmpty() ? article.text : article.html,
                                     !article.html.isEmpty(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::allowRemoteContent() {
    const qint64 feedId = m_reader->article().feedId;
    if (feedId <= 0 || refuseChange())
        return;
    m_storage.writer()
        .run([feedId](QSqlDatabase& db) { return storage::setAllowRemoteContent(db, feedId, true); })
        .then(this, [this, feedId](const Status& status) {
            if (!status)
                reportError(status.error());
            else if (m_reader->article().feedId == feedId)
                m_reader->setRemoteContentAllowed(true);
        });
}

void MainWindow::openSettings() {
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    AppSettings::applyTheme(AppSettings::theme());
    applyReaderSettings();
}

void MainWindow::applyReaderSettings() {
    m_reader->setReaderFonts(AppSettings::readerFont(), AppSettings::arabicFont());
}

void MainWindow::setProgress(int done, int total) {
    m_statusProgress->setVisible(done < total && total > 0);
    m_statusProgress->setRange(0, qMax(1, total));
    m_statusProgress->setValue(done);
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
    if (sources.isEmpty() || refuseChange())
        return;
    event->acceptProposedAction();
    m_feedPane->importSources(sources);
}

void MainWindow::reportError(const QString& message) {
    statusBar()->showMessage(message);
    qCWarning(lcApp).noquote() << message;
}

void MainWindow::restoreLayout() {
    if (const QByteArray geometry = AppSettings::windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    m_panes->restoreSplitters();
}

void MainWindow::saveLayout() {
    AppSettings::setWindowGeometry(saveGeometry());
    m_panes->saveSplitters();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_notes->flush();  // queued to the writer before it closes: a note is always stored
    m_briefs->flush(); // and so is the brief being composed
    saveLayout();
    // Background work (re-tagging, refreshes, imports) stops at its next transaction boundary and
    // resumes at the next start, so that the window closes at once.
    m_updater->setScheduleInterval(std::chrono::milliseconds(0));
    m_updater->cancel();
    m_storage.close();
    QMainWindow::closeEvent(event);
}
