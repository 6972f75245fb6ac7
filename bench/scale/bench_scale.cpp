// The benchmark of the user's view of a big archive (issue 18): builds, once, an archive of N
// generated articles through the real import path (ScaleArchive.h), then measures, in one run so
// that the ratios are fair, medians of several runs:
//   - start-up to the first painted article, on the archive and on the sample database (a new
//     database, with the sample articles the app installs, as `tools/run` shows): the real
//     build/bin/mirsad on the offscreen platform, from the spawn of the process to the end of the
//     reader's first paint of an article (MIRSAD_BENCH_TIMING, app/mirsad/BenchTiming.h);
//   - opening a 10,000-word article with its highlights, scrolling the list by 10,000 rows and
//     switching to a region filter: the real MainWindow offscreen in a child process
//     (GuiSession.h), clicked as a user clicks;
//   - the peak memory (VmHWM) of those GUI processes;
//   - the archive's size against Newsboat's cache for the same items;
//   - quitting (File ▸ Quit) while the archive is being re-tagged: a copy of the archive with a
//     name the user added (stored as Names ▸ Add Name stores it), so that the app re-tags every
//     article from start-up on; from the Quit to the exit of the process.
// Prints a table with each figure, its goal and whether it is met. Exits 0 whatever the figures
// (it is a report); 1 when the benchmark itself failed, saying why.
// Run: tools/env build/bin/bench_scale 1000000 --runs 5

#include "ChildRun.h"
#include "GuiSession.h"
#include "ScaleArchive.h"
#include "names/Entity.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "tagging/Retagging.h"
#include "tagging/Tagger.h"
#include "tagging/UserNames.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

QTextStream out(stdout);

void say(const QString& line) {
    out << line << Qt::endl;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = size_t(std::ceil(p * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

QString list(const std::vector<double>& values, int decimals = 0) {
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'f', decimals);
    return parts.join(u", "_s);
}

// "mirsad-timing KEY NS" lines of a log.
std::map<QString, qint64> timings(const QString& logPath) {
    std::map<QString, qint64> found;
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> words = line.trimmed().split(' ');
        if (words.size() == 3 && words[0] == "mirsad-timing")
            found.emplace(QString::fromLatin1(words[1]), words[2].toLongLong());
    }
    return found;
}

// "result KEY VALUE" lines of a log.
std::map<QString, std::vector<double>> results(const QString& logPath) {
    std::map<QString, std::vector<double>> found;
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> words = line.trimmed().split(' ');
        if (words.size() == 3 && words[0] == "result")
            found[QString::fromLatin1(words[1])].push_back(words[2].toDouble());
    }
    return found;
}

QString tail(const QString& logPath) {
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    return QString::fromUtf8(lines.mid(qMax(0, int(lines.size()) - 3)).join(" / "));
}

struct Row {
    QString figure;
    QString measured;
    QString goal;
    QString verdict; // "pass", "MISS", or "—" without a goal
};

struct Failure {
    QString why;
};

// The articles of the copy not tagged with the current gazetteer (with the user's names), or -1.
qint64 outdatedArticles(const QString& path) {
    const QString connection = storage::uniqueConnectionName(u"bench-scale-outdated"_s);
    qint64 outdated = -1;
    {
        Result<QSqlDatabase> db = storage::openDatabase(path, connection);
        if (db) {
            if (Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(*db))
                if (Result<qint64> count = tagging::countOutdated(*db, (*tagger)->version()))
                    outdated = *count;
        }
    }
    storage::closeDatabase(connection);
    return outdated;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--gui-session") == 0)
        return runGuiSession(argc, argv);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the user's view of an archive of ARTICLES generated articles."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"ARTICLES"_s, u"Articles in the archive (default 1000000)."_s,
                                 u"[ARTICLES]"_s);
    parser.addOption(
        {u"runs"_s, u"Runs of each measurement (default 5); the median is reported."_s, u"N"_s, u"5"_s});
    parser.addOption({u"cache"_s, u"Where archives are cached (default: the build folder)."_s, u"DIR"_s,
                      QStringLiteral(MIRSAD_BENCH_DIR)});
    parser.addOption({u"mirsad"_s, u"The mirsad to time."_s, u"PATH"_s, QStringLiteral(MIRSAD_PATH)});
    parser.addOption(
        {u"mirsadctl"_s, u"The mirsadctl that imports."_s, u"PATH"_s, QStringLiteral(MIRSADCTL_PATH)});
    parser.addOption(
        {u"newsboat"_s, u"The newsboat to compare sizes with (default: from PATH)."_s, u"PATH"_s});
    parser.addOption(
        {u"screenshots"_s,
         u"Save the window as the clicked session saw it in DIR (default: screenshots/ in the cache "
         u"folder)."_s,
         u"DIR"_s});
    parser.addOption({u"keep-feeds"_s, u"Keep the generated feed files in the cache."_s});
    parser.addOption({u"quit-after"_s,
                      u"Milliseconds between the first painted article and File ▸ Quit in the "
                      u"re-tag runs (default 2000)."_s,
                      u"MS"_s, u"2000"_s});
    parser.process(app);
    const qint64 articles = parser.positionalArguments().value(0, u"1000000"_s).toLongLong();
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());
    const int quitAfterMs = qMax(0, parser.value(u"quit-after"_s).toInt());
    if (articles < 1000) {
        say(u"bench_scale: ARTICLES must be at least 1000."_s);
        return 1;
    }

    // Logs, settings and the copies in the cache folder (the root's /tmp is private to it).
    QDir().mkpath(parser.value(u"cache"_s));
    QTemporaryDir temporary(QDir(parser.value(u"cache"_s)).filePath(u"run-XXXXXX"_s));
    if (!temporary.isValid()) {
        say(u"bench_scale: could not create a temporary folder."_s);
        return 1;
    }
    QDir work(temporary.path());
    work.mkpath(u"home/.config"_s);
    work.mkpath(u"home/.local/share"_s);
    work.mkpath(u"home/.cache"_s);
    work.mkpath(u"runtime"_s);
    QFile::setPermissions(work.filePath(u"runtime"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ScaleTools tools;
    tools.mirsad = parser.value(u"mirsad"_s);
    tools.mirsadctl = parser.value(u"mirsadctl"_s);
    tools.newsboat = parser.isSet(u"newsboat"_s) ? parser.value(u"newsboat"_s)
                                                 : QStandardPaths::findExecutable(u"newsboat"_s);
    tools.environment = {u"HOME="_s + work.filePath(u"home"_s),
                         u"XDG_CONFIG_HOME="_s + work.filePath(u"home/.config"_s),
                         u"XDG_DATA_HOME="_s + work.filePath(u"home/.local/share"_s),
                         u"XDG_CACHE_HOME="_s + work.filePath(u"home/.cache"_s),
                         u"XDG_RUNTIME_DIR="_s + work.filePath(u"runtime"_s),
                         u"LC_ALL=C.UTF-8"_s,
                         u"QT_QPA_PLATFORM=offscreen"_s};

    say(u"bench_scale: %1 articles, %2 runs of each measurement"_s.arg(articles).arg(runs));
    Result<ScaleArchive> built =
        loadOrBuildArchive(parser.value(u"cache"_s), articles, tools, parser.isSet(u"keep-feeds"_s), say);
    if (!built) {
        say(u"bench_scale: could not build the archive: %1"_s.arg(built.error()));
        return 1;
    }
    const ScaleArchive& archive = *built;
    say(u"Archive: %1 (%2 rows, %3 feeds, long articles %4 of %5 words)"_s.arg(archive.database)
            .arg(archive.storedRows)
            .arg(archive.feeds)
            .arg(QStringList{QString::number(archive.longArticleIds.value(0)),
                             QString::number(archive.longArticleIds.value(1))}
                     .join(u", "_s))
            .arg(QStringList{QString::number(archive.longArticleWords.value(0)),
                             QString::number(archive.longArticleWords.value(1))}
                     .join(u", "_s)));

    std::vector<Row> rows;
    try {
        // 1. Start-up to the first painted article, archive and sample database alternating,
        // after one untimed warm-up start of each (the sample database is created by it).
        const QString sample = work.filePath(u"sample.sqlite"_s);
        std::vector<double> startArchive, startSample, peakStart;
        auto start = [&](const QString& db, const QString& name, int run) {
            const QString log = work.filePath(u"start-%1-%2.log"_s.arg(name).arg(run));
            const ChildRun child =
                runChild(tools.mirsad, {u"--db"_s, db},
                         tools.environment + QStringList{u"MIRSAD_BENCH_TIMING=quit:0"_s}, log, 600);
            const auto t = timings(log);
            if (child.exitCode != 0 || !t.contains(u"painted"_s))
                throw Failure{
                    u"mirsad on the %1 did not paint an article and quit (exit %2%3): %4"_s.arg(name)
                        .arg(child.exitCode)
                        .arg(child.timedOut ? u", killed after 600 s"_s : QString())
                        .arg(tail(log))};
            const double ms = double(t.at(u"painted"_s) - child.startNs) / 1e6;
            say(u"  start-up on the %1, run %2: %3 ms to the first painted article, peak %4 MB, %5 s to exit"_s
                    .arg(name, -6)
                    .arg(run)
                    .arg(ms, 0, 'f', 0)
                    .arg(double(child.peakRssKb) / 1024, 0, 'f', 0)
                    .arg(child.wallSeconds, 0, 'f', 1));
            return std::pair{ms, double(child.peakRssKb) / 1024};
        };
        say(u"Start-up (mirsad --db DB, MIRSAD_BENCH_TIMING=quit:0, offscreen):"_s);
        start(sample, u"sample"_s, 0);
        start(archive.database, u"archive"_s, 0);
        for (int run = 1; run <= runs; ++run) {
            startSample.push_back(start(sample, u"sample"_s, run).first);
            const auto [ms, mb] = start(archive.database, u"archive"_s, run);
            startArchive.push_back(ms);
            peakStart.push_back(mb);
        }

        // 2. The window on the archive, clicked.
        say(u"The window (bench_scale --gui-session, offscreen):"_s);
        QStringList sessionArgs = {u"--gui-session"_s, archive.database, QString::number(runs)};
        for (qint64 id : archive.longArticleIds)
            sessionArgs << QString::number(id);
        const QString sessionLog = work.filePath(u"gui-session.log"_s);
        const QString shots = parser.isSet(u"screenshots"_s)
                                  ? parser.value(u"screenshots"_s)
                                  : QDir(parser.value(u"cache"_s)).filePath(u"screenshots"_s);
        QDir().mkpath(shots);
        const ChildRun session = runChild(
            u"/proc/self/exe"_s, sessionArgs, // this very program, even if rebuilt meanwhile
            tools.environment + QStringList{u"BENCH_SCALE_SCREENSHOTS="_s + shots}, sessionLog, 1800);
        auto r = results(sessionLog);
        if (session.exitCode != 0)
            throw Failure{
                u"the GUI session failed (exit %1): %2"_s.arg(session.exitCode).arg(tail(sessionLog))};
        const double sessionPeakMb = double(session.peakRssKb) / 1024;
        say(u"  open a 10,000-word article: %1 ms (of which until it was set into the reader: %2 ms)"_s.arg(
            list(r[u"open-long"_s], 1), list(r[u"open-long-shown"_s], 1)));
        {
            // Where the time goes: the database's part of opening it, alone.
            std::vector<double> loads;
            const QString connection = storage::uniqueConnectionName(u"bench-scale-load"_s);
            {
                Result<QSqlDatabase> db = storage::openDatabase(archive.database, connection);
                for (int run = 0; db && run < runs; ++run) {
                    for (qint64 id : archive.longArticleIds) {
                        const qint64 t0 = monotonicNs();
                        const Result<Article> article = storage::loadArticle(*db, id);
                        if (article)
                            loads.push_back(double(monotonicNs() - t0) / 1e6);
                    }
                }
            }
            storage::closeDatabase(connection);
            say(u"  of which storage::loadArticle alone (on this thread, warm): median %1 ms"_s.arg(
                median(loads), 0, 'f', 1));
        }
        say(u"  scroll: %1 pages, p50 %2 ms, p95 %3 ms, max %4 ms; 10,000 rows in %5 ms"_s
                .arg(r[u"scroll-page"_s].size())
                .arg(median(r[u"scroll-page"_s]), 0, 'f', 1)
                .arg(percentile(r[u"scroll-page"_s], 0.95), 0, 'f', 1)
                .arg(percentile(r[u"scroll-page"_s], 1.0), 0, 'f', 1)
                .arg(median(r[u"scroll-total"_s]), 0, 'f', 0));
        say(u"  region filter: first page %1 ms; first article painted %2 ms"_s.arg(
            list(r[u"region-list"_s], 1), list(r[u"region"_s], 1)));
        say(u"  peak memory %1 MB; screenshots in %2"_s.arg(sessionPeakMb, 0, 'f', 0).arg(shots));

        // 3. Quit during a re-tag, on a copy of the archive with a name the user added.
        say(u"Quit during a re-tag (a copy of the archive with a user-added name; File ▸ Quit %1 ms after "
            u"the "
            u"first painted article):"_s.arg(quitAfterMs));
        const QString copy = work.filePath(u"retag.sqlite"_s);
        if (!QFile::copy(archive.database, copy) ||
            (QFile::exists(archive.database + u"-wal"_s) &&
             !QFile::copy(archive.database + u"-wal"_s, copy + u"-wal"_s)))
            throw Failure{u"could not copy the archive to %1"_s.arg(copy)};
        {
            const QString connection = storage::uniqueConnectionName(u"bench-scale-name"_s);
            Status stored;
            {
                Result<QSqlDatabase> db = storage::openDatabase(copy, connection);
                if (!db) {
                    stored = Error{db.error()};
                } else {
                    names::Entity entity;
                    entity.kind = names::EntityKind::Person;
                    entity.name = u"Bench Scale Analyst"_s;
                    entity.nameAr = u"محلل مقياس الأداء"_s;
                    const Result<tagging::NamesAdded> added = tagging::storeUserEntity(*db, entity);
                    if (!added)
                        stored = Error{added.error()};
                }
            }
            storage::closeDatabase(connection);
            if (!stored)
                throw Failure{u"could not add a name to the copy: %1"_s.arg(stored.error())};
        }
        std::vector<double> quitMs, peakRetag;
        for (int run = 1; run <= runs; ++run) {
            const qint64 before = outdatedArticles(copy);
            const QString log = work.filePath(u"retag-%1.log"_s.arg(run));
            const ChildRun child = runChild(
                tools.mirsad, {u"--db"_s, copy},
                tools.environment + QStringList{u"MIRSAD_BENCH_TIMING=quit:%1"_s.arg(quitAfterMs)}, log, 900);
            const auto t = timings(log);
            const qint64 after = outdatedArticles(copy);
            if (!t.contains(u"quit"_s))
                throw Failure{
                    u"mirsad on the copy never got to File ▸ Quit (exit %1): %2"_s.arg(child.exitCode)
                        .arg(tail(log))};
            const double ms = double(child.endNs - t.at(u"quit"_s)) / 1e6;
            quitMs.push_back(ms);
            peakRetag.push_back(double(child.peakRssKb) / 1024);
            say(u"  run %1: quit took %2 ms%3 (exit %4); articles out of date %5 -> %6%7, peak %8 MB"_s
                    .arg(run)
                    .arg(ms, 0, 'f', 0)
                    .arg(child.timedOut ? u" (killed after 900 s)"_s : QString())
                    .arg(child.exitCode)
                    .arg(before)
                    .arg(after)
                    .arg(after == 0 ? u" (the re-tag had finished: not a quit during a re-tag)"_s : QString())
                    .arg(double(child.peakRssKb) / 1024, 0, 'f', 0));
            if (after == 0)
                throw Failure{
                    u"the re-tag finished before the quit; use a bigger archive or a smaller --quit-after"_s};
        }
        QFile::remove(copy);
        QFile::remove(copy + u"-wal"_s);
        QFile::remove(copy + u"-shm"_s);

        // The table.
        auto verdict = [](bool pass) { return pass ? u"pass"_s : u"MISS"_s; };
        const double sArchive = median(startArchive), sSample = median(startSample);
        const double ratio = sSample > 0 ? sArchive / sSample : 0;
        rows.push_back(
            {u"Start-up to first article, archive"_s, u"%1 ms"_s.arg(sArchive, 0, 'f', 0), {}, u"—"_s});
        rows.push_back({u"Start-up to first article, sample database"_s,
                        u"%1 ms"_s.arg(sSample, 0, 'f', 0),
                        {},
                        u"—"_s});
        rows.push_back({u"Start-up ratio archive / sample"_s, u"%1×"_s.arg(ratio, 0, 'f', 2), u"≤ 2×"_s,
                        verdict(ratio <= 2.0)});
        const double open = median(r[u"open-long"_s]);
        rows.push_back({u"Open a 10,000-word article with highlights"_s, u"%1 ms"_s.arg(open, 0, 'f', 1),
                        u"< 50 ms"_s, verdict(open < 50)});
        rows.push_back({u"Scroll the list by 10,000 rows (total)"_s,
                        u"%1 ms"_s.arg(median(r[u"scroll-total"_s]), 0, 'f', 0), u"none set"_s, u"—"_s});
        rows.push_back({u"  one page while scrolling, p95"_s,
                        u"%1 ms"_s.arg(percentile(r[u"scroll-page"_s], 0.95), 0, 'f', 1), u"none set"_s,
                        u"—"_s});
        rows.push_back({u"Switch to a region filter (article painted)"_s,
                        u"%1 ms"_s.arg(median(r[u"region"_s]), 0, 'f', 1), u"none set"_s, u"—"_s});
        const double peak = std::max({percentile(peakStart, 1.0), sessionPeakMb, percentile(peakRetag, 1.0)});
        rows.push_back({u"GUI peak memory (highest of all GUI runs)"_s, u"%1 MB"_s.arg(peak, 0, 'f', 0),
                        u"< 300 MB"_s, verdict(peak < 300)});
        rows.push_back({u"  start-up / clicked session / re-tag"_s,
                        u"%1 / %2 / %3 MB"_s.arg(percentile(peakStart, 1.0), 0, 'f', 0)
                            .arg(sessionPeakMb, 0, 'f', 0)
                            .arg(percentile(peakRetag, 1.0), 0, 'f', 0),
                        {},
                        u"—"_s});
        const qint64 mirsadBytes = databaseBytes(archive.database);
        if (archive.newsboatBytes > 0) {
            const double sizeRatio = double(mirsadBytes) / double(archive.newsboatBytes);
            rows.push_back({u"Database size vs Newsboat's"_s,
                            u"%1 MB / %2 MB = %3×"_s.arg(double(mirsadBytes) / 1e6, 0, 'f', 0)
                                .arg(double(archive.newsboatBytes) / 1e6, 0, 'f', 0)
                                .arg(sizeRatio, 0, 'f', 2),
                            u"≤ 1.2×"_s, verdict(sizeRatio <= 1.2)});
        } else {
            rows.push_back({u"Database size vs Newsboat's"_s,
                            u"%1 MB / not measured (%2)"_s.arg(double(mirsadBytes) / 1e6, 0, 'f', 0)
                                .arg(archive.newsboatNote),
                            u"≤ 1.2×"_s, u"—"_s});
        }
        const double quit = median(quitMs);
        rows.push_back({u"Quit during a re-tag"_s, u"%1 ms"_s.arg(quit, 0, 'f', 0), u"< 1000 ms"_s,
                        verdict(quit < 1000)});

        say(QString());
        say(u"Archive of %1 articles (%2 rows with the samples) in %3 feeds, %4 MB of feeds imported in %5 s "
            u"(peak %6 MB); Newsboat: %7 items, %8."_s.arg(archive.articles)
                .arg(archive.storedRows)
                .arg(archive.feeds)
                .arg(double(archive.corpusBytes) / 1e6, 0, 'f', 0)
                .arg(archive.importSeconds, 0, 'f', 1)
                .arg(archive.importPeakMb, 0, 'f', 0)
                .arg(archive.newsboatItems)
                .arg(archive.newsboatNote));
        say(u"Medians of %1 runs (start-up: %2 ms archive, %3 ms sample; quit: %4 ms):"_s.arg(runs).arg(
            list(startArchive), list(startSample), list(quitMs)));
        say(u"%1  %2  %3  %4"_s.arg(u"Figure"_s, -46)
                .arg(u"Measured"_s, -26)
                .arg(u"Goal"_s, -10)
                .arg(u"Result"_s));
        for (const Row& row : rows)
            say(u"%1  %2  %3  %4"_s.arg(row.figure, -46)
                    .arg(row.measured, -26)
                    .arg(row.goal, -10)
                    .arg(row.verdict));
    } catch (const Failure& failure) {
        say(u"bench_scale: the benchmark failed: %1."_s.arg(failure.why));
        say(u"Logs: %1 (kept)"_s.arg(work.path()));
        temporary.setAutoRemove(false);
        return 1;
    }
    return 0;
}
