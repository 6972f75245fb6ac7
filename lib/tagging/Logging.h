#pragma once

#include <QLoggingCategory>

// The tagger: loading the gazetteer with the user's names, re-tagging the archive. Turn on with
// QT_LOGGING_RULES="mirsad.tagging.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcTagging)
