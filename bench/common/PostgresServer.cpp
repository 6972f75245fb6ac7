#include "PostgresServer.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {

const QString kScript = QStringLiteral(MIRSAD_POSTGRES_TEST_SERVER);

// Runs the script; its last words on failure are the reason.
bool runScript(const QString& action, const QString& dir, QString& error) {
    QProcess process;
    // A durable server: the script's test settings (no fsync) would override any set later.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"MIRSAD_PG_DURABLE"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.start(kScript, {action, dir});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        error = QString::fromUtf8(process.readAllStandardError()).trimmed();
        if (error.isEmpty())
            error = u"%1 %2 failed: %3"_s.arg(kScript, action, process.errorString());
        return false;
    }
    return true;
}

} // namespace

PostgresServer::~PostgresServer() {
    if (!m_dir.isEmpty()) {
        QString ignored;
        runScript(u"stop"_s, m_dir, ignored);
    }
}

bool PostgresServer::start(const QString& dir) {
    if (!runScript(u"start"_s, dir, m_error))
        return false;
    m_dir = dir;
    QFile file(dir + u"/location"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = u"The PostgreSQL server started but left no location in %1."_s.arg(file.fileName());
        return false;
    }
    m_location = QString::fromUtf8(file.readAll()).trimmed();
    // A real server's durability, as Newsboat's and Mirsad's SQLite files have it: checked, not assumed.
    QString settings;
    if (!psql(m_location,
              u"SELECT current_setting('fsync') || ' ' || current_setting('full_page_writes') || ' ' || "
              u"current_setting('synchronous_commit')"_s,
              &settings))
        return false;
    if (settings != u"on on on"_s) {
        m_error =
            u"The PostgreSQL server is not durable (fsync, full_page_writes, synchronous_commit: %1)."_s.arg(
                settings);
        return false;
    }
    return true;
}

QString PostgresServer::locationOf(const QString& name) const {
    QString location = m_location;
    return location.replace(u"@/postgres?"_s, u"@/%1?"_s.arg(name));
}

bool PostgresServer::psql(const QString& location, const QString& sql, QString* output) {
    QProcess process;
    process.start(u"psql"_s, {u"-X"_s, u"-A"_s, u"-t"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                              location, u"-c"_s, sql});
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = u"psql could not run \"%1\": %2"_s.arg(
            sql, QString::fromUtf8(process.readAllStandardError()).trimmed() + process.errorString());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}

QString PostgresServer::createDatabase(const QString& name) {
    if (!psql(m_location, u"CREATE DATABASE %1"_s.arg(name)))
        return {};
    return locationOf(name);
}

bool PostgresServer::dropDatabase(const QString& name) {
    return psql(m_location, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
}

QString PostgresServer::value(const QString& name, const QString& sql) {
    QString output;
    if (!psql(locationOf(name), sql, &output))
        return {};
    return output.section(u'\n', 0, 0);
}
