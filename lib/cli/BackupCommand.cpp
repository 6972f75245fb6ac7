#include "cli/Command.h"
#include "storage/Backup.h"
#include "storage/Location.h"

#include <QFileInfo>
#include <QLocale>

namespace mirsad::cli {

namespace {

// The archive file these commands are about: --db, or the GUI's; a server is refused.
Result<QString> archiveFile(CommandContext& context) {
    Result<storage::Location> location = storage::Location::parse(context.databasePath());
    if (!location)
        return Error{location.error()};
    if (location->isPostgres())
        return Error{QStringLiteral("A team's archive on PostgreSQL is backed up and restored by its server "
                                    "(pg_dump and pg_restore, or the server's own backups), not by Mirsad.")};
    return QFileInfo(location->path).absoluteFilePath();
}

} // namespace

Command backupCommand() {
    Command command;
    command.name = QStringLiteral("backup");
    command.synopsis = QStringLiteral("[FILE]");
    command.description = QStringLiteral("Back up the archive file, while windows keep using it.");
    command.details = QStringLiteral(
        "Without FILE the backup goes beside the archive, in the folder <archive>.backups, named after\n"
        "the archive and the time (UTC). The copy is consistent (SQLite's online backup API), checked,\n"
        "and only then given its name: an interrupted backup leaves no file under it. Prints the path.\n");
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        if (args.size() > 1) {
            context.error(QStringLiteral("backup takes at most one FILE."));
            return UsageError;
        }
        Result<QString> archive = archiveFile(context);
        if (!archive) {
            context.error(archive.error());
            return Failure;
        }
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        const QString target =
            args.isEmpty() ? storage::newBackupPath(*archive) : QFileInfo(args[0]).absoluteFilePath();
        if (target == *archive) {
            context.error(QStringLiteral("The backup cannot be the archive itself."));
            return UsageError;
        }
        int lastPercent = -1;
        const Status made = storage::backupArchive(**db, target, [&](int done, int total) {
            const int percent = total > 0 ? done * 100 / total : 100;
            if (percent / 10 != lastPercent / 10)
                context.err << "backup: " << percent << " %" << Qt::endl;
            lastPercent = percent;
            return true;
        });
        if (!made) {
            context.error(made.error());
            return Failure;
        }
        context.out << target << Qt::endl;
        return Success;
    };
    return command;
}

Command restoreCommand() {
    Command command;
    command.name = QStringLiteral("restore");
    command.synopsis = QStringLiteral("[BACKUP] [--list]");
    command.description = QStringLiteral("Bring the archive file back from a backup (--list: the backups).");
    command.details = QStringLiteral(
        "The backup is checked first (PRAGMA quick_check, a Mirsad archive of a known schema). Nothing is\n"
        "lost: the archive as it was is kept as a backup of its own (in <archive>.backups), or, when it\n"
        "is damaged, moved aside as <archive>.damaged-<time>; prints where. Open windows on a sound archive\n"
        "see the restored one. --list prints the backups found, newest first: those in <archive>.backups\n"
        "and those made before upgrades (<archive>.vN.bak).\n");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addOption(
            {QStringLiteral("list"), QStringLiteral("List the archive's backups, newest first.")});
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        const bool list = context.parser.isSet(QStringLiteral("list"));
        if (list ? !args.isEmpty() : args.size() != 1) {
            context.error(QStringLiteral("restore takes one BACKUP file, or --list."));
            return UsageError;
        }
        Result<QString> archive = archiveFile(context);
        if (!archive) {
            context.error(archive.error());
            return Failure;
        }
        if (list) {
            for (const storage::ArchiveBackup& backup : storage::archiveBackups(*archive))
                context.out << QLocale::c().toString(backup.made.toUTC(),
                                                     QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                            << '\t' << backup.bytes << '\t' << backup.path << '\n';
            context.out.flush();
            return Success;
        }
        Result<QString> kept = storage::restoreArchive(QFileInfo(args[0]).absoluteFilePath(), *archive);
        if (!kept) {
            context.error(kept.error());
            return Failure;
        }
        context.out << "Restored " << *archive << " from " << args[0] << Qt::endl;
        if (!kept->isEmpty())
            context.out << "The archive as it was is kept in " << *kept << Qt::endl;
        return Success;
    };
    return command;
}

Command checkCommand() {
    Command command;
    command.name = QStringLiteral("check");
    command.synopsis = QString();
    command.description = QStringLiteral("Check that the archive file is sound (reads all of it).");
    command.run = [](CommandContext& context) -> int {
        Result<QString> archive = archiveFile(context);
        if (!archive) {
            context.error(archive.error());
            return Failure;
        }
        if (Status s = storage::checkArchiveFile(*archive); !s) {
            const QString advice = storage::restoreAdvice(*archive, s.error());
            context.error(advice.isEmpty() ? s.error() : s.error() + QLatin1Char(' ') + advice);
            return Failure;
        }
        context.out << *archive << ": sound" << Qt::endl;
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
