#pragma once

#include "tagging/Retagger.h"

#include <QUndoCommand>

class NameTeacher;

// An undoable change to the names the user taught (an alias or an entity added, changed or
// removed): `apply` and `revert` are changes of the user's names (tagging/UserNames.h), each
// followed by a re-tagging of what it touched. Pushed once the change was stored, so the first
// redo() does nothing.
class NameCommand : public QUndoCommand {
public:
    NameCommand(NameTeacher& teacher, const QString& text, mirsad::tagging::Retagger::NameChange apply,
                mirsad::tagging::Retagger::NameChange revert);
    void redo() override;
    void undo() override;

private:
    NameTeacher& m_teacher;
    mirsad::tagging::Retagger::NameChange m_apply;
    mirsad::tagging::Retagger::NameChange m_revert;
    bool m_applied = true;
};
