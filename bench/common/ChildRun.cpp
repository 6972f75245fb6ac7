#include "ChildRun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

qint64 monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

ChildRun runChild(const QString& program, const QStringList& args, const QStringList& extraEnv,
                  const QString& logPath, double timeoutSeconds) {
    ChildRun run;
    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString& arg : args)
        storage.push_back(arg.toLocal8Bit());
    const size_t argCount = storage.size();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv)
        environment.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    for (const QString& entry : environment.toStringList())
        storage.push_back(entry.toLocal8Bit());
    std::vector<char*> argv, envp;
    for (size_t i = 0; i < storage.size(); ++i)
        (i < argCount ? argv : envp).push_back(storage[i].data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray log = logPath.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);

    QElapsedTimer timer;
    timer.start();
    run.startNs = monotonicNs();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return run;
    // wait4()'s ru_maxrss cannot serve: Linux carries the spawning process's high-water mark over
    // exec, so every child reported at least this benchmark's own size (the corpus it serves).
    // The child's own mark after exec is VmHWM; it only grows, so reading it every 2 ms until
    // the child exits catches its peak.
    int status = 0;
    rusage usage{};
    long hwmKb = 0;
    const QString statusPath = QStringLiteral("/proc/%1/status").arg(pid);
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) {
            run.endNs = monotonicNs();
            break;
        }
        if (done < 0)
            return run;
        if (timeoutSeconds > 0 && !run.timedOut && double(timer.nsecsElapsed()) / 1e9 > timeoutSeconds) {
            run.timedOut = true;
            kill(pid, SIGKILL);
        }
        QFile file(statusPath);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : file.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    hwmKb = qMax(hwmKb, line.mid(6).trimmed().split(' ').value(0).toLong());
            }
        }
        usleep(2000);
    }
    run.wallSeconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.systemSeconds = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
    run.peakRssKb = hwmKb > 0 ? hwmKb : usage.ru_maxrss;
    if (WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    return run;
}
