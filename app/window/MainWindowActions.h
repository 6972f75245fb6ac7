#pragma once

#include <QObject>

class FeedPane;
class MainWindow;
class NameTeacher;
class QToolBar;

// The main window's menus (File, Feeds, Names, Edit, View, Article, Help), its toolbar, and
// the single-key shortcuts of the article list and the reader (J, K, S, M, Space), which act
// only while one of them has the focus so that they never steal a letter from a text field.
class MainWindowActions : public QObject {
    Q_OBJECT
public:
    MainWindowActions(MainWindow& window, FeedPane& feeds, NameTeacher& names);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createMenus(FeedPane& feeds, NameTeacher& names);

    MainWindow& m_window;
    QToolBar* m_toolBar;
};
