#include "cli/Command.h"
#include "cli/RefreshLoop.h"
#include "ingest/FeedUpdater.h"
#include "ingest/SourceImport.h"
#include "storage/FeedQueries.h"

namespace mirsad::cli {

Command importCommand() {
    Command command;
    command.name = QStringLiteral("import");
    command.synopsis = QStringLiteral("SOURCE...");
    command.description = QStringLiteral(
        "Import feed URLs, feed files (RSS/Atom/JSON), OPML files or article files (.txt/.html/.md), each "
        "source in its own transaction.");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("What to import."),
                                     QStringLiteral("SOURCE..."));
        addFetchOptions(parser);
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList sources = context.parser.positionalArguments();
        if (sources.isEmpty()) {
            context.error(QStringLiteral("import needs at least one source (a feed URL or a file)."));
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
        int failures = 0;
        QList<ingest::RefreshTarget> feeds;
        for (const QString& source : sources) {
            const ingest::SourceKind kind = ingest::classifySource(source);
            if (kind == ingest::SourceKind::FeedUrl || kind == ingest::SourceKind::FeedFile) {
                // Feeds are subscribed now and fetched together below.
                const QUrl url = ingest::feedUrlForSource(source);
                const QString key = url.toString(QUrl::FullyEncoded);
                const std::optional<qint64> known = storage::feedIdForUrl(**db, key);
                Result<qint64> feedId = known ? Result<qint64>(*known) : storage::addFeed(**db, key, {});
                if (!feedId) {
                    context.error(feedId.error());
                    ++failures;
                    continue;
                }
                ingest::RefreshTarget target;
                target.feedId = *feedId;
                target.url = url;
                target.isNew = !known;
                if (known) {
                    // A known feed refreshes as `refresh` would: with its validators and settings.
                    if (Result<storage::FeedInfo> info = storage::feedById(**db, *known))
                        target = ingest::FeedUpdater::targetsFor({*info}).value(0, target);
                }
                feeds << target;
                continue;
            }
            Result<ingest::SourceReport> report = ingest::importFileSource(**db, source, kind);
            if (!report) {
                context.error(report.error());
                ++failures;
                continue;
            }
            context.out << report->summary << Qt::endl;
        }
        failures += runRefresh(context, feeds);
        return failures == 0 ? Success : Failure;
    };
    return command;
}

} // namespace mirsad::cli
