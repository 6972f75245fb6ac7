#pragma once

#include "filters/ArticleFilter.h"

#include <QMainWindow>

class QTreeView;
class QAction;
class QMenu;
class QProgressBar;
class QTimer;
class QToolBar;
class QUndoStack;
class ArticleAnnotations;
class EntityDirectory;
class EntityListPanel;
class QSplitter;
class QTableView;
class FeedPane;
class FilterBar;
class Sidebar;
class NameTeacher;
class NotesPane;
class ReaderView;

namespace mirsad {
struct Article;
}
namespace mirsad::storage {
class Storage;
}
namespace mirsad::models {
class ArticleListModel;
} // namespace mirsad::models
namespace mirsad::ingest {
class FeedUpdater;
}

// The three panes: feeds on the left, the article list, then the reader with the notes pane.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(mirsad::storage::Storage& storage, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the database, installs the sample articles on first start and loads the lists.
    void start();

    ReaderView* reader() const { return m_reader; }
    QTableView* articleView() const { return m_articleView; }
    QTreeView* feedView() const;
    FeedPane* feedPane() const { return m_feedPane; }
    mirsad::ingest::FeedUpdater* feedUpdater() const { return m_updater; }
    NotesPane* notesPane() const { return m_notes; }
    mirsad::models::ArticleListModel* articleModel() const { return m_articleModel; }

    // The reading shell (menus, toolbar, highlights, notes, names; MainWindowShell.cpp).
    ArticleAnnotations* annotations() const { return m_annotations; }
    EntityDirectory* entityDirectory() const { return m_entities; }
    EntityListPanel* entityList() const { return m_entityList; }
    QUndoStack* undoStack() const { return m_undoStack; }
    QProgressBar* statusProgress() const { return m_statusProgress; }
    // Feed actions (add feed, refresh...) shown in the File menu and on the toolbar.
    void addFeedActions(const QList<QAction*>& actions);
    // Highlights the reader's selection in a colour of the highlight palette.
    void highlightSelection(const QString& color);
    // Filters the article list to an entity (a place: with everything within it).
    void filterByEntity(const QString& entityId);
    // Overall progress in the status bar; hidden when done >= total.
    void setProgress(int done, int total);
    void openSettings();

signals:
    // The database is open and the lists are loaded (or the start failed: see statusBar()).
    void started(bool ok);
    // An article was loaded into the reader.
    void articleShown(qint64 id);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Dropped URLs, OPML, feed and article files are imported.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showArticle(qint64 id);
    void onFeedSelected(const QList<qint64>& feedIds);
    void applyFilter(const mirsad::ArticleFilter& filter);
    void createFeedMenu();
    void reportError(const QString& message);
    void restoreLayout();
    void setupShell();
    void createShellMenus();
    void articleLoaded(const mirsad::Article& article);
    void saveShellState();
    void applyReaderSettings();
    void markShownArticleRead();
    void setArticleRead(qint64 id, bool read);
    void toggleStar();
    void toggleRead();
    bool moveArticle(int delta);
    void showRawSource();
    void allowRemoteContent();

    mirsad::storage::Storage& m_storage;
    mirsad::ingest::FeedUpdater* m_updater = nullptr;
    NameTeacher* m_nameTeacher = nullptr;
    mirsad::models::ArticleListModel* m_articleModel = nullptr;
    FeedPane* m_feedPane = nullptr;
    FilterBar* m_filterBar = nullptr;
    Sidebar* m_sidebar = nullptr;
    QTableView* m_articleView = nullptr;
    ReaderView* m_reader = nullptr;
    QUndoStack* m_undoStack = nullptr;
    ArticleAnnotations* m_annotations = nullptr;
    EntityDirectory* m_entities = nullptr;
    EntityListPanel* m_entityList = nullptr;
    QMenu* m_fileMenu = nullptr;
    QAction* m_feedActionsEnd = nullptr;
    QToolBar* m_toolBar = nullptr;
    QProgressBar* m_statusProgress = nullptr;
    QTimer* m_markReadTimer = nullptr;
    QSplitter* m_sideSplitter = nullptr;
    QString m_lastHighlightColor;
    qint64 m_restoreArticleId = 0; // the current article across a reload of the list
    NotesPane* m_notes = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_readerSplitter = nullptr;
    bool m_selectFirstArticle = true;
};
