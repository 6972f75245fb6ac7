#pragma once

#include "core/Result.h"

#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace mirsad::annotations {

// What the analyst is typing into a note, kept in a small file per note under the application's
// data folder (keyed by the archive's location and the note) from the keystroke on, until the
// archive has it. The file is replaced whole at every keystroke (a new file renamed over the old),
// so a kill at any moment leaves either the text before the keystroke or after it; the next start
// saves it through the versioned path (NoteAutosaver::saveJournal). It also keeps typing while a
// team's server is away.
struct JournalEntry {
    qint64 noteId = 0;
    qint64 version = 0; // the note's version the text was typed on
    QString body;
    QStringList tags;
    QDateTime updated;
    quint64 sequence = 0; // which edit of this session: an older one never replaces a newer
    // Digests (savedTextDigest) of texts sent to the archive after `version` whose save was not
    // yet confirmed: if the archive holds one of them at a later version, that version is this
    // typing's own save, not a colleague's, and the text is saved on top of it.
    QByteArrayList unconfirmed;
};

// Identifies a note's text and tags as sent to the archive.
QByteArray savedTextDigest(const QString& body, const QStringList& tags);

class NoteJournal {
public:
    // `location`: the archive's (Storage::path()); only its display form, never a password, is kept.
    explicit NoteJournal(const QString& location);

    // Flush::ToDisk also waits for the disk (fsync), for what may have to outlive a power cut and
    // not only a crash: typing kept while the server is away. A keystroke's write does not wait.
    enum class Flush { ToSystem, ToDisk };
    Status write(const JournalEntry& entry, Flush flush = Flush::ToSystem);
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
