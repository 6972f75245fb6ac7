#pragma once

// Shared by Mirsad's tests: a fresh database per test, paths to fixtures and screenshots.

#include "core/Identity.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace mirsad::test {

inline QString dataPath(const QString& relative) {
    return QStringLiteral(MIRSAD_TEST_DATA "/") + relative;
}

inline QString seedPath() {
    return dataPath(QStringLiteral("seed/000_82eadb6226b33ddb.txt"));
}

inline QString screenshotPath(const QString& name) {
    QDir().mkpath(QStringLiteral(MIRSAD_SCREENSHOTS));
    return QStringLiteral(MIRSAD_SCREENSHOTS "/") + name;
}

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A file of tests/data/feeds; a missing one stops the test run, rather than testing nothing.
inline QByteArray feedFixture(const QString& name) {
    QFile file(dataPath(QStringLiteral("feeds/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// Keeps tests away from the user's real data and settings.
inline void isolateFromUserData() {
    setApplicationIdentity();
    QStandardPaths::setTestModeEnabled(true);
}

// A database file in a temporary folder, opened and migrated, removed afterwards.
class TempDatabase {
public:
    explicit TempDatabase(bool migrate = true)
        : m_connection(storage::uniqueConnectionName(QStringLiteral("test"))) {
        Result<QSqlDatabase> db = storage::openDatabase(path(), m_connection, migrate);
        if (db)
            m_db = db.value();
        else
            m_error = db.error();
    }
    ~TempDatabase() { close(); }

    void close() {
        if (m_db.isValid()) {
            m_db = QSqlDatabase();
            storage::closeDatabase(m_connection);
        }
    }
    bool ok() const { return m_db.isOpen(); }
    const QString& error() const { return m_error; }
    QSqlDatabase& db() { return m_db; }
    QString path() const { return m_dir.filePath(QStringLiteral("mirsad.sqlite")); }
    QString dir() const { return m_dir.path(); }

    qint64 count(const QString& table) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private:
    QTemporaryDir m_dir;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace mirsad::test
