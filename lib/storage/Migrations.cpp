#include "storage/Migrations.h"

#include "articles/ContentHash.h"
#include "content/HtmlSanitizer.h"
#include "storage/Database.h"
#include "storage/Logging.h"
#include "storage/SearchText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace mirsad::storage {

// resources/migrations/NNN_description.sql, by number.
static const std::map<int, QString>& migrationFiles() {
    static const std::map<int, QString> files = [] {
        std::map<int, QString> found;
        static const QRegularExpression name(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
        const QDir dir(QStringLiteral(":/migrations"));
        for (const QString& entry : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = name.match(entry);
            if (match.hasMatch())
                found.emplace(match.captured(1).toInt(), dir.filePath(entry));
        }
        return found;
    }();
    return files;
}

// Steps of a migration that SQL cannot do, run after its script in the same transaction.
static Status refillSearchIndex(QSqlDatabase& db) {
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
    if (!articles.exec(QStringLiteral("SELECT id, title, text FROM articles")))
        return Error{articles.lastError().text()};
    while (articles.next()) {
        insert.addBindValue(articles.value(0));
        insert.addBindValue(sqlText(searchText(articles.value(1).toString())));
        insert.addBindValue(sqlText(searchText(articles.value(2).toString())));
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

static const std::map<int, Status (*)(QSqlDatabase&)>& migrationSteps() {
    static const std::map<int, Status (*)(QSqlDatabase&)> steps = {
        {7, refillSearchIndex}, {9, refillSearchIndex}, {10, digestDedupeKeys}, {11, fillRemoteImages}};
    return steps;
}

int schemaVersion(const QSqlDatabase& db) {
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
        return {};
    if (current > 0) {
        if (Status s = backUp(db, current); !s)
            return s;
    }
    for (const auto& [version, path] : migrationFiles()) {
        if (version <= current || version > target)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Missing migration %1.").arg(path)};
        const QString script = QString::fromUtf8(file.readAll());
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
    if (current > 0)
        removeOlderBackups(db, current);
    return {};
}

} // namespace mirsad::storage
