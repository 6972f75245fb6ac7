#pragma once

class QSqlDatabase;

namespace mirsad::storage {

// Logs every statement on this connection that runs longer than 50 ms, with its SQL and time,
// to the category mirsad.storage.slow (debug). Off unless that category is on when the
// connection opens: QT_LOGGING_RULES="mirsad.storage.slow.debug=true" answers "what does the
// app wait for?" on a user's own archive without a profiler.
void traceSlowStatements(const QSqlDatabase& db);

} // namespace mirsad::storage
