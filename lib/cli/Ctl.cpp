#include "cli/Ctl.h"

#include "cli/Command.h"
#include "cli/PasswordPrompt.h"
#include "core/MemoryTuning.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Location.h"
#include "storage/PostgresDatabase.h"

#include <QCoreApplication>

namespace mirsad::cli {

namespace {

QList<Command> commands() {
    return {importCommand(),      refreshCommand(),
            listCommand(),        showCommand(),
            tagCommand(),         entitiesCommand(),
            highlightCommand(),   noteCommand(),
            annotationsCommand(), importAnnotationsCommand(),
            exportCommand(),      copyCommand(),
            teamCommand(),        backupCommand(),
            restoreCommand(),     checkCommand()};
}

QCommandLineOption databaseOption() {
    return QCommandLineOption(QStringList{QStringLiteral("db")},
                              QStringLiteral("The archive: an SQLite file, or a PostgreSQL server as a URI "
                                             "(postgresql://user@host/database?sslmode=require); "
                                             "default: the file the GUI opens."),
                              QStringLiteral("LOCATION"));
}

QString usage() {
    QString text = QStringLiteral("Usage: mirsadctl [--db LOCATION] COMMAND [ARGS]\n\nCommands:\n");
    for (const Command& command : commands())
        text +=
            QStringLiteral("  %1 %2\n      %3\n").arg(command.name, command.synopsis, command.description);
    text += QStringLiteral(
        "\nSearch (list --query): every word must match, in any of its forms (اربيل finds وأربيل,\n"
        "delegations finds delegation); \"exact phrase\"; a OR b; -word leaves out; prefix* for a prefix.\n"
        "\nRun 'mirsadctl COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace

CommandContext::CommandContext(QCommandLineParser& parser_, QTextStream& out_, QTextStream& err_,
                               QString databasePath)
    : parser(parser_)
    , out(out_)
    , err(err_)
    , m_databasePath(std::move(databasePath)) {
}

CommandContext::~CommandContext() {
    if (!m_connectionName.isEmpty()) {
        if (m_db.isOpen()) {
            if (Status s = storage::tidyUpDatabase(m_db); !s)
                err << "mirsadctl: " << s.error() << Qt::endl;
        }
        m_db = QSqlDatabase();
        storage::closeDatabase(m_connectionName);
    }
}

Result<QSqlDatabase*> CommandContext::database() {
    if (m_db.isOpen())
        return &m_db;
    // A team server that wants a password none of libpq's places holds: ask on the terminal.
    if (Result<storage::Location> location = storage::Location::parse(m_databasePath);
        location && location->isPostgres() && location->password.isEmpty()) {
        const storage::ConnectionCheck check = storage::checkPostgresConnection(*location);
        if (check.needsPassword) {
            const QString password =
                promptPassword(QStringLiteral("Password for %1: ")
                                   .arg(location->user.isEmpty() ? location->display() : location->user));
            if (!password.isEmpty())
                storage::rememberPassword(*location, password);
        }
    }
    m_connectionName = storage::uniqueConnectionName(QStringLiteral("ctl"));
    Result<QSqlDatabase> db = storage::openDatabase(m_databasePath, m_connectionName);
    if (!db) {
        m_connectionName.clear();
        return Error{db.error()};
    }
    m_db = db.value();
    return &m_db;
}

Result<Article> CommandContext::article(qint64 id) {
    Result<QSqlDatabase*> db = database();
    if (!db)
        return Error{db.error()};
    return storage::loadArticle(**db, id);
}

void CommandContext::error(const QString& message) {
    err << "mirsadctl: " << message << Qt::endl;
}

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

int runCtl(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    // The global part: options before the command, then the command and its own arguments.
    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    global.addOption(databaseOption());
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringList{QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    global.addOption(help);
    global.addOption(version);
    if (!global.parse(arguments)) {
        err << "mirsadctl: " << global.errorText() << "\n\n" << usage();
        return UsageError;
    }
    if (global.isSet(version)) {
        out << "mirsadctl " << MIRSAD_VERSION << " (" << allocatorDescription() << ')' << Qt::endl;
        return Success;
    }
    const QStringList rest = global.positionalArguments();
    if (global.isSet(help) || rest.isEmpty()) {
        (rest.isEmpty() && !global.isSet(help) ? err : out) << usage();
        return global.isSet(help) ? Success : UsageError;
    }
    const QString name = rest.first();
    const QList<Command> all = commands();
    const auto command =
        std::find_if(all.begin(), all.end(), [&](const Command& c) { return c.name == name; });
    if (command == all.end()) {
        err << "mirsadctl: unknown command '" << name << "'.\n\n" << usage();
        return UsageError;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->description);
    parser.addOption(databaseOption());
    parser.addOption(help);
    if (command->addOptions)
        command->addOptions(parser);
    QStringList commandArguments{QStringLiteral("mirsadctl %1").arg(name)};
    commandArguments += rest.mid(1);
    if (!parser.parse(commandArguments)) {
        err << "mirsadctl " << name << ": " << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        if (!command->details.isEmpty())
            out << '\n' << command->details;
        return Success;
    }
    QString databasePath = parser.value(QStringLiteral("db"));
    if (databasePath.isEmpty())
        databasePath = global.value(QStringLiteral("db"));
    if (databasePath.isEmpty())
        databasePath = storage::defaultDatabasePath();
    CommandContext context(parser, out, err, databasePath);
    return command->run(context);
}

} // namespace mirsad::cli
