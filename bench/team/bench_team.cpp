// First pages with a team connected: does a filter stay as fast when colleagues' windows are open
// on the same PostgreSQL server? The benchmark times bench_filters' first pages (FilterCases.h) on
// an archive bench_filters made, four ways, alternately case by case:
//   alone      no other client;
//   idle       `clients` - 1 other processes connected and listening (ChangeListener), as open
//              windows nobody touches;
//   reading    each of them also asks for a random first page, then "reads" for an exponential
//              pause of --pace-ms on average (an analyst clicking through filters);
//   busy       each of them asks for first pages back to back (a stress test: on a machine of
//              few cores this measures the queue for the CPU, not the queries).
// The other clients' own first pages are timed too and reported per phase.
// Run: bench_team LOCATION [--clients N] [--runs N] [--pace-ms MS] [--only TEXT], LOCATION being the database
// bench_filters --postgresql=SERVER copied the archive into (its name: bench_filters_<size>_...).

#include "FilterCases.h"
#include "storage/ArticleQueries.h"
#include "storage/ChangeListener.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 200;

QTextStream out(stdout);

struct Sample {
    double p50 = 0, p95 = 0;
    qsizetype count = 0;
};

Sample summarise(std::vector<double> times) {
    if (times.empty())
        return {};
    std::sort(times.begin(), times.end());
    auto at = [&](double q) {
        return times[std::min(times.size() - 1, size_t(std::ceil(q * double(times.size())) - 1))];
    };
    return {at(0.5), at(0.95), qsizetype(times.size())};
}

QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2) : u"?"_s;
}

// One first page, timed in ms; negative when it failed (the error on stderr).
double timeFirstPage(const QSqlDatabase& db, const FilterCase& c) {
    QElapsedTimer timer;
    timer.start();
    const Result<QList<storage::ArticleSummary>> page =
        storage::listArticles(db, c.filter, kPageSize, {}, c.order);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!page) {
        QTextStream(stderr) << c.name << ": " << page.error() << Qt::endl;
        return -1;
    }
    return ms;
}

// A colleague's window: connected, listening, and with paceMs >= 0 asking for random first pages
// with pauses of paceMs on average between them. Ends when its standard input closes, printing
// its timings ("times: t1 t2 ...") for the parent.
int runClient(const QString& location, int paceMs) {
    const QString connection = storage::uniqueConnectionName(u"client"_s);
    Result<QSqlDatabase> db = storage::openDatabase(location, connection);
    if (!db) {
        QTextStream(stderr) << db.error() << Qt::endl;
        return 1;
    }
    storage::ChangeListener listener;
    QFuture<Status> listening = listener.start(location);
    while (!listening.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!listening.result()) {
        QTextStream(stderr) << listening.result().error() << Qt::endl;
        return 1;
    }
    const QList<FilterCase> cases = firstPageCases();
    std::vector<double> times;
    QTimer next;
    next.setSingleShot(true);
    auto schedule = [&] {
        // Exponential pauses: arrivals at random, as a desk's clicks are, not in lockstep.
        const double u = QRandomGenerator::global()->generateDouble();
        next.start(paceMs == 0 ? 0 : int(-std::log(1.0 - u) * paceMs));
    };
    QObject::connect(&next, &QTimer::timeout, [&] {
        const FilterCase& c = cases[QRandomGenerator::global()->bounded(int(cases.size()))];
        if (const double ms = timeFirstPage(*db, c); ms >= 0)
            times.push_back(ms);
        schedule();
    });
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[64];
        if (::read(0, buffer, sizeof buffer) <= 0)
            QCoreApplication::quit();
    });
    QTextStream(stdout) << "ready" << Qt::endl;
    if (paceMs >= 0)
        schedule();
    QCoreApplication::exec();
    QTextStream stream(stdout);
    stream << "times:";
    for (double t : times)
        stream << ' ' << t;
    stream << Qt::endl;
    *db = QSqlDatabase();
    storage::closeDatabase(connection);
    return 0;
}

// The other clients of one phase, started and connected before it, stopped after it.
class Colleagues {
public:
    bool start(const QString& location, int count, int paceMs) {
        for (int i = 0; i < count; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::SeparateChannels);
            process->setReadChannel(QProcess::StandardOutput);
            process->start(QCoreApplication::applicationFilePath(),
                           {u"--client"_s, u"--pace-ms"_s, QString::number(paceMs), location});
            m_processes.push_back(std::move(process));
        }
        for (auto& process : m_processes) {
            if (!process->waitForStarted(10000))
                return fail(*process, u"did not start"_s);
            while (!process->canReadLine())
                if (!process->waitForReadyRead(30000))
                    return fail(*process, u"did not connect"_s);
            if (process->readLine().trimmed() != "ready")
                return fail(*process, u"did not say it was ready"_s);
        }
        return true;
    }

    // Stops them and returns every first page they timed.
    std::vector<double> stop() {
        std::vector<double> times;
        for (auto& process : m_processes)
            process->closeWriteChannel();
        for (auto& process : m_processes) {
            process->waitForFinished(60000);
            const QString all = QString::fromUtf8(process->readAllStandardOutput());
            for (const QString& line : all.split(u'\n'))
                if (line.startsWith(u"times:"_s))
                    for (const QString& t : line.mid(6).split(u' ', Qt::SkipEmptyParts))
                        times.push_back(t.toDouble());
        }
        m_processes.clear();
        return times;
    }

private:
    bool fail(QProcess& process, const QString& what) {
        out << "A colleague's client " << what << ": " << process.readAllStandardError() << Qt::endl;
        stop();
        return false;
    }

    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(u"location"_s, u"The archive bench_filters copied to PostgreSQL."_s);
    parser.addOption({u"clients"_s, u"Clients in all, this one included (default 10)."_s, u"N"_s, u"10"_s});
    parser.addOption({u"runs"_s, u"Runs of each first page per phase (default 10)."_s, u"N"_s, u"10"_s});
    parser.addOption({u"pace-ms"_s, u"A reading colleague's mean pause between pages (default 2000)."_s,
                      u"MS"_s, u"2000"_s});
    parser.addOption({u"only"_s, u"Only the first pages whose name contains TEXT."_s, u"TEXT"_s});
    parser.addOption({u"client"_s, u"Run as one of the colleagues (used by the benchmark itself)."_s});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString location = parser.positionalArguments().constFirst();
    const int paceMs = parser.value(u"pace-ms"_s).toInt();
    if (parser.isSet(u"client"_s))
        return runClient(location, paceMs);
    const int clients = std::max(2, parser.value(u"clients"_s).toInt());
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());

    Result<QSqlDatabase> db = storage::openDatabase(location, u"bench"_s);
    if (!db) {
        out << "bench_team: " << db.error() << Qt::endl;
        return 1;
    }
    storage::ChangeListener listener; // this window listens as well
    QFuture<Status> listening = listener.start(location);
    while (!listening.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!listening.result()) {
        out << "bench_team: " << listening.result().error() << Qt::endl;
        return 1;
    }

    QList<FilterCase> cases = firstPageCases();
    if (parser.isSet(u"only"_s))
        cases.removeIf([&](const FilterCase& c) { return !c.name.contains(parser.value(u"only"_s)); });
    struct Phase {
        QString name;
        int others;
        int paceMs; // -1: connected only
    };
    const QList<Phase> phases = {{u"alone"_s, 0, -1},
                                 {u"idle"_s, clients - 1, -1},
                                 {u"reading"_s, clients - 1, paceMs},
                                 {u"busy"_s, clients - 1, 0}};
    out << "bench_team: first pages (" << kPageSize << " rows), " << runs << " runs each, with " << clients
        << " clients in all; a reading colleague pauses " << paceMs << " ms on average; load average "
        << loadAverage() << Qt::endl;

    // results[phase][case]
    std::vector<std::vector<Sample>> results;
    std::vector<Sample> othersTimes;
    for (const Phase& phase : phases) {
        Colleagues colleagues;
        if (!colleagues.start(location, phase.others, phase.paceMs))
            return 1;
        std::vector<std::vector<double>> times(size_t(cases.size()));
        for (const FilterCase& c : cases) // warm-up, as bench_filters does
            timeFirstPage(*db, c);
        for (int run = 0; run < runs; ++run)
            for (qsizetype i = 0; i < cases.size(); ++i)
                if (const double ms = timeFirstPage(*db, cases[i]); ms >= 0)
                    times[size_t(i)].push_back(ms);
        std::vector<Sample> samples;
        for (auto& t : times)
            samples.push_back(summarise(t));
        results.push_back(samples);
        othersTimes.push_back(summarise(colleagues.stop()));
        out << "  " << phase.name << " done; load average " << loadAverage() << Qt::endl;
    }

    out << QStringLiteral("\n%1").arg(u"first page, p50 / p95 ms"_s, -44);
    for (const Phase& phase : phases)
        out << QStringLiteral(" %1").arg(phase.name, 15);
    out << '\n';
    std::vector<double> worst(size_t(phases.size()));
    for (qsizetype i = 0; i < cases.size(); ++i) {
        out << QStringLiteral("%1").arg(cases[i].name, -44);
        for (qsizetype p = 0; p < phases.size(); ++p) {
            const Sample& s = results[size_t(p)][size_t(i)];
            worst[size_t(p)] = std::max(worst[size_t(p)], s.p95);
            out << QStringLiteral(" %1 /%2").arg(s.p50, 6, 'f', 1).arg(s.p95, 6, 'f', 1);
        }
        out << '\n';
    }
    out << QStringLiteral("%1").arg(u"worst p95"_s, -44);
    for (double w : worst)
        out << QStringLiteral(" %1").arg(w, 15, 'f', 1);
    out << QStringLiteral("\n%1").arg(u"the colleagues' own first pages (count)"_s, -44);
    for (const Sample& s : othersTimes)
        out << (s.count ? QStringLiteral(" %1 /%2").arg(s.p50, 6, 'f', 1).arg(s.p95, 6, 'f', 1)
                        : QStringLiteral(" %1").arg(u"-"_s, 15));
    out << QStringLiteral("\n%1").arg(QString(), -44);
    for (const Sample& s : othersTimes)
        out << QStringLiteral(" %1").arg(u"(%1)"_s.arg(s.count), 15);
    out << Qt::endl;
    return 0;
}
