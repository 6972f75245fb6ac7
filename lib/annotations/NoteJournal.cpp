#include "annotations/NoteJournal.h"

#include "storage/Location.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimeZone>

namespace mirsad::annotations {

NoteJournal::NoteJournal(const QString& location) {
    Result<storage::Location> parsed = storage::Location::parse(location);
    m_location = parsed && parsed->isPostgres() ? parsed->display() : location;
    m_directory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/note-journal");
    m_key = QString::fromLatin1(
        QCryptographicHash::hash(m_location.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString NoteJournal::fileFor(qint64 noteId) const {
    return QStringLiteral("%1/%2-%3.json").arg(m_directory, m_key).arg(noteId);
}

Status NoteJournal::write(const JournalEntry& entry) {
    if (!QDir().mkpath(m_directory))
        return couldNot(QStringLiteral("keep the note locally"),
                        QStringLiteral("cannot create %1").arg(m_directory));
    QJsonObject object{{QStringLiteral("location"), m_location},
                       {QStringLiteral("note"), entry.noteId},
                       {QStringLiteral("version"), entry.version},
                       {QStringLiteral("body"), entry.body},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(entry.tags)},
                       {QStringLiteral("updated"), entry.updated.toSecsSinceEpoch()}};
    QSaveFile file(fileFor(entry.noteId));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
        return couldNot(QStringLiteral("keep the note locally"), file.errorString());
    return {};
}

void NoteJournal::remove(qint64 noteId) {
    QFile::remove(fileFor(noteId));
}

QList<JournalEntry> NoteJournal::pending() const {
    QList<JournalEntry> entries;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({m_key + QStringLiteral("-*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        if (object.value(QStringLiteral("location")).toString() != m_location)
            continue; // another archive's, whose key collided
        JournalEntry entry;
        entry.noteId = object.value(QStringLiteral("note")).toInteger();
        entry.version = object.value(QStringLiteral("version")).toInteger();
        entry.body = object.value(QStringLiteral("body")).toString();
        for (const QJsonValue& tag : object.value(QStringLiteral("tags")).toArray())
            entry.tags << tag.toString();
        entry.updated = QDateTime::fromSecsSinceEpoch(object.value(QStringLiteral("updated")).toInteger(),
                                                      QTimeZone::UTC);
        if (entry.noteId > 0)
            entries << entry;
    }
    std::sort(entries.begin(), entries.end(),
              [](const JournalEntry& a, const JournalEntry& b) { return a.noteId < b.noteId; });
    return entries;
}

} // namespace mirsad::annotations
