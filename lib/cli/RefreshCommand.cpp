#include "cli/Command.h"
#include "cli/RefreshLoop.h"
#include "ingest/FeedUpdater.h"
#include "storage/FeedQueries.h"

namespace mirsad::cli {

Command refreshCommand() {
    Command command;
    command.name = QStringLiteral("refresh");
    command.synopsis = QString();
    command.description =
        QStringLiteral("Fetch every subscribed feed (conditional GET; each feed in its own transaction).");
    command.addOptions = [](QCommandLineParser& parser) { addFetchOptions(parser); };
    command.run = [](CommandContext& context) -> int {
        if (!context.parser.positionalArguments().isEmpty()) {
            context.error(QStringLiteral("refresh takes no arguments."));
            return UsageError;
        }
        if (Result<feeds::FetchOptions> options = fetchOptions(context.parser); !options) {
            context.error(options.error());
            return UsageError;
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
