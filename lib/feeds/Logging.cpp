#include "feeds/Logging.h"

Q_LOGGING_CATEGORY(lcFeeds, "mirsad.feeds", QtWarningMsg)
