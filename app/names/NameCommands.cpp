#include "names/NameCommands.h"

#include "names/NameTeacher.h"

NameCommand::NameCommand(NameTeacher& teacher, const QString& text,
                         mirsad::tagging::Retagger::NameChange apply,
                         mirsad::tagging::Retagger::NameChange revert)
    : QUndoCommand(text)
    , m_teacher(teacher)
    , m_apply(std::move(apply))
    , m_revert(std::move(revert)) {
}

void NameCommand::redo() {
    if (std::exchange(m_applied, false))
        return; // stored before the command was pushed
    m_teacher.apply(m_apply);
}

void NameCommand::undo() {
    m_teacher.apply(m_revert);
}
