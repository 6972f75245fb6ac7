#include "cli/Command.h"
#include "storage/Team.h"

namespace mirsad::cli {

Command teamCommand() {
    Command command;
    command.name = QStringLiteral("team");
    command.synopsis = QStringLiteral("init | add NAME [--role reader|analyst|admin] | remove NAME | list");
    command.description = QStringLiteral("Set up and manage the people of a team's archive on PostgreSQL.");
    command.details = QStringLiteral(
        "Each analyst connects as a PostgreSQL login role of their own. 'init' (by the database's\n"
        "owner) makes the groups DB_reader, DB_analyst and DB_admin, named after the database, and\n"
        "grants them their rights; 'add' makes a person's role when missing (without a password:\n"
        "set one with psql's \\password NAME) and puts it in one group; 'remove' takes it out of\n"
        "them, keeping its highlights and notes. Readers read and mark articles read; analysts also\n"
        "import, teach names and annotate; admins also add and remove people. Each highlight and\n"
        "note is private to its author until shared, and only its author changes it: the server\n"
        "enforces this (row-level security), for psql as for Mirsad. README: \"A team's archive\".\n");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("init, add, remove or list."));
        parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The person's role name."),
                                     QStringLiteral("[NAME]"));
        parser.addOption({QStringLiteral("role"),
                          QStringLiteral("With add: reader, analyst (default) or admin."),
                          QStringLiteral("R"), QStringLiteral("analyst")});
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        const QString action = args.value(0);
        const bool named = action == u"add" || action == u"remove";
        if (!(named || action == u"init" || action == u"list") || args.size() != (named ? 2 : 1)) {
            context.error(QStringLiteral("team needs one of: init, add NAME, remove NAME, list."));
            return UsageError;
        }
        const std::optional<storage::TeamRole> role =
            storage::teamRoleFromName(context.parser.value(QStringLiteral("role")));
        if (!role) {
            context.error(QStringLiteral("--role is reader, analyst or admin, not \"%1\".")
                              .arg(context.parser.value(QStringLiteral("role"))));
            return UsageError;
        }
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        Status done;
        if (action == u"init") {
            done = storage::initTeam(**db);
            if (done)
                context.out
                    << "The team of this archive is set up: add people with 'mirsadctl team add NAME'."
                    << Qt::endl;
        } else if (action == u"add") {
            done = storage::addTeamMember(**db, args.at(1), *role);
            if (done)
                context.out << args.at(1) << " is in the team, as " << storage::teamRoleName(*role) << '.'
                            << Qt::endl;
        } else if (action == u"remove") {
            done = storage::removeTeamMember(**db, args.at(1));
            if (done)
                context.out << args.at(1) << " is no longer in the team; their highlights and notes stay."
                            << Qt::endl;
        } else {
            Result<QList<storage::TeamMember>> members = storage::teamMembers(**db);
            if (!members) {
                done = Error{members.error()};
            } else {
                for (const storage::TeamMember& member : *members)
                    context.out << member.name << '\t' << storage::teamRoleName(member.role) << '\n';
                context.out.flush();
            }
        }
        if (!done) {
            context.error(done.error());
            return Failure;
        }
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
