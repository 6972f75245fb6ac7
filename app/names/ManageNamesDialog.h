#pragma once

#include "tagging/UserNames.h"

#include <QDialog>

class NameTeacher;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace mirsad::tagging {
class Tagger;
}

// Names ▸ Manage Names: the entities and spellings the user taught Mirsad, each of which can be
// changed (Enter, F2, double-click) or removed (Delete). Every change re-tags the archive in the
// background, with its progress shown here, and can be undone (Ctrl+Z, here or in the window).
class ManageNamesDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int EntityIdRole = Qt::UserRole + 1;
    static constexpr int AliasRole = Qt::UserRole + 2; // empty for an entity

    ManageNamesDialog(NameTeacher& teacher, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    // Reads the list again (after every change of the user's names).
    void reload();

signals:
    void reloaded();

private:
    void showNames(const mirsad::tagging::UserNameList& names,
                   std::shared_ptr<const mirsad::tagging::Tagger> tagger);
    void editCurrent();
    void removeCurrent();
    void updateButtons();

    NameTeacher& m_teacher;
    QTreeWidget* m_list;
    QLabel* m_empty;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QLabel* m_progressLabel;
    QProgressBar* m_progress;
    std::shared_ptr<const mirsad::tagging::Tagger> m_tagger;
    mirsad::tagging::UserNameList m_names;
};
