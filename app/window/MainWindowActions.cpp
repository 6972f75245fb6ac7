#include "window/MainWindowActions.h"

#include "annotations/NotesPane.h"
#include "archives/ArchiveActions.h"
#include "briefs/BriefActions.h"
#include "feeds/FeedPane.h"
#include "filters/FilterBar.h"
#include "names/NameTeacher.h"
#include "reader/FindBar.h"
#include "reader/HighlightColors.h"
#include "reader/ReaderView.h"
#include "window/AboutDialog.h"
#include "window/AppSettings.h"
#include "window/KeyboardShortcuts.h"
#include "window/MainWindow.h"
#include "window/PaneLayout.h"
#include "window/ReadingActions.h"
#include "window/ShortcutsDialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

// The texts are MainWindow's (MainWindow::tr), one translation context for the whole window.

namespace {

// Every action of the menus has a stable name, under which the user's shortcut for it is kept
// (KeyboardShortcuts).
QAction* named(QAction* action, const char* objectName) {
    action->setObjectName(QLatin1String(objectName));
    return action;
}

} // namespace

MainWindowActions::MainWindowActions(MainWindow& window, FeedPane& feeds, NameTeacher& names)
    : QObject(&window)
    , m_window(window)
    , m_toolBar(window.addToolBar(MainWindow::tr("Main Toolbar")))
    , m_editing(new QActionGroup(this)) {
    // A group only for enabling: an action in a disabled group cannot be enabled by its owner.
    m_editing->setExclusionPolicy(QActionGroup::ExclusionPolicy::None);
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createMenus(feeds, names);
    KeyboardShortcuts::applyUserShortcuts(&window);
    window.articleView()->installEventFilter(this);
    window.reader()->installEventFilter(this);
}

void MainWindowActions::createMenus(FeedPane& feeds, NameTeacher& names) {
    MainWindow* window = &m_window;
    ReaderView* reader = window->reader();
    NotesPane* notes = window->notesPane();
    QMenuBar* bar = window->menuBar();

    named(feeds.addFeedAction(), "actionAddFeed");
    named(feeds.refreshAllAction(), "actionRefreshAll");
    named(feeds.refreshSelectedAction(), "actionRefreshSelected");
    named(feeds.importOpmlAction(), "actionImportOpml");
    named(feeds.exportOpmlAction(), "actionExportOpml");
    named(feeds.newFolderAction(), "actionNewFolder");
    named(names.addNameAction(), "actionAddName");

    QMenu* file = bar->addMenu(MainWindow::tr("&File"));
    file->addAction(window->archives()->openFileAction());
    file->addAction(window->archives()->openTeamDatabaseAction());
    file->addMenu(window->archives()->recentMenu());
    file->addSeparator();
    file->addAction(feeds.addFeedAction());
    file->addAction(feeds.refreshAllAction());
    file->addSeparator();
    QAction* import =
        file->addAction(QIcon::fromTheme(QStringLiteral("document-import")), MainWindow::tr("&Import Files…"),
                        window, [window, &feeds] {
                            const QStringList files = QFileDialog::getOpenFileNames(
                                window, MainWindow::tr("Import Articles or Feeds"), QString(),
                                MainWindow::tr("Articles and feeds (*.txt *.html *.htm *.md *.xml *.rss "
                                               "*.atom *.json *.opml);;All files (*)"));
                            if (!files.isEmpty())
                                feeds.importSources(files);
                        });
    named(import, "actionImportFiles")->setShortcut(QKeySequence(MainWindow::tr("Ctrl+I")));
    file->addAction(feeds.importOpmlAction());
    file->addAction(feeds.exportOpmlAction());
    file->addSeparator();
    file->addAction(window->briefs()->exportAction());
    file->addSeparator();
    named(file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), MainWindow::tr("&Quit"),
                          QKeySequence::Quit, window, &QWidget::close),
          "actionQuit");

    QMenu* feedMenu = bar->addMenu(MainWindow::tr("F&eeds"));
    feedMenu->addAction(feeds.addFeedAction());
    feedMenu->addAction(feeds.newFolderAction());
    feedMenu->addSeparator();
    feedMenu->addAction(feeds.refreshAllAction());
    feedMenu->addAction(feeds.refreshSelectedAction());
    feedMenu->addSeparator();
    feedMenu->addAction(window->readingActions()->markAllReadAction());
    feedMenu->addAction(window->readingActions()->markAllFeedsReadAction());
    feedMenu->addSeparator();
    feedMenu->addAction(feeds.importOpmlAction());
    feedMenu->addAction(feeds.exportOpmlAction());

    // Teaching Mirsad a name it missed, from the reader's selection.
    QMenu* nameMenu = bar->addMenu(MainWindow::tr("&Names"));
    nameMenu->addAction(names.addNameAction());
    nameMenu->addAction(names.manageNamesAction());
    nameMenu->addSeparator();
    nameMenu->addAction(named(names.pauseRetagAction(), "actionPauseRetag"));
    window->addAction(names.addNameAction());

    QMenu* edit = bar->addMenu(MainWindow::tr("&Edit"));
    QUndoStack* undoStack = window->undoStack();
    QAction* undo = named(undoStack->createUndoAction(window, MainWindow::tr("&Undo")), "actionUndo");
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = named(undoStack->createRedoAction(window, MainWindow::tr("&Redo")), "actionRedo");
    redo->setShortcut(QKeySequence::Redo);
    // Undo/redo of highlights and deleted notes; inside a text field its own undo wins.
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QWidget* widget : {static_cast<QWidget*>(reader), static_cast<QWidget*>(notes->list()),
                            static_cast<QWidget*>(window->articleView())}) {
        widget->addAction(undo);
        widget->addAction(redo);
    }
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    named(edit->addAction(MainWindow::tr("&Copy"), QKeySequence::Copy, reader, &QTextEdit::copy),
          "actionCopy")
        ->setShortcutContext(Qt::WidgetShortcut);
    edit->addSeparator();
    // Find in the article shown, in the reader's find bar.
    FindBar* find = reader->findBar();
    named(edit->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), MainWindow::tr("&Find in Article…"),
                          QKeySequence::Find, find, &FindBar::open),
          "actionFind");
    named(edit->addAction(MainWindow::tr("Find &Next"), QKeySequence::FindNext, find, &FindBar::findNext),
          "actionFindNext");
    named(edit->addAction(MainWindow::tr("Find Pre&vious"), QKeySequence::FindPrevious, find,
                          &FindBar::findPrevious),
          "actionFindPrevious");
    edit->addSeparator();
    named(edit->addAction(QIcon::fromTheme(QStringLiteral("configure")), MainWindow::tr("&Settings…"),
                          QKeySequence::Preferences, window, &MainWindow::openSettings),
          "actionSettings");
    const auto openShortcuts = [window] {
        ShortcutsDialog dialog(window);
        dialog.exec();
    };
    named(edit->addAction(QIcon::fromTheme(QStringLiteral("configure-shortcuts")),
                          MainWindow::tr("Configure Keyboard S&hortcuts…"),
                          QKeySequence(MainWindow::tr("Ctrl+Alt+,")), window, openShortcuts),
          "actionConfigureShortcuts");

    QMenu* view = bar->addMenu(MainWindow::tr("&View"));
    named(view->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), MainWindow::tr("Zoom &In"),
                          QKeySequence::ZoomIn, window, [reader] { reader->zoomBy(1); }),
          "actionZoomIn");
    named(view->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), MainWindow::tr("Zoom &Out"),
                          QKeySequence::ZoomOut, window, [reader] { reader->zoomBy(-1); }),
          "actionZoomOut");
    named(view->addAction(MainWindow::tr("&Actual Size"), QKeySequence(MainWindow::tr("Ctrl+0")), window,
                          [reader] { reader->resetZoom(); }),
          "actionActualSize");
    view->addSeparator();
    QMenu* themes = view->addMenu(MainWindow::tr("&Theme"));
    auto* themeGroup = new QActionGroup(window);
    for (const auto& [theme, label] : {std::pair{AppSettings::Theme::System, MainWindow::tr("&System")},
                                       std::pair{AppSettings::Theme::Light, MainWindow::tr("&Light")},
                                       std::pair{AppSettings::Theme::Dark, MainWindow::tr("&Dark")}}) {
        QAction* action = themes->addAction(label, window, [theme] {
            AppSettings::setTheme(theme);
            AppSettings::applyTheme(theme);
        });
        action->setCheckable(true);
        action->setChecked(AppSettings::theme() == theme);
        themeGroup->addAction(action);
    }
    named(view->addAction(MainWindow::tr("Raw &Source"), QKeySequence(MainWindow::tr("Ctrl+U")), window,
                          &MainWindow::showRawSource),
          "actionRawSource");
    named(view->addAction(MainWindow::tr("Clear &Name Filter"), window, &MainWindow::clearNameFilter),
          "actionClearNameFilter");
    view->addSeparator();
    view->addAction(window->panes()->feedPaneAction());
    view->addAction(window->panes()->notesPaneAction());
    view->addAction(window->briefs()->composerAction());
    view->addAction(named(m_toolBar->toggleViewAction(), "actionShowToolBar"));

    QMenu* article = bar->addMenu(MainWindow::tr("&Article"));
    // Single-key shortcuts act in the list and the reader only (eventFilter), so they are shown
    // after a tab rather than bound as window shortcuts.
    named(
        article->addAction(MainWindow::tr("&Next Article\tJ"), window, [window] { window->moveArticle(1); }),
        "actionNextArticle");
    named(article->addAction(MainWindow::tr("&Previous Article\tK"), window,
                             [window] { window->moveArticle(-1); }),
          "actionPreviousArticle");
    article->addAction(window->readingActions()->nextUnreadAction());
    article->addAction(window->readingActions()->previousUnreadAction());
    article->addSeparator();
    QAction* star = article->addAction(QIcon::fromTheme(QStringLiteral("starred-symbolic")),
                                       MainWindow::tr("&Star\tS"), window, &MainWindow::toggleStar);
    named(star, "actionStar");
    star->setIconText(MainWindow::tr("Star"));
    QAction* toggleRead =
        named(article->addAction(MainWindow::tr("Toggle &Read\tM"), window, &MainWindow::toggleRead),
              "actionToggleRead");
    article->addAction(window->readingActions()->markAllReadAction());
    article->addSeparator();
    article->addAction(window->readingActions()->openInBrowserAction());
    article->addAction(window->readingActions()->copyLinkAction());
    article->addSeparator();
    QAction* highlight = article->addAction(
        QIcon::fromTheme(QStringLiteral("draw-highlight")), MainWindow::tr("&Highlight"),
        QKeySequence(MainWindow::tr("Ctrl+H")), window, &MainWindow::highlightSelectionAgain);
    named(highlight, "actionHighlight");
    QMenu* colours = article->addMenu(MainWindow::tr("Highlight in &Colour"));
    int number = 1;
    for (const HighlightColor& colour : highlightPalette()) {
        QPixmap swatch(16, 16);
        swatch.fill(colour.light);
        QAction* action = colours->addAction(
            QIcon(swatch), colour.label, QKeySequence(QStringLiteral("Ctrl+%1").arg(number++)), window,
            [window, name = colour.name] { window->highlightSelection(name); });
        action->setObjectName(QStringLiteral("actionHighlight_%1").arg(colour.name));
    }
    QAction* note =
        article->addAction(QIcon::fromTheme(QStringLiteral("document-new")), MainWindow::tr("New &Note"),
                           QKeySequence(MainWindow::tr("Ctrl+Shift+N")), window, [reader, notes] {
                               notes->newNote(reader->highlightAt(reader->textCursor().selectionStart()));
                           });
    named(note, "actionNewNote");
    // Enabled while a note or highlight is selected in the notes list; Delete there deletes it.
    QAction* deleteNote = article->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")),
                                             MainWindow::tr("&Delete Note or Highlight"),
                                             QKeySequence::Delete, notes, &NotesPane::deleteSelected);
    deleteNote->setObjectName(QStringLiteral("actionDeleteNote"));
    deleteNote->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    notes->list()->addAction(deleteNote);
    deleteNote->setEnabled(notes->canDelete());
    connect(notes, &NotesPane::canDeleteChanged, deleteNote, &QAction::setEnabled);
    article->addSeparator();
    article->addAction(window->briefs()->addToBriefAction());
    window->readingActions()->addContextMenuAction(window->briefs()->addToBriefAction());
    article->addSeparator();
    named(article->addAction(MainWindow::tr("Load Remote &Images for This Feed"), window,
                             &MainWindow::allowRemoteContent),
          "actionAllowRemoteContent");

    QMenu* help = bar->addMenu(MainWindow::tr("&Help"));
    // The search box's language, under the box (as its "?" button shows it).
    named(help->addAction(QIcon::fromTheme(QStringLiteral("help-contents")), MainWindow::tr("&Search Syntax"),
                          QKeySequence::HelpContents, window,
                          [window] { window->filterBar()->showSearchHelp(); }),
          "actionSearchSyntax");
    named(help->addAction(QIcon::fromTheme(QStringLiteral("help-keyboard-shortcuts")),
                          MainWindow::tr("&Keyboard Shortcuts"), window, openShortcuts),
          "actionShortcutOverview");
    help->addSeparator();
    named(help->addAction(QIcon::fromTheme(QStringLiteral("help-about")), MainWindow::tr("&About Mirsad"),
                          window, [window] { showAboutDialog(window, window->databasePath()); }),
          "actionAbout");
    named(help->addAction(MainWindow::tr("About &Qt"), qApp, &QApplication::aboutQt), "actionAboutQt");

    for (QAction* action :
         {feeds.addFeedAction(), feeds.newFolderAction(), feeds.refreshAllAction(),
          feeds.refreshSelectedAction(), feeds.importOpmlAction(), import,
          window->readingActions()->markAllReadAction(), window->readingActions()->markAllFeedsReadAction(),
          names.addNameAction(), star, toggleRead, highlight, colours->menuAction(), note, deleteNote})
        m_editing->addAction(action);

    m_toolBar->addAction(feeds.addFeedAction());
    m_toolBar->addAction(feeds.refreshAllAction());
    m_toolBar->addAction(import);
    m_toolBar->addSeparator();
    m_toolBar->addAction(star);
    m_toolBar->addAction(highlight);
    m_toolBar->addAction(note);
    m_toolBar->addAction(undo);
}

void MainWindowActions::setArchiveReadOnly(bool readOnly) {
    m_editing->setEnabled(!readOnly);
}

bool MainWindowActions::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const Qt::KeyboardModifiers others =
        key->modifiers() & ~Qt::KeyboardModifiers(Qt::KeypadModifier | Qt::ShiftModifier);
    if (others.toInt() != 0)
        return false;
    switch (key->key()) {
    case Qt::Key_J:
        m_window.moveArticle(1);
        return true;
    case Qt::Key_K:
        m_window.moveArticle(-1);
        return true;
    case Qt::Key_S:
        m_window.toggleStar();
        return true;
    case Qt::Key_M:
        m_window.toggleRead();
        return true;
    case Qt::Key_Space: {
        // Space pages through the article, then moves on to the next one.
        QScrollBar* bar = m_window.reader()->verticalScrollBar();
        if (key->modifiers() & Qt::ShiftModifier)
            bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        else if (bar->value() < bar->maximum())
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        else
            m_window.moveArticle(1);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}
