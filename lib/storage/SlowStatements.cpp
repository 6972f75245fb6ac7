#include "storage/SlowStatements.h"

#include "storage/SqliteStatement.h"

#include <QLoggingCategory>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcSlowStatements, "mirsad.storage.slow", QtWarningMsg)

namespace mirsad::storage {

namespace {

constexpr sqlite3_uint64 kSlowNanoseconds = 50'000'000;

int profile(unsigned event, void*, void* statement, void* nanoseconds) {
    if (event != SQLITE_TRACE_PROFILE)
        return 0;
    const auto elapsed = *static_cast<sqlite3_uint64*>(nanoseconds);
    if (elapsed < kSlowNanoseconds)
        return 0;
    auto* stmt = static_cast<sqlite3_stmt*>(statement);
    char* sql = sqlite3_expanded_sql(stmt);
    qCDebug(lcSlowStatements).noquote() << QStringLiteral("%1 ms:").arg(double(elapsed) / 1e6, 0, 'f', 1)
                                        << QString::fromUtf8(sql ? sql : sqlite3_sql(stmt)).simplified();
    sqlite3_free(sql);
    return 0;
}

} // namespace

void traceSlowStatements(const QSqlDatabase& db) {
    if (!lcSlowStatements().isDebugEnabled())
        return;
    if (sqlite3* handle = sqliteHandle(db))
        sqlite3_trace_v2(handle, SQLITE_TRACE_PROFILE, profile, nullptr);
}

} // namespace mirsad::storage
