#include "storage/IndexRowWriter.h"

#include "storage/Database.h"
#include "storage/PostgresColumns.h"
#include "storage/PostgresCopy.h"

#include <algorithm>
#include <bit>

namespace mirsad::storage {

IndexRowWriter::IndexRowWriter(sqlite3* db, const char* table, const char* keyColumn, const char* countTable)
    : m_db(db)
    , m_table(table)
    , m_key(keyColumn)
    , m_countTable(countTable) {
    const QByteArray count = QByteArrayLiteral("INSERT INTO ") + countTable + " (" + m_key +
                             ", articles, unread) VALUES (?1, ?2, ?3) ON CONFLICT (" + m_key +
                             ") DO UPDATE SET articles = articles + excluded.articles, "
                             "unread = unread + excluded.unread";
    m_count = {db, count.constData()};
    // Whether a row's article is unread, from the small partial index (see migration 013).
    const QByteArray recount =
        QByteArrayLiteral("INSERT INTO ") + countTable + " (" + m_key +
        ", articles, unread) SELECT ?1, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM articles u "
        "INDEXED BY articles_unread WHERE u.read = 0 AND u.sort_time = t.sort_time AND u.rowid = "
        "t.article_id)) FROM " +
        m_table + " t WHERE " + m_key + " = ?1 ON CONFLICT (" + m_key +
        ") DO UPDATE SET articles = excluded.articles, unread = excluded.unread";
    m_recount = {db, recount.constData()};
    m_error = !m_count.isValid() ? m_count.error() : m_recount.error();
}

IndexRowWriter::IndexRowWriter(QSqlDatabase db, const char* table, const char* keyColumn,
                               const char* countTable)
    : m_postgresDb(std::move(db))
    , m_postgres(true)
    , m_table(table)
    , m_key(keyColumn)
    , m_countTable(countTable) {
}

Status IndexRowWriter::failed(const SqliteStatement& statement) {
    m_error = statement.error();
    return Error{m_error};
}

SqliteStatement& IndexRowWriter::insertOf(int rows) {
    SqliteStatement& statement = m_inserts[size_t(rows)];
    if (!statement.isValid()) {
        QByteArray sql =
            "INSERT OR IGNORE INTO " + m_table + " (" + m_key + ", sort_time, article_id) VALUES ";
        for (int row = 0; row < rows; ++row) {
            const QByteArray first = QByteArray::number(3 * row + 1);
            sql += (row ? ",(?" : "(?") + first + ", ?" + QByteArray::number(3 * row + 2) + ", ?" +
                   QByteArray::number(3 * row + 3) + ')';
        }
        statement = {m_db, sql.constData()};
    }
    return statement;
}

void IndexRowWriter::add(const Keys& keys, qint64 sortTime, qint64 articleId, bool unread) {
    for (const QByteArray* key : keys)
        m_pending[*key].append({sortTime, articleId, unread});
}

Status IndexRowWriter::flush() {
    if (m_postgres) {
        if (Status s = writePostgresRows(); !s)
            return s;
        return writePostgresCounts();
    }
    if (Status s = writeRows(); !s)
        return s;
    return writeCounts();
}

Status IndexRowWriter::flushRows() {
    return m_postgres ? writePostgresRows() : Status{};
}

Result<bool> IndexRowWriter::copyPostgresRows() {
    PostgresCopy copy(m_table + " (" + m_key + ", sort_time, article_id)", 3);
    QList<QByteArray> keys = m_pending.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray& key : std::as_const(keys)) {
        for (const Row& row : std::as_const(m_pending[key]))
            copy.row().text(key).integer(row.sortTime).integer(row.articleId);
    }
    Result<bool> copied = copy.execUnlessDuplicate(m_postgresDb, QStringLiteral("index the names found"));
    if (!copied || !*copied)
        return copied;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        Added& added = m_added[it.key()];
        added.articles += it->size();
        for (const Row& row : *it)
            added.unread += row.unread ? 1 : 0;
    }
    m_pending.clear();
    return true;
}

Status IndexRowWriter::writePostgresRows() {
    if (m_pending.isEmpty())
        return {};
    // All the rows new, as they are but when the index disagrees with the articles: COPYed.
    Result<bool> copied = copyPostgresRows();
    if (!copied)
        return Error{copied.error()};
    if (*copied)
        return {};
    // What each key holds, to tell from what the insert returns whether all its rows were new.
    QHash<QByteArray, Added> pending;
    // The server answers how many rows of each key were new, not the key of every row.
    PostgresColumns insert("WITH added AS (INSERT INTO " + m_table + " (" + m_key +
                               ", sort_time, article_id)",
                           {"text", "bigint", "bigint"},
                           "ON CONFLICT DO NOTHING RETURNING " + m_key + ") SELECT " + m_key +
                               ", count(*) FROM added GROUP BY " + m_key);
    QHash<QByteArray, qint64> inserted;
    const auto run = [&]() -> Status {
        QSqlQuery query(m_postgresDb);
        if (Status s = insert.exec(m_postgresDb, QStringLiteral("index the names found"), &query); !s)
            return s;
        while (query.next())
            inserted[query.value(0).toString().toUtf8()] += query.value(1).toLongLong();
        return {};
    };
    QList<QByteArray> keys = m_pending.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray& key : std::as_const(keys)) {
        Added& counted = pending[key];
        for (const Row& row : std::as_const(m_pending[key])) {
            insert.row().text(key).integer(row.sortTime).integer(row.articleId);
            ++counted.articles;
            counted.unread += row.unread ? 1 : 0;
            if (insert.rows() >= 20000) {
                if (Status s = run(); !s)
                    return s;
            }
        }
    }
    if (Status s = run(); !s)
        return s;
    m_pending.clear();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        // The rows are new unless the index disagrees with the articles; then the key is counted
        // from the table.
        if (inserted.value(it.key()) == it->articles) {
            Added& added = m_added[it.key()];
            added.articles += it->articles;
            added.unread += it->unread;
        } else
            m_toRecount.insert(it.key());
    }
    return {};
}

Status IndexRowWriter::writePostgresCounts() {
    PostgresColumns count(
        "INSERT INTO " + m_countTable + " (" + m_key + ", articles, unread)", {"text", "bigint", "bigint"},
        "ON CONFLICT (" + m_key + ") DO UPDATE SET articles = " + m_countTable +
            ".articles + excluded.articles, unread = " + m_countTable + ".unread + excluded.unread");
    for (auto it = m_added.cbegin(); it != m_added.cend(); ++it) {
        if (m_toRecount.contains(it.key()))
            continue;
        count.row().text(it.key()).integer(it->articles).integer(it->unread);
        if (count.rows() >= 5000) {
            if (Status s = count.exec(m_postgresDb, QStringLiteral("count the names found")); !s)
                return s;
        }
    }
    if (Status s = count.exec(m_postgresDb, QStringLiteral("count the names found")); !s)
        return s;
    m_added.clear();
    if (m_toRecount.isEmpty())
        return {};
    QSqlQuery recount(m_postgresDb);
    recount.prepare(QString::fromUtf8(
        "INSERT INTO " + m_countTable + " (" + m_key +
        ", articles, unread) SELECT ?, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM articles u "
        "WHERE u.read = 0 AND u.sort_time = t.sort_time AND u.id = t.article_id)) FROM " +
        m_table + " t WHERE " + m_key + " = ? ON CONFLICT (" + m_key +
        ") DO UPDATE SET articles = excluded.articles, unread = excluded.unread"));
    for (const QByteArray& key : std::as_const(m_toRecount)) {
        const QString text = QString::fromUtf8(key);
        recount.addBindValue(text);
        recount.addBindValue(text);
        if (!recount.exec())
            return sqlError(QStringLiteral("count the names found"), recount);
    }
    m_toRecount.clear();
    return {};
}

Status IndexRowWriter::writeRows() {
    QList<QByteArray> keys = m_pending.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray& key : std::as_const(keys)) {
        QList<Row>& rows = m_pending[key];
        std::sort(rows.begin(), rows.end());
        for (qsizetype from = 0, count = 0; from < rows.size(); from += count) {
            // Powers of two: a writer prepares six statements, not one for every remainder.
            count = qsizetype(std::bit_floor(size_t(qMin<qsizetype>(kMaxRows, rows.size() - from))));
            SqliteStatement& insert = insertOf(int(count));
            for (int i = 0; i < count; ++i) {
                const Row& row = rows.at(from + i);
                insert.bind(3 * i + 1, key).bind(3 * i + 2, row.sortTime).bind(3 * i + 3, row.articleId);
            }
            if (Status s = insert.exec(); !s)
                return failed(insert);
            // The rows are new unless the index disagrees with the articles; then which rows
            // existed is unknown, and the key is counted from the table.
            if (insert.changes() == count) {
                Added& added = m_added[key];
                added.articles += count;
                for (int i = 0; i < count; ++i)
                    added.unread += rows.at(from + i).unread ? 1 : 0;
            } else
                m_toRecount.insert(key);
        }
    }
    m_pending.clear();
    return {};
}

Status IndexRowWriter::writeCounts() {
    for (auto it = m_added.cbegin(); it != m_added.cend(); ++it) {
        if (m_toRecount.contains(it.key()))
            continue;
        if (Status s = m_count.bind(1, it.key()).bind(2, it->articles).bind(3, it->unread).exec(); !s)
            return failed(m_count);
    }
    m_added.clear();
    for (const QByteArray& key : std::as_const(m_toRecount)) {
        if (Status s = m_recount.bind(1, key).exec(); !s)
            return failed(m_recount);
    }
    m_toRecount.clear();
    return {};
}

void indexArticle(IndexRowWriter& entities, IndexRowWriter& regions, const RegionsOfPlace& regionsOfPlace,
                  qint64 articleId, qint64 sortTime, bool unread, const QList<QByteArray>& entityIds) {
    IndexRowWriter::Keys entityKeys;
    IndexRowWriter::Keys regionKeys;
    for (const QByteArray& entity : entityIds) {
        entityKeys << &entity;
        const auto places = regionsOfPlace.constFind(entity);
        if (places == regionsOfPlace.cend())
            continue;
        for (const QByteArray& region : *places) {
            if (std::none_of(regionKeys.cbegin(), regionKeys.cend(),
                             [&](const QByteArray* r) { return *r == region; }))
                regionKeys << &region;
        }
    }
    entities.add(entityKeys, sortTime, articleId, unread);
    regions.add(regionKeys, sortTime, articleId, unread);
}

} // namespace mirsad::storage
