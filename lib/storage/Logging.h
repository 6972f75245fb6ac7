#pragma once

#include <QLoggingCategory>

// The database: opening, migrations, the writer's checkpoints and skipped work. Turn on with
// QT_LOGGING_RULES="mirsad.storage.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
