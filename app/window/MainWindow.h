#pragma once

#include "storage/ArticleFilter.h"

#include <QMainWindow>
#include <QSet>

class ArchiveActions;
class ArticleAnnotations;
class BriefActions;
class EntityDirectory;
class EntityListPanel;
class FeedPane;
class FilterBar;
class MainWindowActions;
class NameTeacher;
class NotesPane;
class PaneLayout;
class QLabel;
class QProgressBar;
class QTableView;
class QTimer;
class QTreeView;
class QUndoStack;
class ReaderView;
class ReadingActions;
class Sidebar;
class VocabularyFill;

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

// The news desk: feeds and the sidebar on the left, the filtered article list above the reader,
// the notes and the article's names on the right (PaneLayout), with the menus and the toolbar
// of MainWindowActions. It ties the panes together: a click on a feed, a name or a filter chip
// filters the list; the current article goes to the reader, the notes and the names.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(mirsad::storage::Storage& storage, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the database, installs the sample articles on first start and loads the lists.
    void start();
    // The database this window shows (a file path).
    QString databasePath() const;

    ReaderView* reader() const { return m_reader; }
    QTableView* articleView() const { return m_articleView; }
    QTreeView* feedView() const;
    NotesPane* notesPane() const { return m_notes; }
    mirsad::models::ArticleListModel* articleModel() const { return m_articleModel; }
    ArticleAnnotations* annotations() const { return m_annotations; }
    EntityDirectory* entityDirectory() const { return m_entities; }
    EntityListPanel* entityList() const { return m_entityList; }
    QUndoStack* undoStack() const { return m_undoStack; }
    PaneLayout* panes() const { return m_panes; }
    FilterBar* filterBar() const { return m_filterBar; }
    Sidebar* sidebar() const { return m_sidebar; }
    ReadingActions* readingActions() const { return m_reading; }
    VocabularyFill* vocabularyFill() const { return m_vocabularyFill; }
    BriefActions* briefs() const { return m_briefs; }
    ArchiveActions* archives() const { return m_archives; }
    MainWindowActions* actions() const { return m_actions; }
    // Above the panes while the archive is read-only (hidden otherwise).
    QLabel* readOnlyBanner() const { return m_readOnlyBanner; }

    // The commands of the menus, the toolbar and the reader's context menu.

    // Highlights the reader's selection in a colour of the highlight palette.
    void highlightSelection(const QString& color);
    // Highlights the selection in the colour used last.
    void highlightSelectionAgain();
    // Filters the article list to an entity (a place: with everything within it).
    void filterByEntity(const QString& entityId);
    void clearNameFilter();
    // Moves the current article by `delta` rows; at the end of the list, loads the next page.
    bool moveArticle(int delta);
    void toggleStar();
    void toggleRead();
    void showRawSource();
    // Shows an article in the reader: selected in the list when the list shows it, else alone.
    void openArticle(qint64 id);
    // Lets the current article's feed load remote images from now on.
    void allowRemoteContent();
    void openSettings();

signals:
    // The database is open and the lists are loaded (or the start failed: see statusBar()).
    void started(bool ok);
    // An article was loaded into the reader.
    void articleShown(qint64 id);
    // The user chose another archive (File → Open…): the program closes this window and opens it.
    void archiveRequested(const QString& location);

protected:
    void closeEvent(QCloseEvent* event) override;
    // Dropped URLs, OPML, feed and article files are imported.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void connectPanes();
    // Once the archive is open and the notes' journal saved: the list, the panes, refreshing.
    void startDesk();
    void restoreLayout();
    void saveLayout();
    // Loads an article into the reader: the list's current one, or (fromList false) one the list
    // may not show.
    void showArticle(qint64 id, bool fromList = true);
    void articleLoaded(const mirsad::Article& article);
    // After the user taught or changed names and the archive was re-tagged.
    void refreshNames();
    void annotationsChangedElsewhere(const QSet<qint64>& articleIds, bool all);
    void pageLoaded();
    void onFeedSelected(const QList<qint64>& feedIds);
    void applyFilter(const mirsad::ArticleFilter& filter);
    void applyReaderSettings();
    void markShownArticleRead();
    void setArticleRead(qint64 id, bool read);
    // Overall feed refresh progress in the status bar; hidden when done >= total.
    void setProgress(int done, int total);
    void reportError(const QString& message);
    // The archive opened read-only: the banner says so, and what would change it is disabled.
    void showReadOnly();
    // True (after saying why in the status bar) when the archive is read-only.
    bool refuseChange();

    mirsad::storage::Storage& m_storage;
    mirsad::ingest::FeedUpdater* m_updater = nullptr;
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
    NotesPane* m_notes = nullptr;
    NameTeacher* m_nameTeacher = nullptr;
    PaneLayout* m_panes = nullptr;
    QLabel* m_readOnlyBanner = nullptr;
    MainWindowActions* m_actions = nullptr;
    ReadingActions* m_reading = nullptr;
    VocabularyFill* m_vocabularyFill = nullptr;
    BriefActions* m_briefs = nullptr;
    ArchiveActions* m_archives = nullptr;
    QString m_backupOffered; // the archive could not be opened: the backup the reader offers
    QProgressBar* m_statusProgress = nullptr;
    QTimer* m_markReadTimer = nullptr;
    QString m_lastHighlightColor;
    QString m_filterMessage;          // the status message that describes the name filter
    QStringList m_filterMessageGroup; // the filter's condition it describes
    qint64 m_restoreArticleId = 0;    // the current article across a reload of the list
    bool m_selectFirstArticle = true;
};
