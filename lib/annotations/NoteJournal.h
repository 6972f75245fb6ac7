#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace mirsad::annotations {

// What the analyst typed into a note while the team's server was away: kept in a small file per
// note under the application's data folder (keyed by the archive's location and the note), each
// written whole with QSaveFile, so that neither the server's absence nor closing Mirsad loses a
// character. Saved to the server, through the versioned path, when it is back; then removed.
struct JournalEntry {
    qint64 noteId = 0;
    qint64 version = 0; // the note's version the text was typed on
    QString body;
    QStringList tags;
    QDateTime updated;
    quint64 sequence = 0; // which edit of this session: an older one never replaces a newer
};

class NoteJournal {
public:
    // `location`: the archive's (Storage::path()); only its display form, never a password, is kept.
    explicit NoteJournal(const QString& location);

    Status write(const JournalEntry& entry);
    void remove(qint64 noteId);
    // This archive's entries, oldest note first.
    QList<JournalEntry> pending() const;
    bool isEmpty() const { return pending().isEmpty(); }
    QString directory() const { return m_directory; }

private:
    QString fileFor(qint64 noteId) const;
    QString m_location;
    QString m_directory;
    QString m_key;
};

} // namespace mirsad::annotations
