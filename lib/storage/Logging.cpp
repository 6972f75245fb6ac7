#include "storage/Logging.h"

Q_LOGGING_CATEGORY(lcStorage, "mirsad.storage", QtWarningMsg)
