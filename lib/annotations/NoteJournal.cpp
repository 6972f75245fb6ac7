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
#include <filesystem>
#include <system_error>

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

QByteArray savedTextDigest(const QString& body, const QStringList& tags) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(body.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(tags.join(u'\n').toUtf8());
    return hash.result().toHex().left(32);
}

namespace {

QByteArray serialised(const QString& location, const JournalEntry& entry) {
    QJsonArray unconfirmed;
    for (const QByteArray& digest : entry.unconfirmed)
        unconfirmed.append(QString::fromLatin1(digest));
    const QJsonObject object{{QStringLiteral("location"), location},
                             {QStringLiteral("note"), entry.noteId},
                             {QStringLiteral("version"), entry.version},
                             {QStringLiteral("body"), entry.body},
                             {QStringLiteral("tags"), QJsonArray::fromStringList(entry.tags)},
                             {QStringLiteral("updatedMs"), entry.updated.toMSecsSinceEpoch()},
                             {QStringLiteral("sequence"), qint64(entry.sequence)},
                             {QStringLiteral("unconfirmed"), unconfirmed}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Written beside the entry, then renamed over it: the rename is atomic, so the file is always
// one whole keystroke's text. Without QSaveFile's fsync, which would cost a disk flush per key;
// what the system has written survives the process being killed.
Status replaceWithoutSync(const QString& path, const QByteArray& data) {
    const QString part = path + QStringLiteral(".part");
    QFile file(part);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size() ||
        !file.flush()) {
        // A write the disk refused (full, or past the file size limit) leaves Qt no reason to give.
        const QString why =
            file.error() == QFileDevice::WriteError
                ? QStringLiteral("%1 could not be written whole (is the disk full?)").arg(part)
                : file.errorString();
        file.close();
        QFile::remove(part);
        return Error{why};
    }
    file.close();
    std::error_code error;
    std::filesystem::rename(part.toStdString(), path.toStdString(), error);
    if (error) {
        QFile::remove(part);
        return Error{QString::fromStdString(error.message())};
    }
    return {};
}

} // namespace

Status NoteJournal::write(const JournalEntry& entry, Flush flush) {
    const QString what = QStringLiteral("keep the note locally");
    if (!QDir().mkpath(m_directory))
        return couldNot(what, QStringLiteral("cannot create %1").arg(m_directory));
    const QByteArray data = serialised(m_location, entry);
    if (flush == Flush::ToSystem) {
        if (Status written = replaceWithoutSync(fileFor(entry.noteId), data); !written)
            return couldNot(what, written.error());
        return {};
    }
    QSaveFile file(fileFor(entry.noteId));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit())
        return couldNot(what, file.errorString());
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
        // Journals written before Mirsad kept milliseconds have "updated" in seconds.
        entry.updated = object.contains(QStringLiteral("updatedMs"))
                            ? QDateTime::fromMSecsSinceEpoch(
                                  object.value(QStringLiteral("updatedMs")).toInteger(), QTimeZone::UTC)
                            : QDateTime::fromSecsSinceEpoch(
                                  object.value(QStringLiteral("updated")).toInteger(), QTimeZone::UTC);
        entry.sequence = quint64(object.value(QStringLiteral("sequence")).toInteger());
        for (const QJsonValue& digest : object.value(QStringLiteral("unconfirmed")).toArray())
            entry.unconfirmed << digest.toString().toLatin1();
        if (entry.noteId > 0)
            entries << entry;
    }
    std::sort(entries.begin(), entries.end(),
              [](const JournalEntry& a, const JournalEntry& b) { return a.noteId < b.noteId; });
    return entries;
}

} // namespace mirsad::annotations
