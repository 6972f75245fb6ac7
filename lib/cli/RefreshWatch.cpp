#include "cli/RefreshWatch.h"

#include "cli/RefreshLoop.h"
#include "cli/StopSignals.h"
#include "ingest/FeedUpdater.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"
#include "storage/Location.h"
#include "storage/Reconnect.h"

#include <QEventLoop>
#include <QTimer>

namespace mirsad::cli {

namespace {

// One line per event on stderr. Under systemd (JOURNAL_STREAM names the journal's stream) the
// line starts with its syslog priority, which journald reads and strips, and has no time (the
// journal keeps its own); on a terminal or in a file it starts with the time in UTC.
class ServiceLog {
public:
    explicit ServiceLog(QTextStream& err)
        : m_err(err)
        , m_journal(qEnvironmentVariableIsSet("JOURNAL_STREAM")) {}

    void info(const QString& line) { write(6, line); }
    void warning(const QString& line) { write(4, line); }
    void error(const QString& line) { write(3, line); }

private:
    void write(int priority, const QString& line) {
        if (m_journal)
            m_err << '<' << priority << '>' << line << Qt::endl;
        else
            m_err << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' ' << line << Qt::endl;
    }

    QTextStream& m_err;
    bool m_journal;
};

QString feedName(const ingest::RefreshOutcome& outcome) {
    return outcome.title.isEmpty() ? outcome.url.toDisplayString() : outcome.title;
}

// What one round of due feeds came to, for its summary line.
struct Round {
    int stored = 0;
    int newArticles = 0;
    int notModified = 0;
    int elsewhere = 0;
    int failed = 0;
    int total() const { return stored + notModified + elsewhere + failed; }
};

} // namespace

int watchRefresh(CommandContext& context, std::chrono::seconds checkEvery) {
    ServiceLog log(context.err);
    Result<feeds::FetchOptions> options = fetchOptions(context.parser);
    if (!options) {
        context.error(options.error());
        return UsageError;
    }
    Result<QSqlDatabase*> db = context.database(); // opens and migrates
    if (!db) {
        log.error(db.error());
        return Failure;
    }
    storage::DatabaseThread writer(context.databasePath(), QStringLiteral("ctl-writer"));
    if (Status opened = writer.open(false, storage::DatabaseThread::Use::Writing).result(); !opened) {
        log.error(opened.error());
        return Failure;
    }
    ingest::FeedRefresher refresher(writer);
    refresher.setFetchOptions(*options);
    refresher.setMaxInFlight(qBound(1, context.parser.value(QStringLiteral("parallel")).toInt(), 16));

    QEventLoop loop;
    QTimer check;
    check.setInterval(checkEvery);
    bool stopping = false;
    Round round;

    QObject::connect(&refresher, &ingest::FeedRefresher::feedFinished, &refresher,
                     [&](const ingest::RefreshOutcome& outcome) {
                         if (!outcome.movedFrom.isEmpty())
                             log.info(movedLine(outcome));
                         switch (outcome.kind) {
                         case ingest::RefreshOutcome::Kind::Stored:
                             ++round.stored;
                             round.newArticles += outcome.report.inserted;
                             if (outcome.report.inserted > 0 || outcome.report.updated > 0)
                                 log.info(QStringLiteral("%1: %2 new, %3 updated")
                                              .arg(feedName(outcome))
                                              .arg(outcome.report.inserted)
                                              .arg(outcome.report.updated));
                             break;
                         case ingest::RefreshOutcome::Kind::NotModified:
                             ++round.notModified;
                             break;
                         case ingest::RefreshOutcome::Kind::FetchedElsewhere:
                             ++round.elsewhere;
                             log.info(fetchedElsewhereLine(outcome));
                             break;
                         case ingest::RefreshOutcome::Kind::AlreadySubscribed:
                             log.info(outcome.note); // a duplicate subscription, removed
                             break;
                         case ingest::RefreshOutcome::Kind::Failed:
                             if (!stopping) {
                                 ++round.failed;
                                 log.warning(outcome.error);
                             }
                             break;
                         }
                     });
    QObject::connect(&refresher, &ingest::FeedRefresher::finished, &refresher, [&] {
        if (stopping) {
            loop.quit();
            return;
        }
        if (round.total() > 0)
            log.info(QStringLiteral("Refreshed %1 due feeds: %2 stored (%3 new articles), %4 not modified, "
                                    "%5 fetched by colleagues, %6 failed.")
                         .arg(round.total())
                         .arg(round.stored)
                         .arg(round.newArticles)
                         .arg(round.notModified)
                         .arg(round.elsewhere)
                         .arg(round.failed));
        round = {};
    });

    const auto refreshDue = [&] {
        if (stopping || !refresher.isIdle())
            return; // the next check finds what is still due
        // A team's server may have restarted since the last round: connect again if so.
        if (Status s = storage::reconnect(**db); !s) {
            log.warning(s.error());
            return;
        }
        Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(**db);
        if (!feeds) {
            log.warning(feeds.error());
            return;
        }
        const QList<ingest::RefreshTarget> due = ingest::FeedUpdater::targetsFor(
            ingest::FeedUpdater::dueFeeds(*feeds, QDateTime::currentDateTimeUtc()),
            storage::FetchReason::Due);
        if (due.isEmpty())
            return;
        writer.run([](QSqlDatabase& writing) { return storage::reconnect(writing); });
        refresher.refresh(due);
    };
    QObject::connect(&check, &QTimer::timeout, &loop, refreshDue);

    StopSignals signals_;
    QObject::connect(&signals_, &StopSignals::stopRequested, &loop, [&](int number) {
        if (stopping)
            return;
        stopping = true;
        check.stop();
        log.info(QStringLiteral("Stopping (signal %1).").arg(number));
        refresher.cancel();
        if (refresher.isIdle())
            loop.quit();
    });

    Result<storage::Location> location = storage::Location::parse(context.databasePath());
    log.info(QStringLiteral("Watching the feeds of %1: checking every %2 s for feeds due.")
                 .arg(location ? location->display() : context.databasePath())
                 .arg(checkEvery.count()));
    check.start();
    QTimer::singleShot(0, &loop, refreshDue);
    loop.exec();
    writer.drain();
    log.info(QStringLiteral("Stopped."));
    return Success;
}

} // namespace mirsad::cli
