#pragma once

#include "core/Result.h"
#include "storage/SqliteStatement.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>
#include <array>

namespace mirsad::storage {

// Adds an article's rows to one of the filters' index tables, article_entities or
// article_regions (key, sort_time, article_id), with one statement per article rather than one
// per row, and sums how many articles each key gained for its count table (entity_counts,
// region_counts), written by writeCounts().
class IndexRowWriter {
public:
    using Keys = QVarLengthArray<const QByteArray*, 16>;

    IndexRowWriter(sqlite3* db, const char* table, const char* keyColumn, const char* countTable);
    bool isValid() const { return m_count.isValid() && m_recount.isValid(); }
    const QString& error() const { return m_error; }

    // Indexes the article under each of keys (distinct).
    Status add(const Keys& keys, qint64 sortTime, qint64 articleId);
    // Adds what was counted since the last call to the count table.
    Status writeCounts();

private:
    static constexpr int kMaxRows = 32;
    SqliteStatement& insertOf(int rows);
    Status failed(const SqliteStatement& statement);

    sqlite3* m_db;
    QByteArray m_table;
    QByteArray m_key;
    std::array<SqliteStatement, kMaxRows + 1> m_inserts; // by rows per statement, made when needed
    SqliteStatement m_count;
    SqliteStatement m_recount;
    QHash<QByteArray, qint64> m_added;
    QSet<QByteArray> m_toRecount; // keys a row already existed for: counted from the table instead
    QString m_error;
};

} // namespace mirsad::storage
