#pragma once

#include "core/Result.h"
#include "storage/SqliteStatement.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QVarLengthArray>
#include <array>

namespace mirsad::storage {

// Adds articles' rows to one of the filters' index tables, article_entities or article_regions
// (key, sort_time, article_id), and sums how many articles, and how many unread ones, each key
// gained for its count table (entity_counts, region_counts; migration 013). Rows are held until flush() and
// then written in key order, up to 32 per statement: an import's rows scatter over every key, and written as
// they come they dirty the index's pages again and again, more than the writer's page cache holds.
class IndexRowWriter {
public:
    using Keys = QVarLengthArray<const QByteArray*, 16>;

    IndexRowWriter(sqlite3* db, const char* table, const char* keyColumn, const char* countTable);
    // The same on PostgreSQL: each flush is a few multi-row statements (storage/PostgresRows.h).
    IndexRowWriter(QSqlDatabase db, const char* table, const char* keyColumn, const char* countTable);
    bool isValid() const { return m_postgres || (m_count.isValid() && m_recount.isValid()); }
    const QString& error() const { return m_error; }

    // Indexes the article under each of keys (distinct), at the next flush(); `unread` is the
    // article's state as stored (the unread counts follow it).
    void add(const Keys& keys, qint64 sortTime, qint64 articleId, bool unread);
    // Writes the rows added since the last call, and adds what they count to the count table.
    Status flush();
    // PostgreSQL: writes the rows added so far and keeps their counts for flush(), so that the rows
    // of a batch of articles go to the server with it, while the next batch is being prepared.
    Status flushRows();

private:
    static constexpr int kMaxRows = 32;
    struct Row {
        qint64 sortTime;
        qint64 articleId;
        bool unread;
        auto operator<=>(const Row&) const = default;
    };
    struct Added {
        qint64 articles = 0;
        qint64 unread = 0;
    };
    SqliteStatement& insertOf(int rows);
    Status failed(const SqliteStatement& statement);
    Status writeRows();
    Status writeCounts();
    Status writePostgresRows();
    // All the rows at once by COPY; false (and nothing written) when one was in the table already.
    Result<bool> copyPostgresRows();
    Status writePostgresCounts();

    sqlite3* m_db = nullptr;
    QSqlDatabase m_postgresDb;
    bool m_postgres = false;
    QByteArray m_table;
    QByteArray m_key;
    QByteArray m_countTable;
    std::array<SqliteStatement, kMaxRows + 1> m_inserts; // by rows per statement, made when needed
    SqliteStatement m_count;
    SqliteStatement m_recount;
    QHash<QByteArray, QList<Row>> m_pending; // by key: sorting the keys alone is cheap
    QHash<QByteArray, Added> m_added;
    QSet<QByteArray> m_toRecount; // keys a row already existed for: counted from the table instead
    QString m_error;
};

// The keys an article is indexed under: its entities in `entities`, and in `regions` the regions
// its places lie in (`regionsOfPlace`, place_closure), each once.
using RegionsOfPlace = QHash<QByteArray, QList<QByteArray>>;
void indexArticle(IndexRowWriter& entities, IndexRowWriter& regions, const RegionsOfPlace& regionsOfPlace,
                  qint64 articleId, qint64 sortTime, bool unread, const QList<QByteArray>& entityIds);

} // namespace mirsad::storage
