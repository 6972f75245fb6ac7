#pragma once

#include <QSplitter>

// The panes of the main window, arranged by splitters:
//
//   feeds   | filter bar, article list
//   ------- |-----------------------------------
//   sidebar | reader         | notes
//           |                | ------------
//           |                | article's names
//
// The splitter positions are kept in AppSettings across sessions.
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

private:
    QSplitter* m_feedSplitter;   // feeds over the sidebar
    QSplitter* m_centreSplitter; // the list over the reader
    QSplitter* m_readerSplitter; // the reader beside the notes column
    QSplitter* m_notesSplitter;  // the notes over the article's names
};
