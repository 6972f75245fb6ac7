#pragma once

#include <QLoggingCategory>

// The import pipeline's steps per feed (fetched, parsed, stored), for finding where a refresh
// waits. Turn on with QT_LOGGING_RULES="mirsad.ingest.debug=true" (and, for timings,
// QT_MESSAGE_PATTERN="%{time process} %{message}").
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
