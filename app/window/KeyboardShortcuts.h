#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QMainWindow;

// The main window's configurable shortcuts: every QAction with an objectName in its menus, or
// added to the window itself. The code sets the defaults; the user's changes are kept in
// AppSettings (by objectName) and applied over them, so that a default changed in a later
// version still reaches users who did not change that shortcut.
namespace KeyboardShortcuts {

struct Entry {
    QAction* action = nullptr;
    QString id;    // the action's objectName
    QString label; // where the user finds it: "Article › Highlight"
    QList<QKeySequence> defaults;
};

// The configurable actions, in menu order (then the window's own actions).
QList<Entry> entries(QMainWindow* window);
// Records each action's default shortcuts and applies the user's changes. Call once, after the
// window made all its actions.
void applyUserShortcuts(QMainWindow* window);
// Gives the actions these shortcuts and keeps, in AppSettings, those that differ from the
// defaults.
void assign(const QList<Entry>& entries, const QList<QList<QKeySequence>>& shortcuts);
// The keys the article list and the reader handle themselves (J, K, ...), for the overview.
QList<std::pair<QString, QString>> singleKeys();

} // namespace KeyboardShortcuts
