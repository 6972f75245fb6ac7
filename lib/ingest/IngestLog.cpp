#include "ingest/IngestLog.h"

Q_LOGGING_CATEGORY(lcIngest, "mirsad.ingest", QtWarningMsg)
