#include "cli/Command.h"
#include "storage/ArchiveCopy.h"
#include "storage/Database.h"

#include <cstdlib>

namespace mirsad::cli {

namespace {

// An archive opened for the copy, closed when the command ends.
class OpenedArchive {
public:
    explicit OpenedArchive(const QString& purpose)
        : m_connection(storage::uniqueConnectionName(purpose)) {}
    ~OpenedArchive() {
        if (m_db.isValid()) {
            if (m_db.isOpen())
                (void)storage::tidyUpDatabase(m_db);
            m_db = QSqlDatabase();
            storage::closeDatabase(m_connection);
        }
    }
    OpenedArchive(const OpenedArchive&) = delete;
    OpenedArchive& operator=(const OpenedArchive&) = delete;

    Status open(const QString& location) {
        Result<QSqlDatabase> db = storage::openDatabase(location, m_connection);
        if (!db)
            return Error{db.error()};
        m_db = db.value();
        return {};
    }
    QSqlDatabase& db() { return m_db; }

private:
    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace

Command copyCommand() {
    Command command;
    command.name = QStringLiteral("copy");
    command.synopsis = QStringLiteral("--from LOCATION --to LOCATION [--batch-size N]");
    command.description =
        QStringLiteral("Copy a whole archive between an SQLite file and a PostgreSQL database, either way.");
    command.details = QStringLiteral(
        "A LOCATION is a file (SQLite) or a postgresql:// URI. Everything is copied: folders, feeds,\n"
        "articles with their read and starred state, names, user names and aliases, highlights, notes,\n"
        "watchlists and briefs, with their ids; the target's search index is built from the articles.\n"
        "It goes in batches, one transaction each, with progress on stderr. Started again after an\n"
        "interruption, it goes on where it stopped; rows the target has are left as they are. The\n"
        "target must be empty or an earlier copy of the same archive (its folders, feeds, articles,\n"
        "highlights, notes, watchlists and briefs all in the source under the same ids). At the end\n"
        "it prints the rows of each table in both and fails if any count differs.\n");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addOption({QStringLiteral("from"),
                          QStringLiteral("The archive to copy (default: --db, or the one the GUI opens)."),
                          QStringLiteral("LOCATION")});
        parser.addOption(
            {QStringLiteral("to"), QStringLiteral("Where to copy it."), QStringLiteral("LOCATION")});
        parser.addOption({QStringLiteral("batch-size"),
                          QStringLiteral("Rows per transaction (default 1000)."), QStringLiteral("N"),
                          QStringLiteral("1000")});
    };
    command.run = [](CommandContext& context) -> int {
        const QString from = context.parser.isSet(QStringLiteral("from"))
                                 ? context.parser.value(QStringLiteral("from"))
                                 : context.databasePath();
        const QString to = context.parser.value(QStringLiteral("to"));
        bool isNumber = false;
        const int batchSize = context.parser.value(QStringLiteral("batch-size")).toInt(&isNumber);
        if (to.isEmpty() || !context.parser.positionalArguments().isEmpty() || !isNumber || batchSize < 1) {
            context.error(
                QStringLiteral("copy needs --to LOCATION (and --from LOCATION unless --db names the "
                               "source); --batch-size is a number above 0."));
            return UsageError;
        }
        if (from == to) {
            context.error(
                QStringLiteral("copy needs two different locations; --from and --to are both %1.").arg(from));
            return UsageError;
        }
        OpenedArchive source(QStringLiteral("copy-from")), target(QStringLiteral("copy-to"));
        if (Status s = source.open(from); !s) {
            context.error(s.error());
            return Failure;
        }
        if (Status s = target.open(to); !s) {
            context.error(s.error());
            return Failure;
        }

        // A test's stand-in for a kill ("articles:2"): the process ends at once when that table's
        // committed rows reach the number, as if the power went.
        const QStringList killAt = qEnvironmentVariable("MIRSAD_TEST_COPY_KILL_AT").split(u':');
        storage::ArchiveCopyOptions options;
        options.batchSize = batchSize;
        options.progress = [&](const QString& table, qint64 done, qint64 total) {
            context.err << table << ": " << done << " of " << total << Qt::endl;
            if (killAt.size() == 2 && table == killAt[0] && done > 0 && done >= killAt[1].toLongLong())
                std::_Exit(Failure);
        };
        Result<QList<storage::CopyCount>> counts = storage::copyArchive(source.db(), target.db(), options);
        if (!counts) {
            context.error(counts.error());
            return Failure;
        }
        QStringList differing;
        for (const storage::CopyCount& count : *counts) {
            context.out << qSetFieldWidth(22) << Qt::left << count.table << qSetFieldWidth(10) << Qt::right
                        << count.source << count.target << qSetFieldWidth(0) << Qt::left
                        << (count.source == count.target ? "" : "  differs") << '\n';
            if (count.source != count.target)
                differing << count.table;
        }
        context.out.flush();
        if (!differing.isEmpty()) {
            context.error(
                QStringLiteral("The copy is not complete: %1 differ between the two archives (the rows "
                               "of each table are above, source then target).")
                    .arg(differing.join(QStringLiteral(", "))));
            return Failure;
        }
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
