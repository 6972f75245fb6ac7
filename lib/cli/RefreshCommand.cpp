#include "cli/Command.h"
#include "cli/RefreshLoop.h"
#include "cli/RefreshWatch.h"
#include "ingest/FeedUpdater.h"
#include "storage/FeedQueries.h"

namespace mirsad::cli {

Command refreshCommand() {
    Command command;
    command.name = QStringLiteral("refresh");
    command.synopsis = QString();
    command.description =
        QStringLiteral("Fetch every subscribed feed (conditional GET; each feed in its own transaction).");
    command.details = QStringLiteral(
        "On a team's archive each fetch is claimed first: a feed a colleague is fetching, or fetched\n"
        "within the last minute, is not fetched again (the line says who did).\n"
        "With --watch it keeps running, fetching each feed when its refresh interval has passed,\n"
        "until SIGTERM or SIGINT (a team's refresher on its server: packaging/mirsad-refresh.service).");
    command.addOptions = [](QCommandLineParser& parser) {
        addFetchOptions(parser);
        parser.addOption({QStringLiteral("watch"),
                          QStringLiteral("Keep running: refresh each feed when it is due, until stopped.")});
        parser.addOption({QStringLiteral("check-every"),
                          QStringLiteral("With --watch: look for feeds due every SECONDS (default 60)."),
                          QStringLiteral("SECONDS"), QStringLiteral("60")});
    };
    command.run = [](CommandContext& context) -> int {
        if (!context.parser.positionalArguments().isEmpty()) {
            context.error(QStringLiteral("refresh takes no arguments."));
            return UsageError;
        }
        if (Result<feeds::FetchOptions> options = fetchOptions(context.parser); !options) {
            context.error(options.error());
            return UsageError;
        }
        if (context.parser.isSet(QStringLiteral("watch"))) {
            bool ok = false;
            const double seconds = context.parser.value(QStringLiteral("check-every")).toDouble(&ok);
            if (!ok || seconds < 1) {
                context.error(QStringLiteral("--check-every needs a number of seconds, 1 or more."));
                return UsageError;
            }
            return watchRefresh(context, std::chrono::seconds(qint64(seconds)));
        }
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(**db);
        if (!feeds) {
            context.error(feeds.error());
            return Failure;
        }
        const QList<ingest::RefreshTarget> targets = ingest::FeedUpdater::targetsFor(*feeds);
        if (targets.isEmpty()) {
            context.out << "No feeds to refresh: subscribe with 'mirsadctl import URL'." << Qt::endl;
            return Success;
        }
        return runRefresh(context, targets) == 0 ? Success : Failure;
    };
    return command;
}

} // namespace mirsad::cli
