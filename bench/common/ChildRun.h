#pragma once

#include <QString>
#include <QStringList>

// One run of a child process: wall clock, CPU time from wait4()'s rusage, and the child's own
// peak resident memory (its VmHWM, read while it runs; see ChildRun.cpp).
struct ChildRun {
    int exitCode = -1; // -1 when it could not start or died of a signal
    double wallSeconds = 0;
    double cpuSeconds = 0;    // user + system
    double systemSeconds = 0; // of which in the kernel
    long peakRssKb = 0;
    // CLOCK_MONOTONIC (the clock of monotonicNs()) just before the spawn and when the child
    // was seen to have exited (polled every 2 ms).
    qint64 startNs = 0;
    qint64 endNs = 0;
    bool timedOut = false; // killed after the timeout
};

// Nanoseconds of CLOCK_MONOTONIC: the same clock in every process of the machine.
qint64 monotonicNs();

// Runs program with args; extraEnv entries ("NAME=value") are added to this process's
// environment; stdout and stderr go to logPath. With timeoutSeconds > 0, a child still running
// after that long is killed (SIGKILL) and timedOut set.
ChildRun runChild(const QString& program, const QStringList& args, const QStringList& extraEnv,
                  const QString& logPath, double timeoutSeconds = 0);
