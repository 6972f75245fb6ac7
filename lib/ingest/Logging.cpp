#include "ingest/Logging.h"

Q_LOGGING_CATEGORY(lcIngest, "mirsad.ingest", QtWarningMsg)
