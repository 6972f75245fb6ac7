#pragma once

#include <QObject>

class FeedPane;
class MainWindow;
class NameTeacher;
class QActionGroup;
class QToolBar;

// The main window's menus (File, Feeds, Names, Edit, View, Article, Help), its toolbar, and
// the single-key shortcuts of the article list and the reader (J, K, S, M, Space), which act
// only while one of them has the focus so that they never steal a letter from a text field.
class MainWindowActions : public QObject {
    Q_OBJECT
public:
    MainWindowActions(MainWindow& window, FeedPane& feeds, NameTeacher& names);

    // The archive cannot be written: the actions that would change it are disabled (and stay so
    // whatever else enables them).
    void setArchiveReadOnly(bool readOnly);
    QActionGroup* editingActions() const { return m_editing; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createMenus(FeedPane& feeds, NameTeacher& names);

    MainWindow& m_window;
    QToolBar* m_toolBar;
    QActionGroup* m_editing; // what changes the archive; disabled together on a read-only one
};
