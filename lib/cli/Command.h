#pragma once

#include "articles/Article.h"
#include "cli/Ctl.h"
#include "core/Result.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace mirsad::cli {

// What every command gets: its parsed options, the streams, and the database on demand.
class CommandContext {
public:
    CommandContext(QCommandLineParser& parser, QTextStream& out, QTextStream& err, QString databasePath);
    ~CommandContext();
    CommandContext(const CommandContext&) = delete;
    CommandContext& operator=(const CommandContext&) = delete;

    QCommandLineParser& parser;
    QTextStream& out;
    QTextStream& err;

    // Opens (and migrates) the database the first time it is asked for.
    Result<QSqlDatabase*> database();
    // Opens the database and loads article `id` whole (an Error when there is no such article).
    Result<Article> article(qint64 id);
    const QString& databasePath() const { return m_databasePath; }

    // Writes "mirsadctl: <message>" to err.
    void error(const QString& message);

private:
    QString m_databasePath;
    QString m_connectionName;
    QSqlDatabase m_db;
};

struct Command {
    QString name;
    QString synopsis;    // arguments, for the usage line
    QString description; // one line
    QString details;     // more, printed after the options by `mirsadctl COMMAND --help`
    std::function<void(QCommandLineParser&)> addOptions;
    std::function<int(CommandContext&)> run;
};

// The commands, one file each.
Command importCommand();
Command listCommand();
Command refreshCommand();
Command showCommand();
Command tagCommand();
Command entitiesCommand();
Command highlightCommand();
Command noteCommand();
Command annotationsCommand();
Command importAnnotationsCommand();
Command exportCommand();
Command copyCommand();
Command teamCommand();
Command backupCommand();
Command restoreCommand();
Command checkCommand();

// Helpers shared by commands.
QString isoUtc(const QDateTime& time);
// Whether --db was given (before or after the command), rather than the GUI's default.
bool databaseGiven(const CommandContext& context);

} // namespace mirsad::cli
