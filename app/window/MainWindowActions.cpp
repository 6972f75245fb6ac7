// The reading shell of MainWindow: menus, toolbar, status bar progress, keyboard navigation,
// the analyst's highlights and notes, the names panel and the settings. (MainWindow.cpp holds
// the panes and the feeds.)
#include "annotations/ArticleAnnotations.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NotesPane.h"
#include "feeds/FeedPane.h"
#include "filters/SearchHighlight.h"
#include "ingest/FeedUpdater.h"
#include "models/ArticleListModel.h"
#include "names/EntityDirectory.h"
#include "names/EntityListPanel.h"
#include "reader/HighlightColors.h"
#include "reader/RawSourceView.h"
#include "reader/ReaderView.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "storage/Storage.h"
#include "window/AppSettings.h"
#include "window/MainWindow.h"
#include "window/SettingsDialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

using namespace mirsad;

void MainWindow::setupShell() {
    m_reader->setEntityDirectory(m_entities);
    m_lastHighlightColor = highlightPalette().first().name;

    // The notes pane shares the right column with the article's names.
    m_sideSplitter = new QSplitter(Qt::Vertical);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    const int notesIndex = m_readerSplitter->indexOf(m_notes);
    if (notesIndex >= 0)
        m_readerSplitter->replaceWidget(notesIndex, m_sideSplitter);
    m_sideSplitter->addWidget(m_notes);
    m_sideSplitter->addWidget(m_entityList);
    m_sideSplitter->setStretchFactor(0, 3);
    m_sideSplitter->setStretchFactor(1, 1);
    m_sideSplitter->setSizes({420, 200});
    m_notes->show();

    m_statusProgress = new QProgressBar;
    m_statusProgress->setObjectName(QStringLiteral("statusProgress"));
    m_statusProgress->setMaximumWidth(180);
    m_statusProgress->setMaximumHeight(14);
    m_statusProgress->hide();
    statusBar()->addPermanentWidget(m_statusProgress);
    connect(m_updater, &ingest::FeedUpdater::progress, this, &MainWindow::setProgress);

    m_markReadTimer = new QTimer(this);
    m_markReadTimer->setSingleShot(true);
    m_markReadTimer->setInterval(1500);
    connect(m_markReadTimer, &QTimer::timeout, this, &MainWindow::markShownArticleRead);

    connect(m_reader, &ReaderView::entityActivated, this, &MainWindow::filterByEntity);
    connect(m_entityList, &EntityListPanel::entityActivated, this, &MainWindow::filterByEntity);
    connect(m_reader, &ReaderView::highlightRequested, this, &MainWindow::highlightSelection);
    connect(m_reader, &ReaderView::recolorRequested, m_annotations, &ArticleAnnotations::setHighlightColor);
    connect(m_reader, &ReaderView::removeHighlightRequested, m_annotations,
            &ArticleAnnotations::removeHighlight);
    connect(m_reader, &ReaderView::noteRequested, m_notes, &NotesPane::newNote);
    connect(m_reader, &ReaderView::remoteContentRequested, this, &MainWindow::allowRemoteContent);
    connect(m_reader, &ReaderView::zoomChanged, this,
            [](int zoom) { QSettings().setValue(QStringLiteral("reader/zoom"), zoom); });
    connect(m_annotations, &ArticleAnnotations::changed, this,
            [this] { m_reader->setHighlights(m_annotations->highlights()); });
    connect(m_annotations, &ArticleAnnotations::failed, this, &MainWindow::reportError);
    connect(m_annotations, &ArticleAnnotations::noteCountChanged, m_articleModel,
            &models::ArticleListModel::setNoteCount);
    connect(m_notes->autosaver(), &annotations::NoteAutosaver::saveFailed, this, &MainWindow::reportError);
    connect(m_notes, &NotesPane::highlightSelected, this, [this](qint64 id) {
        if (const annotations::Highlight* h = m_annotations->highlight(id); h && !h->orphaned) {
            m_reader->selectText(h->selector.start, h->selector.end);
            m_reader->ensureCursorVisible();
        }
    });
    connect(this, &MainWindow::started, this, [this](bool ok) {
        if (ok)
            m_entities->load();
    });

    // A reload of the list (after a refresh) resets it: keep the article the user is on.
    connect(m_articleModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_articleView->currentIndex();
        m_restoreArticleId = current.isValid() ? m_articleModel->articleId(current.row()) : 0;
    });
    connect(m_articleModel, &models::ArticleListModel::pageLoaded, this, [this] {
        const qint64 id = std::exchange(m_restoreArticleId, 0);
        if (id <= 0 || m_articleView->currentIndex().isValid())
            return;
        if (const int row = m_articleModel->rowOfArticle(id); row >= 0)
            m_articleView->setCurrentIndex(m_articleModel->index(row, models::ArticleListModel::TitleColumn));
    });
    m_articleView->installEventFilter(this);
    m_reader->installEventFilter(this);

    createShellMenus();
    if (AppSettings::theme() != AppSettings::Theme::System)
        AppSettings::applyTheme(AppSettings::theme());
    applyReaderSettings();
    m_reader->zoomBy(QSettings().value(QStringLiteral("reader/zoom"), 0).toInt());
    if (const QByteArray state = QSettings().value(QStringLiteral("window/sideSplitter")).toByteArray();
        !state.isEmpty())
        m_sideSplitter->restoreState(state);
}

void MainWindow::createShellMenus() {
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    // File comes first, before the feed menu.
    m_fileMenu = new QMenu(tr("&File"), this);
    menuBar()->insertMenu(menuBar()->actions().value(0), m_fileMenu);
    m_feedActionsEnd = m_fileMenu->addSeparator();
    QAction* import = m_fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import Files…"), this, [this] {
            const QStringList files =
                QFileDialog::getOpenFileNames(this, tr("Import Articles or Feeds"), QString(),
                                              tr("Articles and feeds (*.txt *.html *.htm *.md *.xml *.rss "
                                                 "*.atom *.json *.opml);;All files (*)"));
            if (!files.isEmpty())
                m_feedPane->importSources(files);
        });
    import->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_fileMenu->addAction(m_feedPane->importOpmlAction());
    m_fileMenu->addAction(m_feedPane->exportOpmlAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"),
                          QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    // Undo/redo of highlights and deleted notes; inside a text field its own undo wins.
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_reader->addAction(undo);
    m_reader->addAction(redo);
    m_notes->list()->addAction(undo);
    m_notes->list()->addAction(redo);
    m_articleView->addAction(undo);
    m_articleView->addAction(redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_reader, &QTextEdit::copy)
        ->setShortcutContext(Qt::WidgetShortcut);
    edit->addSeparator();
    edit->addAction(QIcon::fromTheme(QStringLiteral("configure")), tr("&Settings…"),
                    QKeySequence::Preferences, this, &MainWindow::openSettings);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), QKeySequence::ZoomIn, this,
                    [this] { m_reader->zoomBy(1); });
    view->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), QKeySequence::ZoomOut,
                    this, [this] { m_reader->zoomBy(-1); });
    view->addAction(tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), this, [this] { m_reader->resetZoom(); });
    view->addSeparator();
    QMenu* themes = view->addMenu(tr("&Theme"));
    auto* themeGroup = new QActionGroup(this);
    for (const auto& [theme, label] : {std::pair{AppSettings::Theme::System, tr("&System")},
                                       std::pair{AppSettings::Theme::Light, tr("&Light")},
                                       std::pair{AppSettings::Theme::Dark, tr("&Dark")}}) {
        QAction* action = themes->addAction(label, this, [theme] {
            AppSettings::setTheme(theme);
            AppSettings::applyTheme(theme);
        });
        action->setCheckable(true);
        action->setChecked(AppSettings::theme() == theme);
        themeGroup->addAction(action);
    }
    view->addAction(tr("Raw &Source"), QKeySequence(tr("Ctrl+U")), this, &MainWindow::showRawSource);
    view->addAction(tr("Clear &Name Filter"), this, [this] {
        ArticleFilter filter = m_articleModel->filter();
        filter.entityGroups.clear();
        applyFilter(filter);
    });
    view->addSeparator();
    view->addAction(m_toolBar->toggleViewAction());

    QMenu* article = menuBar()->addMenu(tr("&Article"));
    // Single-key shortcuts act in the list and the reader only (MainWindow::eventFilter), so
    // they are shown after a tab rather than bound as window shortcuts.
    article->addAction(tr("&Next Article\tJ"), this, [this] { moveArticle(1); });
    article->addAction(tr("&Previous Article\tK"), this, [this] { moveArticle(-1); });
    article->addSeparator();
    QAction* star = article->addAction(QIcon::fromTheme(QStringLiteral("starred-symbolic")), tr("&Star\tS"),
                                       this, &MainWindow::toggleStar);
    star->setIconText(tr("Star"));
    article->addAction(tr("Toggle &Read\tM"), this, &MainWindow::toggleRead);
    article->addSeparator();
    QAction* highlight = article->addAction(QIcon::fromTheme(QStringLiteral("draw-highlight")),
                                            tr("&Highlight"), QKeySequence(tr("Ctrl+H")), this,
                                            [this] { highlightSelection(m_lastHighlightColor); });
    QMenu* colours = article->addMenu(tr("Highlight in &Colour"));
    int number = 1;
    for (const HighlightColor& colour : highlightPalette()) {
        QPixmap swatch(16, 16);
        swatch.fill(colour.light);
        colours->addAction(QIcon(swatch), colour.label, QKeySequence(QStringLiteral("Ctrl+%1").arg(number++)),
                           this, [this, name = colour.name] { highlightSelection(name); });
    }
    QAction* note = article->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("New &Note"),
                                       QKeySequence(tr("Ctrl+Shift+N")), this, [this] {
                                           const qint64 under =
                                               m_reader->highlightAt(m_reader->textCursor().selectionStart());
                                           m_notes->newNote(under);
                                       });
    article->addAction(tr("&Delete Note or Highlight"), this, [this] { m_notes->deleteSelected(); });
    article->addSeparator();
    article->addAction(tr("Load Remote &Images for This Feed"), this, &MainWindow::allowRemoteContent);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Mirsad"), this, [this] {
        QMessageBox::about(
            this, tr("About Mirsad"),
            tr("<h3>Mirsad · مرصد %1</h3><p>A news desk for Iraqi and Kurdish affairs: feeds in "
               "Arabic and English, names recognised whatever the spelling, highlights and "
               "notes.</p>")
                .arg(QStringLiteral(MIRSAD_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    m_toolBar->addAction(import);
    m_toolBar->addSeparator();
    m_toolBar->addAction(star);
    m_toolBar->addAction(highlight);
    m_toolBar->addAction(note);
    m_toolBar->addAction(undo);
    addFeedActions({m_feedPane->addFeedAction(), m_feedPane->refreshAllAction()});
}

void MainWindow::addFeedActions(const QList<QAction*>& actions) {
    QAction* first = m_toolBar->actions().value(0);
    for (QAction* action : actions) {
        m_fileMenu->insertAction(m_feedActionsEnd, action);
        m_toolBar->insertAction(first, action);
    }
}

void MainWindow::articleLoaded(const Article& article) {
    m_reader->setSearchMatches(filters::searchMatches(article.text, m_articleModel->filter().text));
    m_annotations->showArticle(article.id, article.text);
    m_entityList->showArticle(article);
    m_markReadTimer->stop();
    if (!article.read)
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

void MainWindow::allowRemoteContent() {
    const qint64 feedId = m_reader->article().feedId;
    if (feedId <= 0)
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
        });
}

void MainWindow::toggleRead() {
    const QModelIndex current = m_articleView->currentIndex();
    if (!current.isValid())
        return;
    m_markReadTimer->stop(); // the user decides now
    setArticleRead(m_articleModel->articleId(current.row()),
                   !current.data(models::ArticleListModel::ReadRole).toBool());
}

void MainWindow::toggleStar() {
    const QModelIndex current = m_articleView->currentIndex();
    if (!current.isValid())
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

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if ((watched == m_articleView || watched == m_reader) && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers others =
            key->modifiers() & ~Qt::KeyboardModifiers(Qt::KeypadModifier | Qt::ShiftModifier);
        if (others.toInt() != 0)
            return QMainWindow::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_J:
            moveArticle(1);
            return true;
        case Qt::Key_K:
            moveArticle(-1);
            return true;
        case Qt::Key_S:
            toggleStar();
            return true;
        case Qt::Key_M:
            toggleRead();
            return true;
        case Qt::Key_Space: {
            // Space pages through the article, then moves on to the next one.
            QScrollBar* bar = m_reader->verticalScrollBar();
            if (key->modifiers() & Qt::ShiftModifier)
                bar->triggerAction(QAbstractSlider::SliderPageStepSub);
            else if (bar->value() < bar->maximum())
                bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            else
                moveArticle(1);
            return true;
        }
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::highlightSelection(const QString& color) {
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

void MainWindow::filterByEntity(const QString& entityId) {
    ArticleFilter filter = m_articleModel->filter();
    filter.entityGroups = {m_entities->filterIds(entityId)};
    m_selectFirstArticle = true;
    applyFilter(filter);
    const names::Entity* entity = m_entities->entity(entityId);
    statusBar()->showMessage(tr("Showing the articles that mention %1 (View ▸ Clear Name Filter shows all).")
                                 .arg(entity ? entity->name : entityId),
                             8000);
}

void MainWindow::setProgress(int done, int total) {
    m_statusProgress->setVisible(done < total && total > 0);
    m_statusProgress->setRange(0, qMax(1, total));
    m_statusProgress->setValue(done);
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

void MainWindow::saveShellState() {
    m_notes->flush();
    QSettings().setValue(QStringLiteral("window/sideSplitter"), m_sideSplitter->saveState());
}
