#include "cli/RefreshLoop.h"

#include "storage/DatabaseThread.h"

#include <QEventLoop>

namespace mirsad::cli {

void addFetchOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Abandon a fetch when no data arrives for SECONDS (default 30)."),
                      QStringLiteral("SECONDS"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("max-size"),
                      QStringLiteral("Abandon a feed larger than MB (default 50)."), QStringLiteral("MB"),
                      QStringLiteral("50")});
    parser.addOption(
        {QStringLiteral("parallel"),
         QStringLiteral("Feeds fetched at once at most (default 4; fewer past 8 MB of feeds on their way)."),
         QStringLiteral("N"), QStringLiteral("4")});
}

Result<feeds::FetchOptions> fetchOptions(const QCommandLineParser& parser) {
    feeds::FetchOptions options;
    bool ok = false;
    const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || seconds <= 0)
        return Error{QStringLiteral("--timeout needs a positive number of seconds.")};
    options.timeoutMs = int(seconds * 1000);
    const double megabytes = parser.value(QStringLiteral("max-size")).toDouble(&ok);
    if (!ok || megabytes <= 0)
        return Error{QStringLiteral("--max-size needs a positive number of megabytes.")};
    options.maxBytes = qint64(megabytes * 1024 * 1024);
    return options;
}

QString fetchedElsewhereLine(const ingest::RefreshOutcome& outcome) {
    const QString name = outcome.title.isEmpty() ? outcome.url.toDisplayString() : outcome.title;
    const QString who = outcome.fetchedBy.isEmpty() ? QStringLiteral("a colleague") : outcome.fetchedBy;
    if (outcome.fetchingNow)
        return QStringLiteral("%1: %2 is fetching it right now; not fetched again.").arg(name, who);
    const qint64 ago = qMax<qint64>(0, outcome.fetchedAt.secsTo(QDateTime::currentDateTimeUtc()));
    return QStringLiteral("%1: fetched by %2 %3 ago; not fetched again.")
        .arg(name, who, ago < 120 ? QStringLiteral("%1 s").arg(ago) : QStringLiteral("%1 min").arg(ago / 60));
}

QString movedLine(const ingest::RefreshOutcome& outcome) {
    return QStringLiteral("%1 moved permanently to %2; the subscription now uses the new address.")
        .arg(outcome.movedFrom.toDisplayString(), outcome.url.toDisplayString());
}

int runRefresh(CommandContext& context, const QList<ingest::RefreshTarget>& targets) {
    if (targets.isEmpty())
        return 0;
    Result<feeds::FetchOptions> options = fetchOptions(context.parser);
    if (!options) {
        context.error(options.error());
        return int(targets.size());
    }
    const int parallel = qBound(1, context.parser.value(QStringLiteral("parallel")).toInt(), 16);

    // The single writer: a connection of its own, on its own thread, as in the GUI.
    storage::DatabaseThread writer(context.databasePath(), QStringLiteral("ctl-writer"));
    if (Status opened = writer.open(false, storage::DatabaseThread::Use::Writing).result(); !opened) {
        context.error(opened.error());
        return int(targets.size());
    }
    ingest::FeedRefresher refresher(writer);
    refresher.setFetchOptions(*options);
    refresher.setMaxInFlight(parallel);
    int failures = 0;
    const int total = int(targets.size());
    int done = 0;
    QObject::connect(&refresher, &ingest::FeedRefresher::feedFinished, &refresher,
                     [&](const ingest::RefreshOutcome& outcome) {
                         ++done;
                         const QString name =
                             outcome.title.isEmpty() ? outcome.url.toDisplayString() : outcome.title;
                         if (!outcome.movedFrom.isEmpty() &&
                             outcome.kind != ingest::RefreshOutcome::Kind::AlreadySubscribed)
                             context.out << movedLine(outcome) << Qt::endl;
                         switch (outcome.kind) {
                         case ingest::RefreshOutcome::Kind::Stored:
                             context.out << QStringLiteral("%1: %2 new, %3 updated, %4 unchanged")
                                                .arg(name)
                                                .arg(outcome.report.inserted)
                                                .arg(outcome.report.updated)
                                                .arg(outcome.report.unchanged)
                                         << Qt::endl;
                             break;
                         case ingest::RefreshOutcome::Kind::NotModified:
                             context.out << QStringLiteral("%1: not modified").arg(name) << Qt::endl;
                             break;
                         case ingest::RefreshOutcome::Kind::Failed:
                             ++failures;
                             context.error(outcome.error);
                             break;
                         case ingest::RefreshOutcome::Kind::FetchedElsewhere:
                             context.out << fetchedElsewhereLine(outcome) << Qt::endl;
                             break;
                         case ingest::RefreshOutcome::Kind::AlreadySubscribed:
                             context.out << outcome.note << Qt::endl;
                             break;
                         }
                         if (total > 1)
                             context.err << QStringLiteral("[%1/%2] feeds done").arg(done).arg(total)
                                         << Qt::endl;
                     });
    QEventLoop loop;
    QObject::connect(&refresher, &ingest::FeedRefresher::finished, &loop, &QEventLoop::quit);
    refresher.refresh(targets);
    if (!refresher.isIdle())
        loop.exec();
    writer.drain();
    return failures;
}

} // namespace mirsad::cli
