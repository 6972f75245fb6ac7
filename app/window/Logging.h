#pragma once

#include <QLoggingCategory>

// The GUI's log category, "mirsad.app": QT_LOGGING_RULES="mirsad.app.debug=true" shows its
// debug output, "mirsad.app.warning=false" silences its warnings.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
