#pragma once

#include "window/KeyboardShortcuts.h"

#include <QDialog>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QMainWindow;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// Edit → Configure Keyboard Shortcuts (and Help → Keyboard Shortcuts): every shortcut of the
// window, searchable by action or key, and the keys of the article list and the reader. The
// selected action's shortcut is recorded with a QKeySequenceEdit; a key another action uses is
// not taken until the user chooses to reassign it, and a bare letter is refused (it would steal
// typing from text fields). OK applies and keeps the changes; Cancel forgets them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow* window);

    void accept() override;

private:
    void fill();
    void filter(const QString& text);
    void selectionChanged();
    void recorded();
    void setPending(int index, const QList<QKeySequence>& shortcuts);
    int currentIndex() const;
    int indexUsing(const QKeySequence& sequence, int except) const;

    QList<KeyboardShortcuts::Entry> m_entries;
    QList<QList<QKeySequence>> m_pending;
    QLineEdit* m_search;
    QTreeWidget* m_list;
    QKeySequenceEdit* m_edit;
    QPushButton* m_none;
    QPushButton* m_default;
    QLabel* m_problem;
    QPushButton* m_reassign;
    QKeySequence m_contested; // recorded, but used by another action
};
