#pragma once

#include "tagging/Retagger.h"

#include <QObject>
#include <QPointer>
#include <functional>

class ManageNamesDialog;
class QAction;
class QUndoStack;
class QWidget;

namespace mirsad::storage {
class Storage;
}

// Teaching Mirsad names: "Add Name from Selection" asks what the selected text is (a new spelling
// of a known entity, or a new entity), "Manage Names" lists what was taught to change or remove
// it. Every change is stored, re-tags the archive in the background and goes on the undo stack.
class NameTeacher : public QObject {
    Q_OBJECT
public:
    // `selection` returns the text the user selected in the reader.
    NameTeacher(mirsad::storage::Storage& storage, QUndoStack* undoStack, std::function<QString()> selection,
                QWidget* window);

    QAction* addNameAction() const { return m_addName; }
    QAction* manageNamesAction() const { return m_manageNames; }
    // Names ▸ Pause Updating Names: checked while the user holds the re-tagging of the archive
    // back; enabled while one runs (or is held).
    QAction* pauseRetagAction() const { return m_pauseRetag; }
    mirsad::tagging::Retagger& retagger() const { return *m_retagger; }
    mirsad::storage::Storage& storage() const { return m_storage; }
    QUndoStack* undoStack() const { return m_undoStack; }

    // Resumes a re-tagging that an earlier session left unfinished.
    void resume();
    // Opens the dialog for `text` (what the action does with the current selection).
    void teach(const QString& text);
    // Opens Names ▸ Manage Names (one window, raised when already open).
    void manage();

    // Applies a change of the user's names and, once it is stored, puts it on the undo stack
    // with `revert` as its undo.
    void change(const QString& undoText, mirsad::tagging::Retagger::NameChange apply,
                mirsad::tagging::Retagger::NameChange revert);
    // Applies a change without recording it (what undo and redo do).
    void apply(const mirsad::tagging::Retagger::NameChange& change);

signals:
    void message(const QString& text, int timeoutMs);
    // The archive was re-tagged after the user changed names: what shows names must reload.
    void namesRetagged(qint64 changedArticles);

private:
    void showProgress();

    mirsad::storage::Storage& m_storage;
    QUndoStack* m_undoStack;
    std::function<QString()> m_selection;
    QWidget* m_window;
    mirsad::tagging::Retagger* m_retagger;
    QAction* m_addName;
    QAction* m_manageNames;
    QAction* m_pauseRetag;
    QPointer<ManageNamesDialog> m_manageDialog;
    bool m_userAsked = false;     // the run in flight was started by the user
    bool m_progressShown = false; // the status bar shows the re-tagging's progress
};
