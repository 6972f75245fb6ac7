#include "storage/Backup.h"

#include "storage/Logging.h"
#include "storage/Migrations.h"
#include "storage/SearchTokenizer.h"
#include "storage/SqliteStatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sqlite3.h>

namespace mirsad::storage {

namespace {

struct CloseSqlite {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteFile = std::unique_ptr<sqlite3, CloseSqlite>;

// A connection of its own to the file at `path` (never created: a missing file is an error).
Result<SqliteFile> openFile(const QString& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    SqliteFile file(raw);
    if (rc != SQLITE_OK)
        return Error{QStringLiteral("Cannot open %1: %2.")
                         .arg(path, QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)))};
    sqlite3_busy_timeout(raw, 10000);
    // The search index's tables need Mirsad's tokenizer to be read, checked or copied.
    if (Status s = registerSearchTokenizer(raw); !s)
        return Error{s.error()};
    return file;
}

QString lastError(sqlite3* db) {
    return QString::fromUtf8(sqlite3_errmsg(db));
}

// The first row of a one-column statement, as text; an Error with SQLite's reason.
Result<QString> textOf(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
        return Error{lastError(db)};
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW)
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
    if (rc == SQLITE_DONE)
        return QString();
    return Error{lastError(db)};
}

// Copies every page of `from` into `to`, stepping so that writers of `from` are not held up long.
Status copyPages(sqlite3* from, sqlite3* to, const std::function<bool(int, int)>& progress) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return Error{lastError(to)};
    int rc = SQLITE_OK;
    bool stopped = false;
    do {
        rc = sqlite3_backup_step(backup, 1024);
        if (progress && !progress(sqlite3_backup_pagecount(backup) - sqlite3_backup_remaining(backup),
                                  sqlite3_backup_pagecount(backup))) {
            stopped = true;
            break;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (stopped)
        return Error{QStringLiteral("The backup was stopped.")};
    if (rc != SQLITE_DONE)
        return Error{rc == SQLITE_FULL ? QStringLiteral("the disk is full")
                                       : QString::fromUtf8(sqlite3_errstr(rc))};
    return {};
}

// Removes a file and what SQLite keeps beside it.
void removeDatabaseFiles(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

bool isDamageReason(const QString& reason) {
    for (const char* sign : {"not a database", "malformed", "damaged", "corrupt", "file is encrypted"})
        if (reason.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

QString backupFolder(const QString& archivePath) {
    return QFileInfo(archivePath).absoluteFilePath() + QStringLiteral(".backups");
}

QString newBackupPath(const QString& archivePath, const QDateTime& now, const QString& tag) {
    return QDir(backupFolder(archivePath))
        .filePath(QStringLiteral("%1-%2%3.sqlite")
                      .arg(QFileInfo(archivePath).completeBaseName(),
                           now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                           tag.isEmpty() ? QString() : QLatin1Char('-') + tag));
}

Status backupArchive(const QSqlDatabase& db, const QString& target,
                     const std::function<bool(int, int)>& progress) {
    sqlite3* source = sqliteHandle(db);
    if (!source)
        return Error{QStringLiteral("A team's archive on PostgreSQL is backed up by its server (pg_dump, or "
                                    "the server's own backups), not by Mirsad.")};
    const QFileInfo info(target);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{QStringLiteral("Cannot make the folder %1 for the backup.").arg(info.absolutePath())};
    const QString partial = target + QStringLiteral(".partial");
    removeDatabaseFiles(partial);
    auto fail = [&](const QString& why) -> Status {
        removeDatabaseFiles(partial);
        return Error{QStringLiteral("Could not back up the archive to %1: %2").arg(target, why)};
    };
    {
        Result<SqliteFile> copy = openFile(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!copy)
            return fail(copy.error());
        if (Status s = copyPages(source, copy->get(), progress); !s)
            return fail(s.error());
    }
    if (Status s = checkArchiveFile(partial); !s)
        return fail(s.error());
    // rename() replaces an older file of that name in one step.
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0)
        return fail(QStringLiteral("it could not take its name"));
    qCInfo(lcStorage) << "Backed up" << db.databaseName() << "to" << target;
    return {};
}

QList<ArchiveBackup> archiveBackups(const QString& archivePath) {
    const QFileInfo archive(archivePath);
    QFileInfoList files = QDir(backupFolder(archivePath))
                              .entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files | QDir::Readable);
    files += archive.absoluteDir().entryInfoList({archive.fileName() + QStringLiteral(".v*.bak")},
                                                 QDir::Files | QDir::Readable);
    std::sort(files.begin(), files.end(),
              [](const QFileInfo& a, const QFileInfo& b) { return a.lastModified() > b.lastModified(); });
    QList<ArchiveBackup> backups;
    for (const QFileInfo& file : files)
        backups << ArchiveBackup{file.absoluteFilePath(), file.lastModified(), file.size()};
    return backups;
}

Status checkArchiveFile(const QString& path) {
    if (!QFileInfo(path).isFile())
        return Error{QStringLiteral("There is no archive file at %1.").arg(path)};
    Result<SqliteFile> file = openFile(path, SQLITE_OPEN_READWRITE);
    if (!file)
        return Error{file.error()};
    Result<QString> check = textOf(file->get(), "PRAGMA quick_check");
    if (!check)
        return Error{QStringLiteral("%1 is not a sound database: %2.").arg(path, check.error())};
    if (*check != QLatin1String("ok"))
        return Error{QStringLiteral("%1 is damaged: %2.").arg(path, check->section(u'\n', 0, 0))};
    Result<QString> articles =
        textOf(file->get(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'");
    Result<QString> version = textOf(file->get(), "PRAGMA user_version");
    if (!articles || !version || articles->toInt() != 1)
        return Error{QStringLiteral("%1 is a database, but not a Mirsad archive.").arg(path)};
    if (version->toInt() > latestSchemaVersion())
        return Error{
            QStringLiteral("%1 is an archive of a newer Mirsad (schema %2; this one knows up to %3).")
                .arg(path)
                .arg(version->toInt())
                .arg(latestSchemaVersion())};
    return {};
}

QString restoreAdvice(const QString& archivePath, const QString& reason) {
    if (!isDamageReason(reason))
        return {};
    const QList<ArchiveBackup> backups = archiveBackups(archivePath);
    if (backups.isEmpty())
        return QStringLiteral("No backup of it was found in %1.").arg(backupFolder(archivePath));
    const ArchiveBackup& newest = backups.first();
    return QStringLiteral(
               "Its newest backup is %1, from %2; to restore it: mirsadctl --db \"%3\" restore \"%1\"")
        .arg(newest.path, QLocale::c().toString(newest.made, QStringLiteral("yyyy-MM-dd HH:mm")),
             archivePath);
}

Result<QString> restoreArchive(const QString& backup, const QString& archivePath) {
    if (Status s = checkArchiveFile(backup); !s)
        return Error{QStringLiteral("The backup cannot be restored: %1").arg(s.error())};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!QFileInfo::exists(archivePath) || !checkArchiveFile(archivePath)) {
        // Missing or damaged: the file itself is replaced; a damaged one is kept aside, as it was.
        QString aside;
        if (QFileInfo::exists(archivePath)) {
            aside = QStringLiteral("%1.damaged-%2")
                        .arg(archivePath, now.toString(QStringLiteral("yyyyMMdd-HHmmss")));
            for (const char* suffix : {"", "-wal", "-shm"}) {
                const QString from = archivePath + QLatin1String(suffix);
                if (QFileInfo::exists(from) && !QFile::rename(from, aside + QLatin1String(suffix)))
                    return Error{QStringLiteral("Could not move the damaged %1 aside.").arg(from)};
            }
        }
        const QString partial = archivePath + QStringLiteral(".partial");
        removeDatabaseFiles(partial);
        {
            Result<SqliteFile> from = openFile(backup, SQLITE_OPEN_READWRITE);
            Result<SqliteFile> to = from ? openFile(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                                         : Result<SqliteFile>(Error{from.error()});
            if (!to)
                return Error{to.error()};
            if (Status s = copyPages(from->get(), to->get(), {}); !s) {
                removeDatabaseFiles(partial);
                return Error{QStringLiteral("Could not restore %1: %2").arg(backup, s.error())};
            }
        }
        if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(archivePath).constData()) !=
            0)
            return Error{
                QStringLiteral("Could not put the restored archive in place at %1.").arg(archivePath)};
        return aside;
    }
    // Sound: kept as a backup of its own first, then overwritten page by page through SQLite.
    const QString kept = newBackupPath(archivePath, now, QStringLiteral("before-restore"));
    {
        Result<SqliteFile> current = openFile(archivePath, SQLITE_OPEN_READWRITE);
        if (!current)
            return Error{current.error()};
        if (!QDir().mkpath(backupFolder(archivePath)))
            return Error{QStringLiteral("Cannot make the folder %1.").arg(backupFolder(archivePath))};
        Result<SqliteFile> keep = openFile(kept, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!keep)
            return Error{keep.error()};
        if (Status s = copyPages(current->get(), keep->get(), {}); !s) {
            removeDatabaseFiles(kept);
            return Error{
                QStringLiteral("Could not keep the archive as it was before restoring: %1").arg(s.error())};
        }
    }
    Result<SqliteFile> from = openFile(backup, SQLITE_OPEN_READWRITE);
    if (!from)
        return Error{from.error()};
    Result<SqliteFile> to = openFile(archivePath, SQLITE_OPEN_READWRITE);
    if (!to)
        return Error{to.error()};
    if (Status s = copyPages(from->get(), to->get(), {}); !s)
        return Error{QStringLiteral("Could not restore %1 (the archive is as it was, and kept in %2): %3")
                         .arg(backup, kept, s.error())};
    qCInfo(lcStorage) << "Restored" << archivePath << "from" << backup << "; it was kept in" << kept;
    return kept;
}

} // namespace mirsad::storage
