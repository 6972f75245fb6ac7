#pragma once

#include <QKeySequence>
#include <QSplitter>

class QAction;

// The panes of the main window, arranged by splitters:
//
//   feeds   | filter bar, article list
//   ------- |-----------------------------------
//   sidebar | reader         | notes
//           |                | ------------
//           |                | article's names
//
// The splitter positions are kept in AppSettings across sessions. The reader and the article
// list keep their minimum widths when the window shrinks; the left column (feeds and sidebar)
// and the notes column give way, and can be collapsed (dragged to the edge, or with the View
// menu's toggles).
class PaneLayout : public QSplitter {
    Q_OBJECT
public:
    struct Panes {
        QWidget* feeds;
        QWidget* sidebar;
        QWidget* filterBar;
        QWidget* articleList;
        QWidget* reader;
        QWidget* notes;
        QWidget* names;
    };

    explicit PaneLayout(const Panes& panes, QWidget* parent = nullptr);

    // The splitter positions the user left, from AppSettings (the defaults when none).
    void restoreSplitters();
    void saveSplitters() const;

    // Checkable: shows or collapses the left column (feeds and sidebar), the right one (notes
    // and the article's names). They follow the splitters when the user drags them shut.
    QAction* feedPaneAction() const { return m_feedPaneAction; }
    QAction* notesPaneAction() const { return m_notesPaneAction; }

private:
    struct Toggle {
        QSplitter* splitter;
        int index;
        int defaultSize;
        int lastSize = 0;
    };
    QAction* createToggle(Toggle& toggle, const QString& text, const QKeySequence& shortcut,
                          const QString& objectName);
    void setPaneShown(Toggle& toggle, bool shown);
    void updateToggles();

    QSplitter* m_feedSplitter;   // feeds over the sidebar
    QSplitter* m_centreSplitter; // the list over the reader
    QSplitter* m_readerSplitter; // the reader beside the notes column
    QSplitter* m_notesSplitter;  // the notes over the article's names
    Toggle m_feedPane;
    Toggle m_notesPane;
    QAction* m_feedPaneAction = nullptr;
    QAction* m_notesPaneAction = nullptr;
};
