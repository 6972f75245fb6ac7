// bench_sql DATABASE RUNS "SQL" ["SQL"...]: runs each statement RUNS times on the database as
// Mirsad opens it (its tokenizer and ranking function registered, nothing migrated) and prints
// the median and the slowest time, the median CPU time, and the first row. For looking into a slow query by
// hand.
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTextStream>
#include <algorithm>
#include <ctime>

using namespace mirsad;

// This thread's CPU time: on a shared machine it varies less than the wall clock.
static double cpuMilliseconds() {
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) * 1e3 + double(time.tv_nsec) / 1e6;
}

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 4) {
        out << "usage: bench_sql DATABASE RUNS \"SQL\" [\"SQL\"...]\n";
        return 2;
    }
    Result<QSqlDatabase> db = storage::openDatabase(args[1], QStringLiteral("bench_sql"), false);
    if (!db) {
        out << db.error() << '\n';
        return 1;
    }
    const int runs = std::max(1, args[2].toInt());
    for (const QString& sql : args.mid(3)) {
        QList<double> times;
        QList<double> cpu;
        QString firstRow;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = cpuMilliseconds();
            QSqlQuery query(*db);
            if (!query.exec(sql)) {
                out << sql << ": " << query.lastError().text() << '\n';
                return 1;
            }
            int rows = 0;
            while (query.next()) {
                if (rows++ == 0 && run == 0)
                    for (int i = 0; i < query.record().count(); ++i)
                        firstRow += query.value(i).toString().left(40) + u'\t';
            }
            times << timer.nsecsElapsed() / 1e6;
            cpu << cpuMilliseconds() - cpuStart;
        }
        std::sort(times.begin(), times.end());
        std::sort(cpu.begin(), cpu.end());
        out << QStringLiteral("%1 ms median, %2 ms max, %3 ms CPU median | %4 | %5\n")
                   .arg(times[times.size() / 2], 0, 'f', 1)
                   .arg(times.last(), 0, 'f', 1)
                   .arg(cpu[cpu.size() / 2], 0, 'f', 1)
                   .arg(firstRow, sql);
        out.flush();
    }
    return 0;
}
