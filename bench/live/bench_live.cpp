// How fast a shared note reaches colleagues' windows: a PostgreSQL server of its own (durable:
// fsync on), `clients` connections each with a ChangeListener, as that many Mirsad windows have,
// and one of them sharing notes on its writer thread, one at a time. Each note is timed from the
// moment its INSERT is sent (its commit included) to the moment each of the other clients'
// listeners signals annotationsChanged on the main thread (the listener's gathering included),
// which is where a window starts reading the notes again.

#include "PostgresServer.h"
#include "storage/ChangeListener.h"
#include "storage/Database.h"
#include "storage/DatabaseThread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mirsad;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index =
        size_t(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)));
    return values[index];
}

QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2) : u"?"_s;
}

// Runs the event loop until `done` holds or `ms` pass; whether it held.
template <typename Done> bool waitFor(Done done, int ms) {
    QElapsedTimer timer;
    timer.start();
    QTimer tick; // wakes the loop to see the time pass; arrivals are timed where they are signalled
    tick.start(5);
    while (!done()) {
        if (timer.elapsed() >= ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"rounds"_s, u"Notes shared, one after the other (default 200)."_s, u"N"_s, u"200"_s});
    parser.addOption({u"clients"_s, u"Clients connected and listening (default 10)."_s, u"N"_s, u"10"_s});
    parser.process(app);
    const int rounds = std::max(1, parser.value(u"rounds"_s).toInt());
    const int clients = std::max(2, parser.value(u"clients"_s).toInt());
    QTextStream out(stdout);

    QTemporaryDir dir;
    PostgresServer server;
    if (!server.start(dir.filePath(u"postgres"_s))) {
        out << "Could not start the PostgreSQL server: " << server.error() << Qt::endl;
        return 1;
    }
    const QString location = server.createDatabase(u"live"_s);
    if (location.isEmpty()) {
        out << "Could not make the database: " << server.error() << Qt::endl;
        return 1;
    }
    qint64 articleId = 0;
    {
        // The schema, one feed and one article to write notes on.
        const QString connection = storage::uniqueConnectionName(u"setup"_s);
        Result<QSqlDatabase> db = storage::openDatabase(location, connection, true);
        if (!db) {
            out << db.error() << Qt::endl;
            return 1;
        }
        QSqlQuery query(*db);
        if (!query.exec(u"INSERT INTO feeds (url, created) VALUES ('https://live.example/feed', 0)"_s) ||
            !query.exec(u"INSERT INTO articles (feed_id, dedupe_key, fetched, sort_time, content_hash) "
                        "SELECT id, 'a', 0, 0, 'h' FROM feeds RETURNING id"_s) ||
            !query.next()) {
            out << query.lastError().text() << Qt::endl;
            return 1;
        }
        articleId = query.value(0).toLongLong();
        *db = QSqlDatabase();
        storage::closeDatabase(connection);
    }

    // Every client listens; client 0 also writes, on a thread of its own as a window's writer.
    std::vector<std::unique_ptr<storage::ChangeListener>> listeners;
    for (int i = 0; i < clients; ++i) {
        listeners.push_back(std::make_unique<storage::ChangeListener>());
        QFuture<Status> started = listeners.back()->start(location);
        while (!started.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!started.result()) {
            out << "Client " << i << " could not listen: " << started.result().error() << Qt::endl;
            return 1;
        }
    }
    storage::DatabaseThread writer(location, u"writer"_s);
    if (Status opened = writer.open(false).result(); !opened) {
        out << opened.error() << Qt::endl;
        return 1;
    }

    std::vector<Clock::time_point> arrivals(static_cast<size_t>(clients));
    std::vector<bool> arrived(static_cast<size_t>(clients));
    // The announcement itself, before the listener gathers it with what follows (kGatherMs).
    std::vector<Clock::time_point> announcements(static_cast<size_t>(clients));
    std::vector<bool> announced(static_cast<size_t>(clients));
    for (int i = 1; i < clients; ++i) {
        QObject::connect(listeners[size_t(i)].get(), &storage::ChangeListener::annotationsChanged, &app,
                         [&, i](const QSet<qint64>& ids, bool all) {
                             if ((all || ids.contains(articleId)) && !arrived[size_t(i)]) {
                                 arrivals[size_t(i)] = Clock::now();
                                 arrived[size_t(i)] = true;
                             }
                         });
        QObject::connect(listeners[size_t(i)].get(), &storage::ChangeListener::announced, &app, [&, i] {
            if (!announced[size_t(i)]) {
                announcements[size_t(i)] = Clock::now();
                announced[size_t(i)] = true;
            }
        });
    }

    out << u"bench_live: %1 clients on one PostgreSQL server (local, fsync on), %2 shared notes; load average %3"_s
               .arg(clients)
               .arg(rounds)
               .arg(loadAverage())
        << Qt::endl;
    std::vector<double> raw;         // every client's every note as announced, before gathering, ms
    std::vector<double> latencies;   // every client's every note, ms
    std::vector<double> slowest;     // per note: the last client to have it, ms
    std::vector<double> commitTimes; // per note: the INSERT with its commit, ms
    int missed = 0;
    for (int round = 0; round < rounds; ++round) {
        std::fill(arrived.begin(), arrived.end(), false);
        std::fill(announced.begin(), announced.end(), false);
        const Clock::time_point sent = Clock::now();
        // Blocks the main thread only until the statement returns: an arrival cannot precede the commit.
        const auto [inserted, stored] =
            writer
                .run([articleId, round](QSqlDatabase& db) {
                    QSqlQuery query(db);
                    const bool ok =
                        query.exec(u"INSERT INTO notes (article_id, body, created, updated, shared) "
                                   "VALUES (%1, 'Shared note %2', 0, 0, 1)"_s.arg(articleId)
                                       .arg(round));
                    return std::pair{ok, Clock::now()};
                })
                .result();
        commitTimes.push_back(std::chrono::duration<double, std::milli>(stored - sent).count());
        if (!inserted) {
            out << "The note could not be stored." << Qt::endl;
            return 1;
        }
        const bool all = waitFor(
            [&] { return std::all_of(arrived.begin() + 1, arrived.end(), [](bool a) { return a; }); }, 5000);
        double last = 0;
        for (int i = 1; i < clients; ++i) {
            if (!arrived[size_t(i)]) {
                ++missed;
                continue;
            }
            const double ms = std::chrono::duration<double, std::milli>(arrivals[size_t(i)] - sent).count();
            latencies.push_back(ms);
            if (announced[size_t(i)])
                raw.push_back(
                    std::chrono::duration<double, std::milli>(announcements[size_t(i)] - sent).count());
            last = std::max(last, ms);
        }
        if (all)
            slowest.push_back(last);
        waitFor([] { return false; }, 10); // a colleague does not share a note every millisecond
    }

    out << u"note stored (INSERT + commit, fsync): p50 %1 ms, p95 %2 ms"_s
               .arg(percentile(commitTimes, 0.5), 0, 'f', 1)
               .arg(percentile(commitTimes, 0.95), 0, 'f', 1)
        << Qt::endl;
    out << u"arrival at each other client (%1 samples): p50 %2 ms, p95 %3 ms, max %4 ms"_s
               .arg(latencies.size())
               .arg(percentile(latencies, 0.5), 0, 'f', 1)
               .arg(percentile(latencies, 0.95), 0, 'f', 1)
               .arg(latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end()), 0, 'f', 1)
        << Qt::endl;
    out << u"announcement received (before the listener's 20 ms gathering): p50 %1 ms, p95 %2 ms"_s
               .arg(percentile(raw, 0.5), 0, 'f', 1)
               .arg(percentile(raw, 0.95), 0, 'f', 1)
        << Qt::endl;
    out << u"arrival at the last of the %1 others: p50 %2 ms, p95 %3 ms"_s.arg(clients - 1)
               .arg(percentile(slowest, 0.5), 0, 'f', 1)
               .arg(percentile(slowest, 0.95), 0, 'f', 1)
        << Qt::endl;
    out << u"missed (not within 5 s): %1; load average after: %2"_s.arg(missed).arg(loadAverage())
        << Qt::endl;
    listeners.clear();
    return missed == 0 && percentile(latencies, 0.95) < 1000 ? 0 : 1;
}
