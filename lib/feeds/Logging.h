#pragma once

#include <QLoggingCategory>

// Fetching feeds: each request, its answer, redirects and conditional GETs. Turn on with
// QT_LOGGING_RULES="mirsad.feeds.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcFeeds)
