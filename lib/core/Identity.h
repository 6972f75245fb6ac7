#pragma once

namespace mirsad {

// Sets the application and organisation names that QStandardPaths and QSettings use, so that
// the GUI and mirsadctl find the same database and settings. Call before anything else.
void setApplicationIdentity();

} // namespace mirsad
