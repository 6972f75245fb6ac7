#include "storage/Migrations.h"

#include "articles/ContentHash.h"
#include "content/HtmlSanitizer.h"
#include "search/SearchText.h"
#include "storage/ArticleBody.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/Logging.h"
#include "storage/PostgresDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>
#include <map>

namespace mirsad::storage {

std::map<int, QString> numberedScripts(const QString& folder) {
    std::map<int, QString> found;
    static const QRegularExpression name(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
    const QDir dir(folder);
    for (const QString& entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = name.match(entry);
        if (match.hasMatch())
            found.emplace(match.captured(1).toInt(), dir.filePath(entry));
    }
    return found;
}

// resources/migrations/NNN_description.sql, by number.
static const std::map<int, QString>& migrationFiles() {
    static const std::map<int, QString> files = numberedScripts(QStringLiteral(":/migrations"));
    return files;
}

// Steps of a migration that SQL cannot do, run after its script in the same transaction.
static Status refillSearchIndex(QSqlDatabase& db) {
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
    // Before migration 014 the text is a column of the article; from it on, in its stored body.
    QSqlQuery columns(db);
    const bool textColumn = columns.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('articles') "
                                                        "WHERE name = 'text'")) &&
                            columns.next();
    if (!articles.exec(textColumn ? QStringLiteral("SELECT id, title, text FROM articles")
                                  : QStringLiteral("SELECT a.id, a.title, b.body FROM articles a "
                                                   "LEFT JOIN article_bodies b ON b.article_id = a.id")))
        return Error{articles.lastError().text()};
    while (articles.next()) {
        QString text = articles.value(2).toString();
        if (!textColumn) {
            Result<ArticleBody> body = decompressBody(articles.value(2).toByteArray());
            if (!body)
                return Error{
                    QStringLiteral("article %1: %2").arg(articles.value(0).toLongLong()).arg(body.error())};
            text = std::move(body->text);
        }
        insert.addBindValue(articles.value(0));
        insert.addBindValue(sqlText(search::searchText(articles.value(1).toString())));
        insert.addBindValue(sqlText(search::searchText(text)));
        if (!insert.exec())
            return Error{insert.lastError().text()};
    }
    return {};
}

static Status digestDedupeKeys(QSqlDatabase& db) {
    // Read first, then write: the scan may run over the very index the updates reorder.
    QList<std::pair<qint64, QByteArray>> keys;
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    if (!articles.exec(QStringLiteral("SELECT id, dedupe_key FROM articles")))
        return Error{articles.lastError().text()};
    while (articles.next()) // version 9 stored every key as the identity itself
        keys.append({articles.value(0).toLongLong(), identityDigest(articles.value(1).toString())});
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE articles SET dedupe_key = ? WHERE id = ?"));
    for (const auto& [id, digest] : std::as_const(keys)) {
        update.addBindValue(QString::fromLatin1(digest));
        update.addBindValue(id);
        if (!update.exec())
            return Error{update.lastError().text()};
    }
    return {};
}

static Status fillRemoteImages(QSqlDatabase& db) {
    QList<std::pair<qint64, QString>> found;
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    if (!articles.exec(QStringLiteral("SELECT id, html FROM articles WHERE instr(html, '<img') > 0")))
        return Error{articles.lastError().text()};
    while (articles.next()) {
        const QStringList images = content::remoteImagesOf(articles.value(1).toString());
        if (!images.isEmpty())
            found.append({articles.value(0).toLongLong(), images.join(QChar(0x1f))});
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE articles SET remote_images = ? WHERE id = ?"));
    for (const auto& [id, images] : std::as_const(found)) {
        update.addBindValue(images);
        update.addBindValue(id);
        if (!update.exec())
            return Error{update.lastError().text()};
    }
    return {};
}

// Migration 014: the bodies of up to `limit` articles after the last one converted move into
// article_bodies, compressed (on the worker threads of QThreadPool), and their old columns are
// emptied in the same transaction. Returns how many articles it converted: 0 when none are left.
static Result<qint64> compressSomeBodies(QSqlDatabase& db, int limit) {
    struct Row {
        qint64 id = 0;
        QByteArray html;
        QByteArray text;
        QByteArray body;
    };
    QList<Row> rows;
    {
        QSqlQuery select(db);
        select.setForwardOnly(true);
        select.prepare(QStringLiteral("SELECT id, CAST(html AS BLOB), CAST(text AS BLOB) FROM articles "
                                      "WHERE id > (SELECT coalesce(max(article_id), 0) FROM article_bodies) "
                                      "ORDER BY id LIMIT ?"));
        select.addBindValue(limit);
        if (!select.exec())
            return sqlError(QStringLiteral("read the articles to compress"), select);
        while (select.next())
            rows.append({select.value(0).toLongLong(),
                         select.value(1).toByteArray(),
                         select.value(2).toByteArray(),
                         {}});
    }
    QtConcurrent::blockingMap(rows, [](Row& row) {
        row.body = compressBody(row.html, row.text);
        row.html.clear();
        row.text.clear();
    });
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO article_bodies (article_id, body) VALUES (?, ?)"));
    QSqlQuery empty(db);
    empty.prepare(QStringLiteral("UPDATE articles SET html = '', text = '' WHERE id = ?"));
    for (const Row& row : std::as_const(rows)) {
        insert.addBindValue(row.id);
        insert.addBindValue(row.body);
        if (!insert.exec())
            return sqlError(QStringLiteral("store a compressed article body"), insert);
        empty.addBindValue(row.id);
        if (!empty.exec())
            return sqlError(QStringLiteral("store a compressed article body"), empty);
    }
    return qint64(rows.size());
}

static Status requestVacuum(QSqlDatabase& db);

// The old columns stay, empty: ALTER TABLE DROP COLUMN rewrites every article row in one
// transaction, which in WAL mode keeps every page of the table in memory until it commits
// (1.9 GB for a million articles); two empty values cost two bytes a row.
static Status finishBodies(QSqlDatabase& db) {
    return requestVacuum(db);
}

static const std::map<int, Status (*)(QSqlDatabase&)>& migrationSteps() {
    static const std::map<int, Status (*)(QSqlDatabase&)> steps = {{7, refillSearchIndex},
                                                                   {9, refillSearchIndex},
                                                                   {10, digestDedupeKeys},
                                                                   {11, fillRemoteImages},
                                                                   {14, finishBodies}};
    return steps;
}

// Migrations that convert every article in batches, each its own transaction, between their
// script (which must be safe to run again) and their step above (run with the version change).
struct BatchedMigration {
    Result<qint64> (*batch)(QSqlDatabase&, int limit); // converted: 0 when done
    const char* progressTable;                         // the table whose rows mark what is done, for resuming
};

static const std::map<int, BatchedMigration>& batchedMigrations() {
    static const std::map<int, BatchedMigration> batched = {{14, {compressSomeBodies, "article_bodies"}}};
    return batched;
}

static MigrationProgress& progressObserver() {
    static MigrationProgress observer;
    return observer;
}

void setMigrationProgress(MigrationProgress observer) {
    progressObserver() = std::move(observer);
}

static bool tableExists(const QSqlDatabase& db, const char* table) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(QLatin1String(table));
    return query.exec() && query.next();
}

static Result<qint64> countRows(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return sqlError(QStringLiteral("count the articles to upgrade"), query);
    return query.value(0).toLongLong();
}

static Status runBatches(QSqlDatabase& db, int version, const BatchedMigration& migration) {
    constexpr int kBatchSize = 500;
    Result<qint64> total = countRows(db, QStringLiteral("SELECT count(*) FROM articles"));
    if (!total)
        return Error{total.error()};
    Result<qint64> done =
        countRows(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(migration.progressTable)));
    if (!done)
        return Error{done.error()};
    for (;;) {
        if (const MigrationProgress& observer = progressObserver();
            observer && !observer(version, *done, *total))
            return Error{QStringLiteral("The upgrade to version %1 was stopped after %2 of %3 articles; "
                                        "it goes on from there the next time the archive is opened.")
                             .arg(version)
                             .arg(*done)
                             .arg(*total)};
        Transaction transaction(db);
        Result<qint64> converted = migration.batch(db, kBatchSize);
        if (!converted)
            return Error{converted.error()};
        if (*converted == 0)
            return {};
        if (Status s = transaction.commit(); !s)
            return s;
        *done += *converted;
    }
}

// Migration 014 leaves the articles' pages mostly empty (their rows shrank in place, which frees
// no page): the file is rewritten once, by VACUUM, and from then on free pages go back to the
// file system bit by bit (auto_vacuum = INCREMENTAL, see tidyUpDatabase). Not at every upgrade:
// VACUUM rewrites the whole file. The migration asks for it in the meta table, in the transaction
// that sets its version, so a kill before the VACUUM is done has it done at the next open.
// Runs `work` (a VACUUM or VACUUM INTO) with SQLite's default page cache, then restores the
// connection's own: with Mirsad's larger cache a VACUUM held about the whole file in memory
// (170 MB for a 187 MB file; 1.9 GB of RSS upgrading a million-article archive), with the
// default it holds 20 MB.
template <typename Work> static Status withSmallCache(QSqlDatabase& db, Work work) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA cache_size")) || !query.next())
        return sqlError(QStringLiteral("read the cache size"), query);
    const qint64 cacheSize = query.value(0).toLongLong();
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA cache_size=-2000")))
        return sqlError(QStringLiteral("set the cache size"), query);
    Status done = work();
    if (!query.exec(QStringLiteral("PRAGMA cache_size=%1").arg(cacheSize)) && done)
        return sqlError(QStringLiteral("set the cache size"), query);
    return done;
}

static Status requestVacuum(QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('vacuum_pending', '1') ")))
        return sqlError(QStringLiteral("plan to reclaim the space the upgrade freed"), query);
    return {};
}

static Status reclaimSpace(QSqlDatabase& db) {
    {
        QSqlQuery pending(db);
        if (!pending.exec(QStringLiteral("SELECT 1 FROM meta WHERE key = 'vacuum_pending'")) ||
            !pending.next())
            return {};
    }
    Result<qint64> articles = countRows(db, QStringLiteral("SELECT count(*) FROM articles"));
    if (!articles)
        return Error{articles.error()};
    QSqlQuery query(db);
    if (*articles == 0) { // a new archive: nothing to rewrite
        if (!query.exec(QStringLiteral("DELETE FROM meta WHERE key = 'vacuum_pending'")))
            return sqlError(QStringLiteral("reclaim the space the upgrade freed"), query);
        return {};
    }
    // VACUUM builds the new file in a temporary one, which temp_store=MEMORY would hold in RAM.
    // The request goes first: VACUUM cannot run inside a transaction, and a kill during it
    // leaves the file as it was, request gone, at worst to be rewritten by a later VACUUM.
    Status vacuumed = withSmallCache(db, [&]() -> Status {
        for (const char* statement :
             {"DELETE FROM meta WHERE key = 'vacuum_pending'", "PRAGMA auto_vacuum = INCREMENTAL",
              "PRAGMA temp_store = FILE", "VACUUM", "PRAGMA temp_store = MEMORY"}) {
            if (!query.exec(QLatin1String(statement)))
                return sqlError(QStringLiteral("reclaim the space the upgrade freed"), query);
        }
        return {};
    });
    if (!vacuumed)
        return vacuumed;
    qCInfo(lcStorage) << "Rewrote" << db.databaseName() << "to give back the space the upgrade freed";
    return {};
}

int schemaVersion(const QSqlDatabase& db) {
    if (isPostgres(db))
        return postgresSchemaVersion(db);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

int latestSchemaVersion() {
    const auto& files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

// After an upgrade only its own backup stays: an older one holds nothing the newer lacks, and on a
// large archive each is the size of the whole file.
static void removeOlderBackups(const QSqlDatabase& db, int version) {
    const QFileInfo file(db.databaseName());
    static const QRegularExpression suffix(QStringLiteral("\\.v(\\d+)\\.bak$"));
    QDir dir = file.absoluteDir();
    for (const QString& name : dir.entryList({file.fileName() + QStringLiteral(".v*.bak")}, QDir::Files)) {
        const auto match = suffix.match(name);
        if (match.hasMatch() && match.captured(1).toInt() < version && dir.remove(name))
            qCInfo(lcStorage) << "Removed the older backup" << dir.filePath(name);
    }
}

static Status backUp(QSqlDatabase& db, int version) {
    const QString file = db.databaseName();
    if (file == QStringLiteral(":memory:") || file.isEmpty())
        return {};
    const QString backup = QStringLiteral("%1.v%2.bak").arg(file).arg(version);
    QFile::remove(backup);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(backup);
    if (!query.exec())
        return sqlError(QStringLiteral("back up the database to %1 before upgrading it").arg(backup), query);
    qCInfo(lcStorage) << "Backed up" << file << "to" << backup << "before upgrading it";
    return {};
}

Status migrate(QSqlDatabase& db, int target) {
    if (isPostgres(db))
        return migratePostgres(db);
    const int current = schemaVersion(db);
    if (current < 0)
        return Error{QStringLiteral("Cannot read the schema version of %1.").arg(db.databaseName())};
    if (current > latestSchemaVersion())
        return Error{QStringLiteral("The database %1 has schema version %2, made by a newer Mirsad; this "
                                    "version understands up to %3 and leaves it untouched.")
                         .arg(db.databaseName())
                         .arg(current)
                         .arg(latestSchemaVersion())};
    if (current >= target)
        return reclaimSpace(db);
    // A batched migration stopped half-way resumes: the backup made before it began is the
    // archive as it was, and stays.
    bool resuming = false;
    for (const auto& [version, batched] : batchedMigrations())
        resuming = resuming || (current < version && tableExists(db, batched.progressTable));
    if (current > 0 && !resuming) {
        if (Status s = withSmallCache(db, [&] { return backUp(db, current); }); !s)
            return s;
    }

    for (const auto& [version, path] : migrationFiles()) {
        if (version <= current || version > target)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Missing migration %1.").arg(path)};
        const QString script = QString::fromUtf8(file.readAll());
        if (const auto batched = batchedMigrations().find(version); batched != batchedMigrations().end()) {
            Status prepared = [&]() -> Status {
                Transaction transaction(db);
                if (Status s = executeScript(db, script); !s)
                    return s;
                return transaction.commit();
            }();
            if (prepared)
                prepared = runBatches(db, version, batched->second);
            if (!prepared)
                return Error{QStringLiteral("Upgrading the database to version %1 failed: %2")
                                 .arg(version)
                                 .arg(prepared.error())};
        }
        Transaction transaction(db);
        Status done = executeScript(db, script);
        if (const auto step = migrationSteps().find(version); done && step != migrationSteps().end())
            done = step->second(db);
        if (!done)
            return Error{QStringLiteral("Upgrading the database to version %1 failed: %2")
                             .arg(version)
                             .arg(done.error())};
        qCInfo(lcStorage) << "Upgraded" << db.databaseName() << "to schema version" << version;
        QSqlQuery setVersion(db);
        if (!setVersion.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            return Error{setVersion.lastError().text()};
        if (Status s = transaction.commit(); !s)
            return s;
    }
    // This run's backup replaces older ones; a resumed run made none, and the backup of the
    // archive as it was before the interrupted upgrade is the one to keep.
    if (current > 0 && !resuming)
        removeOlderBackups(db, current);
    return reclaimSpace(db);
}

} // namespace mirsad::storage
