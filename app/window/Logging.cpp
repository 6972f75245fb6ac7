#include "window/Logging.h"

Q_LOGGING_CATEGORY(lcApp, "mirsad.app", QtWarningMsg)
