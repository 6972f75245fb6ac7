#pragma once

#include <QString>

namespace mirsad::annotations {

// Who signs the analyst's notes, in the window and from mirsadctl alike: the name set in the
// preferences (the "author" setting), else the login name.
QString noteAuthor();
void setNoteAuthor(const QString& name);

} // namespace mirsad::annotations
