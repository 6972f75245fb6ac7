#pragma once

// Runs the real mirsadctl binary against a test database while the test's event loop keeps
// serving (the loopback HTTP server lives in the test's thread).

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace mirsad::test {

struct CtlResult {
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
};

inline CtlResult runCtl(const QString& database, const QStringList& args, int timeoutMs = 60'000) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.setProgram(QStringLiteral(MIRSADCTL_PATH));
    process.setArguments(QStringList{QStringLiteral("--db"), database} + args);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start();
    loop.exec();
    CtlResult result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("mirsadctl did not finish in time");
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err += QString::fromUtf8(process.readAllStandardError());
    return result;
}

// `mirsadctl list --json` as an array (empty on any error).
inline QJsonArray listArticles(const QString& database) {
    const CtlResult listed = runCtl(database, {QStringLiteral("list"), QStringLiteral("--json")});
    return QJsonDocument::fromJson(listed.out.toUtf8()).array();
}

} // namespace mirsad::test
