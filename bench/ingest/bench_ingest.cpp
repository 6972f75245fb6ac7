// Ingest benchmark: generates a corpus of news feeds (by default 10 feeds x 2,000 items, Arabic
// and English, RSS and Atom, about 76 MB), serves it on loopback and times, end to end,
//   mirsadctl --db FRESH import URL1..URLn            (fetch, parse, sanitise, tag, store, index)
//   mirsadctl --db postgresql://... import URL1..URLn (the same into a fresh PostgreSQL database on
//                                                      a local server the benchmark starts, durable)
//   newsboat -u URLS -c FRESH_CACHE -x reload          (if newsboat is installed)
// alternating the two, several runs each; reports medians of wall time, items/s and peak RSS
// (the child's ru_maxrss) and checks the goal: Mirsad at least 2x Newsboat's items/s with no
// larger peak memory; and the size of the two databases (Mirsad's file and its WAL after a
// checkpoint, Newsboat's cache.db), with the goal Mirsad at most 1.2x Newsboat's; and what the search
// vocabulary adds to the full-text index (issue 19: at most 15 %). Exits 1 when a goal is missed or
// a run fails. PostgreSQL's goal (issue 21): at least 1x Newsboat's items/s; without Newsboat it
// is reported against SQLite's. A server that cannot start fails the benchmark with the reason.
// Run: ctest -C bench -L bench --verbose, or bench_ingest [--runs N] [--feeds N] [--items N].

#include "ChildRun.h"
#include "FeedCorpus.h"
#include "PlainDatabase.h"
#include "PostgresServer.h"
#include "SearchIndexSize.h"
#include "StaticHttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The search index's size and its vocabulary's in an SQLite file (a plain connection: dbstat reads
// the tables' pages without Mirsad's tokenizer).
SearchIndexSize indexSize(const QString& path) {
    SearchIndexSize size;
    withPlainDatabase(path, [&](QSqlDatabase& db) {
        if (db.isValid())
            size = measureSearchIndexSize(db);
        else
            size.error = u"cannot open the database"_s;
    });
    return size;
}

// The bytes an SQLite database takes on disk once its WAL is checkpointed into it: the file and
// what is left of its WAL (nothing after a TRUNCATE checkpoint).
qint64 databaseBytes(const QString& path) {
    withPlainDatabase(path, [](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (db.isValid())
            query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    });
    qint64 bytes = 0;
    for (const QString& suffix : {u""_s, u"-wal"_s})
        bytes += QFileInfo(path + suffix).size();
    return bytes;
}

struct Contender {
    QString name;
    std::vector<double> wall, itemsPerSecond, rssMb, cpu, databaseMb;
    int failures = 0;

    void add(const ChildRun& run, qint64 stored, qint64 bytes) {
        databaseMb.push_back(double(bytes) / 1e6);
        wall.push_back(run.wallSeconds);
        itemsPerSecond.push_back(run.wallSeconds > 0 ? double(stored) / run.wallSeconds : 0);
        rssMb.push_back(double(run.peakRssKb) / 1024.0);
        cpu.push_back(run.cpuSeconds);
    }
};

void printRun(const QString& name, int run, const ChildRun& result, qint64 stored, qint64 bytes) {
    out << u"  %1 run %2: %3 s wall, %4 s CPU (%9 s system), %5 items stored, %6 items/s, peak RSS %7 MB, "
           u"database %10 MB, exit %8"_s.arg(name, -8)
               .arg(run)
               .arg(result.wallSeconds, 0, 'f', 2)
               .arg(result.cpuSeconds, 0, 'f', 2)
               .arg(stored)
               .arg(result.wallSeconds > 0 ? double(stored) / result.wallSeconds : 0, 0, 'f', 0)
               .arg(double(result.peakRssKb) / 1024.0, 0, 'f', 1)
               .arg(result.exitCode)
               .arg(result.systemSeconds, 0, 'f', 2)
               .arg(double(bytes) / 1e6, 0, 'f', 1)
        << Qt::endl;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times mirsadctl import against newsboat on a generated corpus."_s);
    parser.addHelpOption();
    parser.addOption({u"runs"_s, u"Runs of each program (default 5)."_s, u"N"_s, u"5"_s});
    parser.addOption({u"feeds"_s, u"Feeds in the corpus (default 10)."_s, u"N"_s, u"10"_s});
    parser.addOption({u"items"_s, u"Items per feed (default 2000)."_s, u"N"_s, u"2000"_s});
    parser.addOption(
        {u"mirsadctl"_s, u"The mirsadctl to time."_s, u"PATH"_s, QStringLiteral(MIRSADCTL_PATH)});
    parser.addOption({u"newsboat"_s, u"The newsboat to compare with (default: from PATH)."_s, u"PATH"_s});
    parser.addOption({u"mirsad-only"_s, u"Do not run newsboat."_s});
    parser.addOption({u"no-postgres"_s, u"Do not time the import into PostgreSQL."_s});
    parser.addOption({u"import-option"_s,
                      u"Pass OPTION to mirsadctl import (repeatable), e.g. --parallel=2."_s, u"OPTION"_s});
    parser.addOption({u"keep"_s, u"Keep the corpus, databases and logs in DIR."_s, u"DIR"_s});
    parser.addOption({u"write-corpus"_s, u"Write the corpus into DIR and exit (for profiling)."_s, u"DIR"_s});
    parser.process(app);

    CorpusOptions options;
    options.feeds = qMax(1, parser.value(u"feeds"_s).toInt());
    options.itemsPerFeed = qMax(1, parser.value(u"items"_s).toInt());
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());
    const qint64 expected = qint64(options.feeds) * options.itemsPerFeed;
    const QString mirsadctl = parser.value(u"mirsadctl"_s);
    QString newsboat = parser.isSet(u"newsboat"_s) ? parser.value(u"newsboat"_s)
                                                   : QStandardPaths::findExecutable(u"newsboat"_s);
    if (parser.isSet(u"mirsad-only"_s))
        newsboat.clear();

    QTemporaryDir temporary;
    QString work = temporary.path();
    if (parser.isSet(u"keep"_s)) {
        work = parser.value(u"keep"_s);
        QDir().mkpath(work);
    }
    QDir dir(work);
    dir.mkpath(u"home"_s);

    QElapsedTimer timer;
    timer.start();
    const QList<CorpusFeed> corpus = generateCorpus(options);
    if (parser.isSet(u"write-corpus"_s)) {
        const QDir target(parser.value(u"write-corpus"_s));
        target.mkpath(u"."_s);
        for (const CorpusFeed& feed : corpus) {
            QFile file(target.filePath(feed.path.mid(1)));
            if (!file.open(QIODevice::WriteOnly) || file.write(feed.body) != feed.body.size())
                return 1;
        }
        return 0;
    }
    qint64 corpusBytes = 0;
    StaticHttpServer server;
    for (const CorpusFeed& feed : corpus) {
        corpusBytes += feed.body.size();
        server.addRoute(feed.path.toUtf8(), feed.body,
                        feed.atom ? "application/atom+xml; charset=utf-8"
                                  : "application/rss+xml; charset=utf-8");
    }
    if (!server.start()) {
        out << "Could not listen on 127.0.0.1." << Qt::endl;
        return 1;
    }
    QStringList urls;
    for (const CorpusFeed& feed : corpus)
        urls << server.url(feed.path).toString();
    {
        QFile urlsFile(dir.filePath(u"urls"_s));
        if (!urlsFile.open(QIODevice::WriteOnly))
            return 1;
        urlsFile.write(urls.join(u'\n').toUtf8() + '\n');
    }
    out << u"Corpus: %1 feeds x %2 items = %3 items, %4 MB (generated in %5 s), served at %6"_s
               .arg(options.feeds)
               .arg(options.itemsPerFeed)
               .arg(expected)
               .arg(double(corpusBytes) / 1e6, 0, 'f', 1)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
               .arg(server.url(u"/"_s).toString())
        << Qt::endl;
    out << u"Mirsad:   %1 --db FRESH import URL1..URL%2"_s.arg(mirsadctl).arg(options.feeds) << Qt::endl;
    if (newsboat.isEmpty())
        out << "Newsboat: not found on PATH (install the newsboat package to compare); timing Mirsad alone."
            << Qt::endl;
    else
        out << u"Newsboat: %1 -u URLS -c FRESH_CACHE -x reload"_s.arg(newsboat) << Qt::endl;

    const QStringList environment = {u"HOME="_s + dir.filePath(u"home"_s),
                                     u"XDG_CONFIG_HOME="_s + dir.filePath(u"home/.config"_s),
                                     u"XDG_DATA_HOME="_s + dir.filePath(u"home/.local/share"_s),
                                     u"LC_ALL=C.UTF-8"_s, u"QT_QPA_PLATFORM=offscreen"_s};
    const bool withPostgres = !parser.isSet(u"no-postgres"_s);
    PostgresServer postgres;
    if (withPostgres) {
        if (!postgres.start(dir.filePath(u"postgres"_s))) {
            out << "Could not start the PostgreSQL server for the PostgreSQL column: " << postgres.error()
                << Qt::endl;
            return 1;
        }
        out << u"Postgres: %1 --db postgresql://.../FRESH import URL1..URL%2 (a local server, fsync on)"_s
                   .arg(mirsadctl)
                   .arg(options.feeds)
            << Qt::endl;
    }
    Contender mirsad{u"mirsad"_s, {}, {}, {}, {}, {}, 0};
    Contender pg{u"postgres"_s, {}, {}, {}, {}, {}, 0};
    Contender boat{u"newsboat"_s, {}, {}, {}, {}, {}, 0};
    std::vector<double> vocabularyGrowth; // percent of the search index, each Mirsad run
    for (int run = 1; run <= runs; ++run) {
        const QString db = dir.filePath(u"mirsad-%1.sqlite"_s.arg(run));
        for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(db + suffix);
        const ChildRun m = runChild(
            mirsadctl, QStringList{u"--db"_s, db, u"import"_s} + parser.values(u"import-option"_s) + urls,
            environment, dir.filePath(u"mirsad-%1.log"_s.arg(run)));
        const qint64 stored = countRows(db, u"articles"_s);
        const qint64 bytes = databaseBytes(db);
        printRun(mirsad.name, run, m, stored, bytes);
        const SearchIndexSize size = indexSize(db);
        out << "           " << size.describe() << Qt::endl;
        if (size.isValid())
            vocabularyGrowth.push_back(size.growthPercent());
        if (m.exitCode != 0 || stored != expected)
            ++mirsad.failures;
        mirsad.add(m, stored, bytes);
        if (!parser.isSet(u"keep"_s))
            for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(db + suffix);

        if (withPostgres) {
            const QString name = u"mirsad_bench_%1"_s.arg(run);
            postgres.dropDatabase(name);
            const QString location = postgres.createDatabase(name);
            if (location.isEmpty()) {
                out << "Could not make a PostgreSQL database: " << postgres.error() << Qt::endl;
                return 1;
            }
            const ChildRun p = runChild(mirsadctl,
                                        QStringList{u"--db"_s, location, u"import"_s} +
                                            parser.values(u"import-option"_s) + urls,
                                        environment, dir.filePath(u"postgres-%1.log"_s.arg(run)));
            const QString count = postgres.value(name, u"SELECT count(*) FROM articles"_s);
            const qint64 pgStored = count.isEmpty() ? -1 : count.toLongLong();
            const qint64 pgBytes =
                postgres.value(name, u"SELECT pg_database_size(current_database())"_s).toLongLong();
            printRun(pg.name, run, p, pgStored, pgBytes);
            if (p.exitCode != 0 || pgStored != expected)
                ++pg.failures;
            pg.add(p, pgStored, pgBytes);
            if (!parser.isSet(u"keep"_s))
                postgres.dropDatabase(name);
        }

        if (newsboat.isEmpty())
            continue;
        const QString cache = dir.filePath(u"newsboat-%1.db"_s.arg(run));
        QFile::remove(cache);
        const ChildRun n =
            runChild(newsboat, {u"-u"_s, dir.filePath(u"urls"_s), u"-c"_s, cache, u"-x"_s, u"reload"_s},
                     environment, dir.filePath(u"newsboat-%1.log"_s.arg(run)));
        const qint64 boatStored = countRows(cache, u"rss_item"_s);
        const qint64 boatBytes = databaseBytes(cache);
        printRun(boat.name, run, n, boatStored, boatBytes);
        if (n.exitCode != 0 || boatStored != expected)
            ++boat.failures;
        boat.add(n, boatStored, boatBytes);
        if (!parser.isSet(u"keep"_s))
            QFile::remove(cache);
    }

    auto summary = [&](const Contender& c) {
        out << u"%1 median of %2: %3 s wall, %4 s CPU, %5 items/s, peak RSS %6 MB, database %8 MB "
               u"(%9 bytes an item)%7"_s.arg(c.name, -8)
                   .arg(c.wall.size())
                   .arg(median(c.wall), 0, 'f', 2)
                   .arg(median(c.cpu), 0, 'f', 2)
                   .arg(median(c.itemsPerSecond), 0, 'f', 0)
                   .arg(median(c.rssMb), 0, 'f', 1)
                   .arg(c.failures ? u" (%1 run(s) failed or stored the wrong count)"_s.arg(c.failures)
                                   : QString())
                   .arg(median(c.databaseMb), 0, 'f', 1)
                   .arg(median(c.databaseMb) * 1e6 / double(expected), 0, 'f', 0)
            << Qt::endl;
    };
    out << Qt::endl;
    summary(mirsad);
    bool ok = mirsad.failures == 0;
    if (!vocabularyGrowth.empty()) {
        const double growth = median(vocabularyGrowth);
        out << u"Search vocabulary: +%1 % of the full-text index; goal (<= 15 %): %2"_s.arg(growth, 0, 'f', 2)
                   .arg(growth <= 15.0 ? u"met"_s : u"MISSED"_s)
            << Qt::endl;
        ok = ok && growth <= 15.0;
    }
    if (withPostgres) {
        summary(pg);
        ok = ok && pg.failures == 0;
        const double base = median(newsboat.isEmpty() ? mirsad.itemsPerSecond : boat.itemsPerSecond);
        const double speed = median(pg.itemsPerSecond) / qMax(1.0, base);
        if (newsboat.isEmpty()) {
            out << u"PostgreSQL: Mirsad ingests into PostgreSQL at %1x its items/s into SQLite (no Newsboat "
                   u"to hold it to its goal, >= 1x Newsboat's)"_s.arg(speed, 0, 'f', 2)
                << Qt::endl;
        } else {
            out << u"PostgreSQL: Mirsad ingests into PostgreSQL at %1x Newsboat's items/s; goal (>= 1x): %2"_s
                       .arg(speed, 0, 'f', 2)
                       .arg(speed >= 1.0 ? u"met"_s : u"MISSED"_s)
                << Qt::endl;
            ok = ok && speed >= 1.0;
        }
    }
    if (!newsboat.isEmpty()) {
        summary(boat);
        const double speed = median(mirsad.itemsPerSecond) / qMax(1.0, median(boat.itemsPerSecond));
        const double memory = median(mirsad.rssMb) / qMax(1.0, median(boat.rssMb));
        const bool goal = speed >= 2.0 && memory <= 1.0;
        out << u"Ratio: Mirsad ingests %1x Newsboat's items/s with %2x its peak RSS; goal (>= 2x, <= 1x): %3"_s
                   .arg(speed, 0, 'f', 2)
                   .arg(memory, 0, 'f', 2)
                   .arg(goal ? u"met"_s : u"MISSED"_s)
            << Qt::endl;
        const double size = median(mirsad.databaseMb) / qMax(0.001, median(boat.databaseMb));
        const bool sizeGoal = size <= 1.2;
        out << u"Size: Mirsad's database is %1x Newsboat's for the same items; goal (<= 1.2x): %2"_s
                   .arg(size, 0, 'f', 2)
                   .arg(sizeGoal ? u"met"_s : u"MISSED"_s)
            << Qt::endl;
        ok = ok && goal && sizeGoal;
    }
    return ok ? 0 : 1;
}
