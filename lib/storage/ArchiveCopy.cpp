#include "storage/ArchiveCopy.h"

#include "search/SearchText.h"
#include "storage/ArticleBody.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/PostgresSearch.h"

#include <QHash>
#include <QSet>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace mirsad::storage {

namespace {

using Row = QVariantList;

// A table copied row by row as it is. The source is read in the order of `key` (unique), from
// after the last row copied; the target skips rows it has (ON CONFLICT DO NOTHING).
struct Table {
    QString name;
    QStringList columns; // "end" quoted: a reserved word in PostgreSQL
    QStringList key;
    QString filter; // the source rows copied (and counted); empty: all
};

// Schema bookkeeping is the target's own; whether a vacuum is due is the source file's.
const QString kMetaFilter = QStringLiteral("key NOT IN ('schema_version', 'vacuum_pending')");

const QStringList kFolderColumns{u"id"_s, u"name"_s, u"parent_id"_s, u"position"_s};
const QStringList kArticleColumns{u"id"_s,           u"feed_id"_s, u"dedupe_key"_s,     u"guid"_s,
                                  u"link"_s,         u"title"_s,   u"author"_s,         u"source"_s,
                                  u"published"_s,    u"fetched"_s, u"sort_time"_s,      u"html"_s,
                                  u"text"_s,         u"tags"_s,    u"thumbnail"_s,      u"content_hash"_s,
                                  u"read"_s,         u"starred"_s, u"tagged_version"_s, u"mentions"_s,
                                  u"remote_images"_s};

// In the order the foreign keys need: what a row refers to is copied before it.
QList<Table> tablesBeforeArticles() {
    return {
        {u"meta"_s, {u"key"_s, u"value"_s}, {u"key"_s}, kMetaFilter},
        {u"feeds"_s,
         {u"id"_s, u"url"_s, u"title"_s, u"site_url"_s, u"kind"_s, u"folder_id"_s, u"etag"_s,
          u"last_modified"_s, u"refresh_minutes"_s, u"last_fetched"_s, u"last_error"_s, u"allow_remote"_s,
          u"created"_s, u"article_count"_s, u"unread_count"_s},
         {u"id"_s},
         {}},
    };
}

QList<Table> tablesAfterArticles() {
    return {
        {u"entities"_s,
         {u"id"_s, u"kind"_s, u"name"_s, u"name_ar"_s, u"description"_s, u"user_added"_s},
         {u"id"_s},
         {}},
        {u"user_entities"_s,
         {u"id"_s, u"kind"_s, u"name"_s, u"name_ar"_s, u"aliases"_s, u"within"_s, u"description"_s,
          u"created"_s},
         {u"id"_s},
         {}},
        {u"user_aliases"_s, {u"entity_id"_s, u"alias"_s, u"created"_s}, {u"entity_id"_s, u"alias"_s}, {}},
        {u"place_closure"_s, {u"place_id"_s, u"region_id"_s}, {u"place_id"_s, u"region_id"_s}, {}},
        {u"article_entities"_s,
         {u"entity_id"_s, u"sort_time"_s, u"article_id"_s},
         {u"entity_id"_s, u"sort_time"_s, u"article_id"_s},
         {}},
        {u"article_regions"_s,
         {u"region_id"_s, u"sort_time"_s, u"article_id"_s},
         {u"region_id"_s, u"sort_time"_s, u"article_id"_s},
         {}},
        {u"entity_counts"_s, {u"entity_id"_s, u"articles"_s, u"unread"_s}, {u"entity_id"_s}, {}},
        {u"region_counts"_s, {u"region_id"_s, u"articles"_s, u"unread"_s}, {u"region_id"_s}, {}},
        {u"highlights"_s,
         {u"id"_s, u"article_id"_s, u"color"_s, u"quote"_s, u"prefix"_s, u"suffix"_s, u"start"_s,
          u"\"end\""_s, u"orphaned"_s, u"created"_s, u"updated"_s, u"author"_s, u"shared"_s},
         {u"id"_s},
         {}},
        {u"notes"_s,
         {u"id"_s, u"article_id"_s, u"highlight_id"_s, u"body"_s, u"author"_s, u"tags"_s, u"created"_s,
          u"updated"_s, u"shared"_s},
         {u"id"_s},
         {}},
        {u"watchlists"_s, {u"id"_s, u"name"_s, u"filter"_s, u"position"_s, u"created"_s}, {u"id"_s}, {}},
        {u"briefs"_s, {u"id"_s, u"title"_s, u"introduction"_s, u"created"_s, u"updated"_s}, {u"id"_s}, {}},
        {u"brief_articles"_s,
         {u"brief_id"_s, u"position"_s, u"article_id"_s},
         {u"brief_id"_s, u"position"_s},
         {}},
        {u"search_vocabulary"_s, {u"key"_s, u"word"_s}, {u"key"_s, u"word"_s}, {}},
    };
}

// The tables whose ids are identities on PostgreSQL.
const QStringList kIdentityTables{u"folders"_s, u"feeds"_s,      u"articles"_s, u"highlights"_s,
                                  u"notes"_s,   u"watchlists"_s, u"briefs"_s};

QString joined(const QStringList& parts) {
    return parts.join(QStringLiteral(", "));
}

QString placeholders(int count) {
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return QStringLiteral("(%1)").arg(joined(marks));
}

Result<QList<Row>> select(QSqlDatabase& db, const QString& sql, const QVariantList& values) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("read the source archive"), query);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(QStringLiteral("read the source archive"), query);
    QList<Row> rows;
    const int columns = query.record().count();
    while (query.next()) {
        Row row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        rows << std::move(row);
    }
    return rows;
}

// On a team's server reading state and watchlists are each analyst's (migration 010): a copy
// takes, and is counted by, the copying analyst's own.
QString withOwnRows(const QSqlDatabase& db, const QString& table, const QString& filter) {
    if (!isPostgres(db) || table != u"watchlists"_s)
        return filter;
    const QString own = QStringLiteral("analyst = current_user::text");
    return filter.isEmpty() ? own : QStringLiteral("(%1) AND %2").arg(filter, own);
}

// A column as a server's source gives it: the analyst's own read and starred marks, and unread
// counts, rather than the columns the team's archive no longer keeps.
QString sourceColumn(const QSqlDatabase& db, const QString& table, const QString& column) {
    if (!isPostgres(db))
        return column;
    if (table == u"articles"_s && (column == u"read"_s || column == u"starred"_s))
        return QStringLiteral(
                   "coalesce((SELECT s.%1 FROM article_states s WHERE s.analyst = current_user::text "
                   "AND s.article_id = articles.id), 0)")
            .arg(column);
    if (table == u"feeds"_s && column == u"unread_count"_s)
        return QStringLiteral("article_count - coalesce((SELECT r.read FROM feed_reads r WHERE r.analyst = "
                              "current_user::text AND r.feed_id = feeds.id), 0)");
    for (const char* kind : {"entity", "region"})
        if (table == QLatin1String(kind) + u"_counts"_s && column == u"unread"_s)
            return QStringLiteral("articles - coalesce((SELECT r.read FROM %1_reads r WHERE r.analyst = "
                                  "current_user::text AND r.%1_id = %1_counts.%1_id), 0)")
                .arg(QLatin1String(kind));
    return column;
}

QString sourceColumns(const QSqlDatabase& db, const QString& table, const QStringList& columns) {
    QStringList expressions;
    for (const QString& column : columns)
        expressions << sourceColumn(db, table, column);
    return expressions.join(QStringLiteral(", "));
}

Result<qint64> count(QSqlDatabase& db, const QString& table, const QString& plainFilter = {}) {
    const QString filter = withOwnRows(db, table, plainFilter);
    Result<QList<Row>> rows =
        select(db,
               QStringLiteral("SELECT count(*) FROM %1%2")
                   .arg(table, filter.isEmpty() ? QString() : QStringLiteral(" WHERE ") + filter),
               {});
    if (!rows)
        return Error{rows.error()};
    return rows->value(0).value(0).toLongLong();
}

// Inserts rows into the target, several to a statement (one round trip each on a server).
// `row` is one row's VALUES term; `suffix` follows the VALUES (ON CONFLICT ...).
Status insertRows(QSqlDatabase& db, const QString& table, const QStringList& columns, const QString& row,
                  const QList<Row>& rows, const QString& suffix) {
    if (rows.isEmpty())
        return {};
    const int perStatement = std::max(1, 2000 / int(columns.size()));
    QSqlQuery query(db);
    int prepared = 0;
    for (qsizetype first = 0; first < rows.size(); first += perStatement) {
        const int n = int(std::min<qsizetype>(perStatement, rows.size() - first));
        if (n != prepared) {
            QStringList terms;
            for (int i = 0; i < n; ++i)
                terms << row;
            if (!query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                                   .arg(table, joined(columns), joined(terms), suffix)))
                return sqlError(QStringLiteral("write %1 into the target").arg(table), query);
            prepared = n;
        }
        for (int i = 0; i < n; ++i)
            for (const QVariant& value : rows[first + i])
                query.addBindValue(value);
        if (!query.exec())
            return sqlError(QStringLiteral("write %1 into the target").arg(table), query);
    }
    return {};
}

// The source's rows after `after` (the key of the last row copied), in key order.
Result<QList<Row>> nextRows(QSqlDatabase& from, const Table& table, const Row& after, int limit) {
    QStringList conditions;
    if (const QString filter = withOwnRows(from, table.name, table.filter); !filter.isEmpty())
        conditions << filter;
    if (!after.isEmpty())
        conditions << QStringLiteral("(%1) > %2").arg(joined(table.key), placeholders(int(table.key.size())));
    return select(from,
                  QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
                      .arg(sourceColumns(from, table.name, table.columns), table.name,
                           conditions.isEmpty()
                               ? QString()
                               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")),
                           joined(table.key))
                      .arg(limit),
                  after);
}

class Copier {
public:
    Copier(QSqlDatabase& from, QSqlDatabase& to, const ArchiveCopyOptions& options)
        : m_from(from)
        , m_to(to)
        , m_options(options)
        , m_batch(std::max(1, options.batchSize)) {}

    Status run() {
        if (Status same = checkSameArchive(); !same)
            return same;
        if (Status s = copyFolders(); !s)
            return s;
        for (const Table& table : tablesBeforeArticles())
            if (Status s = copy(table); !s)
                return s;
        if (Status s = copyArticles(); !s)
            return s;
        for (const Table& table : tablesAfterArticles())
            if (Status s = copy(table); !s)
                return s;
        if (Status s = copyVocabularyFill(); !s)
            return s;
        return moveSequences();
    }

private:
    void progress(const QString& table, qint64 done, qint64 total) {
        if (m_options.progress)
            m_options.progress(table, done, total);
    }

    Status copy(const Table& table) {
        Result<qint64> total = count(m_from, table.name, table.filter);
        if (!total)
            return Error{total.error()};
        progress(table.name, 0, *total);
        QList<int> keyIndexes;
        for (const QString& key : table.key)
            keyIndexes << int(table.columns.indexOf(key));
        Row after;
        qint64 done = 0;
        for (;;) {
            Result<QList<Row>> rows = nextRows(m_from, table, after, m_batch);
            if (!rows)
                return Error{rows.error()};
            if (rows->isEmpty())
                return {};
            Transaction transaction(m_to);
            if (Status s =
                    insertRows(m_to, table.name, table.columns, placeholders(int(table.columns.size())),
                               *rows, QStringLiteral(" ON CONFLICT DO NOTHING"));
                !s)
                return s;
            if (Status s = transaction.commit(); !s)
                return s;
            after.clear();
            for (int index : keyIndexes)
                after << rows->last().value(index);
            done += rows->size();
            progress(table.name, done, *total);
        }
    }

    // Folders are few, and a folder may lie in one made after it: all in one transaction, the
    // rows first, then where they lie.
    Status copyFolders() {
        Result<QList<Row>> rows = select(
            m_from, QStringLiteral("SELECT %1 FROM folders ORDER BY id").arg(joined(kFolderColumns)), {});
        if (!rows)
            return Error{rows.error()};
        progress(QStringLiteral("folders"), 0, rows->size());
        Transaction transaction(m_to);
        Result<QSet<qint64>> existing = targetIds(QStringLiteral("folders"), QStringLiteral("id"), {});
        if (!existing)
            return Error{existing.error()};
        QList<Row> missing;
        for (const Row& row : *rows)
            if (!existing->contains(row[0].toLongLong()))
                missing << Row{row[0], row[1], QVariant(), row[3]};
        if (Status s =
                insertRows(m_to, QStringLiteral("folders"), kFolderColumns, placeholders(4), missing, {});
            !s)
            return s;
        QSqlQuery parent(m_to);
        parent.prepare(QStringLiteral("UPDATE folders SET parent_id = ? WHERE id = ?"));
        for (const Row& row : *rows) {
            if (row[2].isNull() || existing->contains(row[0].toLongLong()))
                continue;
            parent.addBindValue(row[2]);
            parent.addBindValue(row[0]);
            if (!parent.exec())
                return sqlError(QStringLiteral("write folders into the target"), parent);
        }
        if (Status s = transaction.commit(); !s)
            return s;
        progress(QStringLiteral("folders"), rows->size(), rows->size());
        return {};
    }

    // The ids the target has among those of `range` (a condition on the column), or all.
    Result<QSet<qint64>> targetIds(const QString& table, const QString& column, const QList<qint64>& range) {
        QString sql = QStringLiteral("SELECT %1 FROM %2").arg(column, table);
        QVariantList values;
        if (!range.isEmpty()) {
            sql += QStringLiteral(" WHERE %1 BETWEEN ? AND ?").arg(column);
            values << range.first() << range.last();
        }
        Result<QList<Row>> rows = select(m_to, sql, values);
        if (!rows)
            return Error{rows.error()};
        QSet<qint64> ids;
        for (const Row& row : *rows)
            ids.insert(row[0].toLongLong());
        return ids;
    }

    // Articles with their bodies and search documents, in one transaction a batch: an article
    // the target has is left alone, one it lacks gets all three.
    Status copyArticles() {
        Result<qint64> total = count(m_from, QStringLiteral("articles"));
        if (!total)
            return Error{total.error()};
        progress(QStringLiteral("articles"), 0, *total);
        const bool postgres = isPostgres(m_to);
        qint64 after = std::numeric_limits<qint64>::min();
        qint64 done = 0;
        for (;;) {
            Result<QList<Row>> idRows = select(
                m_from,
                QStringLiteral("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT %1").arg(m_batch),
                {after});
            if (!idRows)
                return Error{idRows.error()};
            if (idRows->isEmpty())
                return {};
            QList<qint64> ids;
            for (const Row& row : *idRows)
                ids << row[0].toLongLong();
            after = ids.last();
            done += ids.size();

            Transaction transaction(m_to);
            Result<QSet<qint64>> existing = targetIds(QStringLiteral("articles"), QStringLiteral("id"), ids);
            if (!existing)
                return Error{existing.error()};
            if (existing->size() == ids.size()) { // copied before
                progress(QStringLiteral("articles"), done, *total);
                continue;
            }
            const QVariantList range{ids.first(), ids.last()};
            Result<QList<Row>> articles =
                select(m_from,
                       QStringLiteral("SELECT %1 FROM articles WHERE id BETWEEN ? AND ? ORDER BY id")
                           .arg(sourceColumns(m_from, QStringLiteral("articles"), kArticleColumns)),
                       range);
            if (!articles)
                return Error{articles.error()};
            Result<QList<Row>> bodies =
                select(m_from,
                       QStringLiteral(
                           "SELECT article_id, body FROM article_bodies WHERE article_id BETWEEN ? AND ?"),
                       range);
            if (!bodies)
                return Error{bodies.error()};
            QHash<qint64, QByteArray> bodyOf;
            for (const Row& row : *bodies)
                bodyOf.insert(row[0].toLongLong(), row[1].toByteArray());

            QList<Row> newArticles, newBodies, documents;
            const int title = int(kArticleColumns.indexOf(QStringLiteral("title")));
            const int textColumn = int(kArticleColumns.indexOf(QStringLiteral("text")));
            for (const Row& article : *articles) {
                const qint64 id = article[0].toLongLong();
                if (existing->contains(id))
                    continue;
                newArticles << article;
                QString text = article[textColumn].toString(); // the body before migration 014
                if (const auto body = bodyOf.constFind(id); body != bodyOf.constEnd()) {
                    newBodies << Row{id, *body};
                    Result<ArticleBody> decoded = decompressBody(*body);
                    if (!decoded)
                        return Error{QStringLiteral("Article %1 of the source has a damaged body: %2")
                                         .arg(id)
                                         .arg(decoded.error())};
                    text = std::move(decoded->text);
                }
                const QByteArray searchTitle = search::searchTextUtf8(article[title].toString());
                const QByteArray searchBody = search::searchTextUtf8(text);
                if (postgres)
                    documents << Row{id, QString::fromUtf8(postgresSearchDocument(searchTitle, searchBody))};
                else
                    documents << Row{id, QString::fromUtf8(searchTitle), QString::fromUtf8(searchBody)};
            }
            // No ON CONFLICT: the target lacks these ids, and an article that clashes with one of
            // its own (same feed and dedupe key) means another archive.
            if (Status s = insertRows(m_to, QStringLiteral("articles"), kArticleColumns,
                                      placeholders(int(kArticleColumns.size())), newArticles, {});
                !s)
                return s;
            if (Status s =
                    insertRows(m_to, QStringLiteral("article_bodies"),
                               QStringList{u"article_id"_s, u"body"_s}, placeholders(2), newBodies, {});
                !s)
                return s;
            const Status indexed = postgres ? insertRows(m_to, QStringLiteral("article_search"),
                                                         QStringList{u"article_id"_s, u"document"_s},
                                                         QStringLiteral("(?, ?::tsvector)"), documents, {})
                                            : insertRows(m_to, QStringLiteral("article_search"),
                                                         QStringList{u"rowid"_s, u"title"_s, u"body"_s},
                                                         placeholders(3), documents, {});
            if (!indexed)
                return indexed;
            if (Status s = transaction.commit(); !s)
                return s;
            progress(QStringLiteral("articles"), done, *total);
        }
    }

    // The row saying how far the search vocabulary was filled (see migration 018): the target's
    // vocabulary is the source's, so it goes on from the same word. A table of at most one row.
    Status copyVocabularyFill() {
        Result<QList<Row>> rows =
            select(m_from, QStringLiteral("SELECT after_word FROM search_vocabulary_fill"), {});
        if (!rows)
            return Error{rows.error()};
        Result<qint64> has = count(m_to, QStringLiteral("search_vocabulary_fill"));
        if (!has)
            return Error{has.error()};
        if (rows->isEmpty() || *has > 0)
            return {};
        Transaction transaction(m_to);
        if (Status s = insertRows(m_to, QStringLiteral("search_vocabulary_fill"),
                                  QStringList{u"after_word"_s}, placeholders(1), rows->mid(0, 1), {});
            !s)
            return s;
        return transaction.commit();
    }

    // A PostgreSQL target's identities continue after the copied ids.
    Status moveSequences() {
        if (!isPostgres(m_to))
            return {};
        QSqlQuery query(m_to);
        for (const QString& table : kIdentityTables) {
            if (!query.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                           "coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
                                .arg(table)))
                return sqlError(QStringLiteral("move the ids of %1 past the copied ones").arg(table), query);
        }
        return {};
    }

    // Whether the target is empty or an earlier copy of the source (see ArchiveCopy.h).
    Status checkSameArchive() {
        struct Identity {
            const char* table;
            const char* column;
            const char* what;
        };
        static constexpr Identity identities[] = {
            {"folders", "name", "folder"},         {"feeds", "url", "feed"},
            {"articles", "dedupe_key", "article"}, {"highlights", "created", "highlight"},
            {"notes", "created", "note"},          {"watchlists", "created", "watchlist"},
            {"briefs", "created", "brief"},
        };
        for (const Identity& identity : identities) {
            const QString table = QLatin1String(identity.table), column = QLatin1String(identity.column);
            qint64 after = std::numeric_limits<qint64>::min();
            for (;;) {
                Result<QList<Row>> theirs =
                    select(m_to,
                           QStringLiteral("SELECT id, %1 FROM %2 WHERE id > ? ORDER BY id LIMIT %3")
                               .arg(column, table)
                               .arg(m_batch),
                           {after});
                if (!theirs)
                    return Error{theirs.error()};
                if (theirs->isEmpty())
                    break;
                after = theirs->last()[0].toLongLong();
                Result<QList<Row>> ours = select(
                    m_from,
                    QStringLiteral("SELECT id, %1 FROM %2 WHERE id BETWEEN ? AND ?").arg(column, table),
                    {theirs->first()[0], after});
                if (!ours)
                    return Error{ours.error()};
                QHash<qint64, QString> source;
                for (const Row& row : *ours)
                    source.insert(row[0].toLongLong(), row[1].toString());
                for (const Row& row : *theirs) {
                    const auto found = source.constFind(row[0].toLongLong());
                    if (found == source.constEnd() || *found != row[1].toString())
                        return Error{
                            QStringLiteral("The target already holds a different archive: its %1 %2 (%3 %4) "
                                           "is not in the source. Copy into a new, empty database, or "
                                           "into an earlier copy of this archive.")
                                .arg(QLatin1String(identity.what), row[0].toString(), column,
                                     row[1].toString())};
                }
            }
        }
        return {};
    }

    QSqlDatabase& m_from;
    QSqlDatabase& m_to;
    const ArchiveCopyOptions& m_options;
    int m_batch;
};

} // namespace

Result<QList<CopyCount>> countArchive(QSqlDatabase& from, QSqlDatabase& to) {
    QList<std::pair<QString, QString>> tables{{u"meta"_s, kMetaFilter},
                                              {u"folders"_s, {}},
                                              {u"feeds"_s, {}},
                                              {u"articles"_s, {}},
                                              {u"article_bodies"_s, {}}};
    for (const Table& table : tablesAfterArticles())
        tables.append({table.name, table.filter});
    tables.append({QStringLiteral("search_vocabulary_fill"), {}});
    QList<CopyCount> counts;
    for (const auto& [table, filter] : tables) {
        Result<qint64> source = count(from, table, filter);
        if (!source)
            return Error{source.error()};
        Result<qint64> target = count(to, table, filter);
        if (!target)
            return Error{target.error()};
        counts << CopyCount{table, *source, *target};
    }
    // The index cannot be counted on the source alike (not every old archive has a document per
    // article); the target has one for each article it holds.
    Result<qint64> documents = count(to, QStringLiteral("article_search"));
    if (!documents)
        return Error{documents.error()};
    counts << CopyCount{QStringLiteral("article_search"), counts[3].source, *documents};
    return counts;
}

Result<QList<CopyCount>> copyArchive(QSqlDatabase& from, QSqlDatabase& to,
                                     const ArchiveCopyOptions& options) {
    Copier copier(from, to, options);
    if (Status s = copier.run(); !s)
        return Error{s.error()};
    return countArchive(from, to);
}

} // namespace mirsad::storage
