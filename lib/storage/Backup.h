#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace mirsad::storage {

// Backups of an archive file, made with SQLite's online backup API: a consistent copy of the whole
// database while windows go on reading and writing it. (A team's archive on PostgreSQL is its
// server's to back up, with pg_dump or the server's own backups.)

// Where an archive's backups go unless told otherwise: a folder beside it, "<file>.backups".
QString backupFolder(const QString& archivePath);
// A new backup's name in that folder: the archive's name, the time (UTC) and a tag if given.
QString newBackupPath(const QString& archivePath, const QDateTime& now = QDateTime::currentDateTimeUtc(),
                      const QString& tag = {});

// Copies the archive open on `db` to `target`. The copy is written beside it under a temporary
// name, checked, and only then renamed to `target` (replacing a file there): an interrupted or
// failed backup leaves nothing under that name. `progress(pagesDone, pagesTotal)` after each step;
// returning false stops the backup.
Status backupArchive(const QSqlDatabase& db, const QString& target,
                     const std::function<bool(int, int)>& progress = {});

struct ArchiveBackup {
    QString path;
    QDateTime made; // the file's last change
    qint64 bytes = 0;
};
// The archive's backups, newest first: those in its backup folder and those Mirsad made beside it
// before upgrading it ("<file>.vN.bak").
QList<ArchiveBackup> archiveBackups(const QString& archivePath);

// Whether the file at `path` is a sound archive: an SQLite database whose pages pass
// PRAGMA quick_check, of a schema this Mirsad knows. Reads the whole file.
Status checkArchiveFile(const QString& path);

// When opening `archivePath` failed for `reason`: a sentence naming its newest backup and the command
// that restores it, or nothing when there is none or the reason is not a damaged file.
QString restoreAdvice(const QString& archivePath, const QString& reason);

// Replaces the archive at `archivePath` with `backup`, after checking the backup. Nothing is lost:
// a sound archive is first backed up itself, a damaged one is moved aside (its path returned,
// either way). A sound archive is overwritten through SQLite, so that windows that have it open
// see the restored archive; a damaged one is replaced as a file.
Result<QString> restoreArchive(const QString& backup, const QString& archivePath);

} // namespace mirsad::storage
