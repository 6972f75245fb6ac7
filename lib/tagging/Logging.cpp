#include "tagging/Logging.h"

Q_LOGGING_CATEGORY(lcTagging, "mirsad.tagging", QtWarningMsg)
