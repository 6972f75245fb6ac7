#include "storage/Migrations.h"

#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace mirsad::storage {

// resources/migrations/NNN_description.sql, by number.
static const std::map<int, QString>& migrationFiles() {
    static const std::map<int, QString> files = [] {
        std::map<int, QString> found;
        static const QRegularExpression name(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
        const QDir dir(QStringLiteral(":/migrations"));
        for (const QString& entry : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = name.match(entry);
            if (match.hasMatch())
                found.emplace(match.captured(1).toInt(), dir.filePath(entry));
        }
        return found;
    }();
    return files;
}

int schemaVersion(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

int latestSchemaVersion() {
    const auto& files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

static Status backUp(QSqlDatabase& db, int version) {
    const QString file = db.databaseName();
    if (file == QStringLiteral(":memory:") || file.isEmpty())
        return {};
    const QString backup = QStringLiteral("%1.v%2.bak").arg(file).arg(version);
    QFile::remove(backup);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(backup);
    if (!query.exec())
        return Error{QStringLiteral("Could not back up the database to %1 before upgrading it: %2")
                         .arg(backup, query.lastError().text())};
    return {};
}

Status migrate(QSqlDatabase& db, int target) {
    const int current = schemaVersion(db);
    if (current < 0)
        return Error{QStringLiteral("Cannot read the schema version of %1.").arg(db.databaseName())};
    if (current > latestSchemaVersion())
        return Error{QStringLiteral("The database %1 has schema version %2, made by a newer Mirsad; this "
                                    "version understands up to %3 and leaves it untouched.")
                         .arg(db.databaseName())
                         .arg(current)
                         .arg(latestSchemaVersion())};
    if (current >= target)
        return {};
    if (current > 0) {
        if (Status s = backUp(db, current); !s)
            return s;
    }
    for (const auto& [version, path] : migrationFiles()) {
        if (version <= current || version > target)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Missing migration %1.").arg(path)};
        const QString script = QString::fromUtf8(file.readAll());
        Transaction transaction(db);
        if (Status s = executeScript(db, script); !s)
            return Error{QStringLiteral("Upgrading the database to version %1 failed: %2")
                             .arg(version)
                             .arg(s.error())};
        QSqlQuery setVersion(db);
        if (!setVersion.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            return Error{setVersion.lastError().text()};
        if (Status s = transaction.commit(); !s)
            return s;
    }
    return {};
}

} // namespace mirsad::storage
