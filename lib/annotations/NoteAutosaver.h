#pragma once

#include "annotations/NoteJournal.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::annotations {

// Saves a note as the analyst types: edits are collected and written on the writer thread once
// typing pauses (idleMs), and at least every maxDelayMs while it goes on. Every keystroke's text
// is also kept at once in the local journal (NoteJournal) until the archive has it, so that a
// crash or a kill loses no character: the next start saves it (saveJournal).
//
// No edit is lost. Each save names the note's version it was typed on: if the note was saved
// elsewhere meanwhile (another window, a colleague's... the same author's other session), the
// text goes to a conflict copy beside it (saveNoteVersioned), later typing follows it there,
// and conflict() tells the window. When a team's server goes away, typing is kept in a local
// journal and offlineChanged(true) says so; reconnection is tried with backoff, and the journal is
// saved and removed once the server is back (also at the next start).
class NoteAutosaver : public QObject {
    Q_OBJECT
public:
    explicit NoteAutosaver(storage::Storage& storage, QObject* parent = nullptr);
    ~NoteAutosaver() override; // flushes

    void setDelays(int idleMs, int maxDelayMs);
    // The first wait before trying the server again; it doubles up to maxMs.
    void setRetryDelays(int firstMs, int maxMs);

    // The note's text as it now reads; `version` is the note's version as it was loaded.
    void edit(qint64 noteId, qint64 version, const QString& body, const QStringList& tags);
    // Queues the pending edit now (before switching notes, closing, deleting).
    void flush();
    bool hasPendingEdit() const { return m_noteId > 0; }

    // The header of a conflict copy (conflictCopyHeader(), translated by the window).
    void setConflictHeader(const QString& header) { m_header = header; }
    bool isOffline() const { return m_offline; }
    // Tries the server now and saves what the journal holds (at open, and after a reconnection);
    // finished once it is saved or found unsaveable for now.
    QFuture<void> saveJournal();
    NoteJournal& journal() { return m_journal; }

    // For the writer thread's work (NoteAutosaver.cpp).
    struct Book;
    struct Outcome;

signals:
    // On the UI thread, once a note's edit is on disk.
    void saved(qint64 noteId, const QDateTime& updated);
    void saveFailed(const QString& message);
    // Note `noteId` (by `author`) was saved elsewhere first: the text typed here is in `copyId`,
    // whose text begins with `header`.
    void conflict(qint64 noteId, qint64 copyId, const QString& author, const QString& header);
    // The server went away (what is typed is kept locally), or came back and has it all.
    void offlineChanged(bool offline);
    // Notes typed while the server was away are now on it.
    void journalSaved(int notes);
    // Notes typed before Mirsad last stopped (crashed, was killed, or closed while the server was
    // away), which the archive did not have yet, are now in it.
    void recovered(int notes);

private:
    void journalEdit(const JournalEntry& entry, NoteJournal::Flush flush);
    void goOffline();
    // Whether the note's newest journaled edit was sent by the ordinary path and not yet confirmed.
    bool isBeingSaved(qint64 noteId) const;
    void handle(const Outcome& outcome, const JournalEntry& sent);

    storage::Storage& m_storage;
    QTimer m_idle;
    QTimer m_max;
    QTimer m_retry;
    int m_firstRetryMs = 500;
    int m_maxRetryMs = 15000;
    qint64 m_noteId = 0;
    qint64 m_version = 0;
    QString m_body;
    QStringList m_tags;
    quint64 m_sequence = 0;
    quint64 m_editSequence = 0; // the pending edit's
    // Per note, the sequence and savedTextDigest of each edit sent and not yet confirmed.
    QHash<qint64, QList<std::pair<quint64, QByteArray>>> m_unconfirmed;
    bool m_journalFailing = false; // said once, not at every keystroke
    QString m_header;
    bool m_offline = false;
    bool m_replaying = false;
    NoteJournal m_journal;
    QHash<qint64, quint64> m_journaled; // note → the sequence of its edit in the journal
    std::shared_ptr<Book> m_book;
};

} // namespace mirsad::annotations
