#pragma once

#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace mirsad::storage {
class Storage;
}
namespace mirsad::tagging {
class Retagger;
}

// The "Add Name from Selection" workflow: asks what the selected text is (a new spelling of a
// known entity, or a new entity), stores it, and re-tags the archive in the background.
class NameTeacher : public QObject {
    Q_OBJECT
public:
    // `selection` returns the text the user selected in the reader.
    NameTeacher(mirsad::storage::Storage& storage, std::function<QString()> selection, QWidget* window);

    QAction* addNameAction() const { return m_addName; }
    mirsad::tagging::Retagger& retagger() const { return *m_retagger; }

    // Resumes a re-tagging that an earlier session left unfinished.
    void resume();
    // Opens the dialog for `text` (what the action does with the current selection).
    void teach(const QString& text);

signals:
    void message(const QString& text, int timeoutMs);

private:
    mirsad::storage::Storage& m_storage;
    std::function<QString()> m_selection;
    QWidget* m_window;
    mirsad::tagging::Retagger* m_retagger;
    QAction* m_addName;
    bool m_userAsked = false; // the run in flight was started by the user
};
