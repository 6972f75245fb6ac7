#include "annotations/NoteAutosaver.h"

#include "annotations/Annotations.h"
#include "storage/Reconnect.h"
#include "storage/Storage.h"

#include <QMutex>
#include <utility>

namespace mirsad::annotations {

// What the writer thread knows of the notes this window saves: the version each is at after its
// own saves (so that steady typing never conflicts with itself), and which notes' text went to a
// conflict copy (so that edits already queued for the note follow it there).
struct NoteAutosaver::Book {
    QMutex mutex;
    QHash<qint64, qint64> versions;
    QHash<qint64, std::pair<qint64, QString>> copies; // note → its conflict copy, and the copy's prefix

    // Points an edit at the note that now takes it, at the version it is at.
    void resolve(JournalEntry& entry) {
        QMutexLocker lock(&mutex);
        for (auto copy = copies.constFind(entry.noteId); copy != copies.cend();
             copy = copies.constFind(entry.noteId)) {
            entry.noteId = copy->first;
            entry.body = copy->second + entry.body;
            entry.version = 0;
        }
        entry.version = versions.value(entry.noteId, entry.version);
    }
};

struct NoteAutosaver::Outcome {
    enum Kind { Saved, Conflict, Offline, Failed, AlreadySaved } kind = Saved;
    NoteSave save;
    QString error;
    QString prefix; // a conflict copy's
};

namespace {

// Saves one edit on the writer thread.
NoteAutosaver::Outcome saveOn(QSqlDatabase& db, auto& book, JournalEntry entry, const QString& header) {
    using Outcome = NoteAutosaver::Outcome;
    book.resolve(entry);
    Result<NoteSave> saved =
        saveNoteVersioned(db, entry.noteId, entry.version, entry.body, entry.tags, entry.updated, header);
    if (!saved) {
        if (storage::connectionLost(db))
            return Outcome{Outcome::Offline, {}, saved.error(), {}};
        return Outcome{Outcome::Failed, {}, saved.error(), {}};
    }
    QMutexLocker lock(&book.mutex);
    book.versions.insert(saved->noteId, saved->version);
    if (saved->conflictOf == 0)
        return Outcome{Outcome::Saved, *saved, {}, {}};
    const QString prefix = conflictCopyPrefix(header, saved->conflictOf, saved->conflictAuthor);
    book.copies.insert(saved->conflictOf, {saved->noteId, prefix});
    return Outcome{Outcome::Conflict, *saved, {}, prefix};
}

// Saves a journal's entry: it may be in the archive already (saved, then Mirsad stopped before it
// could drop the entry), or typed on top of a save of its own whose confirmation never arrived
// (the archive is at a later version than the entry names, with a text this typing sent): that
// version is taken as the one typed on, where anyone else's would give a conflict copy.
NoteAutosaver::Outcome replayOn(QSqlDatabase& db, auto& book, JournalEntry entry, const QString& header) {
    using Outcome = NoteAutosaver::Outcome;
    if (Result<Note> stored = noteById(db, entry.noteId)) {
        if (stored->body == entry.body && stored->tags == entry.tags) {
            QMutexLocker lock(&book.mutex);
            book.versions.insert(stored->id, stored->version);
            return Outcome{Outcome::AlreadySaved, NoteSave{stored->id, stored->version, 0, {}}, {}, {}};
        }
        if (stored->version != entry.version &&
            entry.unconfirmed.contains(savedTextDigest(stored->body, stored->tags)))
            entry.version = stored->version;
    }
    return saveOn(db, book, entry, header);
}

} // namespace

NoteAutosaver::NoteAutosaver(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_header(conflictCopyHeader())
    , m_journal(storage.path())
    , m_book(std::make_shared<Book>()) {
    m_idle.setSingleShot(true);
    m_max.setSingleShot(true);
    m_retry.setSingleShot(true);
    setDelays(500, 900);
    connect(&m_idle, &QTimer::timeout, this, &NoteAutosaver::flush);
    connect(&m_max, &QTimer::timeout, this, &NoteAutosaver::flush);
    connect(&m_retry, &QTimer::timeout, this, &NoteAutosaver::saveJournal);
}

NoteAutosaver::~NoteAutosaver() {
    flush();
}

void NoteAutosaver::setDelays(int idleMs, int maxDelayMs) {
    m_idle.setInterval(idleMs);
    m_max.setInterval(maxDelayMs);
}

void NoteAutosaver::setRetryDelays(int firstMs, int maxMs) {
    m_firstRetryMs = firstMs;
    m_maxRetryMs = maxMs;
    m_retry.setInterval(firstMs);
}

void NoteAutosaver::edit(qint64 noteId, qint64 version, const QString& body, const QStringList& tags) {
    if (m_noteId > 0 && m_noteId != noteId)
        flush();
    m_noteId = noteId;
    m_version = version;
    m_body = body;
    m_tags = tags;
    m_editSequence = ++m_sequence;
    journalEdit(
        JournalEntry{noteId, version, body, tags, QDateTime::currentDateTimeUtc(), m_editSequence, {}},
        NoteJournal::Flush::ToSystem);
    m_idle.start();
    // A pause resets the idle timer only: steady typing is still saved every maxDelayMs.
    if (!m_max.isActive())
        m_max.start();
}

void NoteAutosaver::flush() {
    m_idle.stop();
    m_max.stop();
    if (m_noteId <= 0)
        return;
    JournalEntry entry{std::exchange(m_noteId, 0),
                       m_version,
                       std::exchange(m_body, {}),
                       std::exchange(m_tags, {}),
                       QDateTime::currentDateTimeUtc(),
                       m_editSequence,
                       {}};
    if (m_offline) {
        journalEdit(entry, NoteJournal::Flush::ToDisk);
        return;
    }
    m_unconfirmed[entry.noteId].append({entry.sequence, savedTextDigest(entry.body, entry.tags)});
    m_storage.writer()
        .run([book = m_book, entry, header = m_header](QSqlDatabase& db) {
            return saveOn(db, *book, entry, header);
        })
        .then(this, [this, entry](const Outcome& outcome) { handle(outcome, entry); });
}

void NoteAutosaver::handle(const Outcome& outcome, const JournalEntry& sent) {
    if (auto unconfirmed = m_unconfirmed.find(sent.noteId); unconfirmed != m_unconfirmed.end()) {
        unconfirmed->removeIf([&](const auto& edit) { return edit.first <= sent.sequence; });
        if (unconfirmed->isEmpty())
            m_unconfirmed.erase(unconfirmed);
    }
    switch (outcome.kind) {
    case Outcome::Offline:
        journalEdit(sent, NoteJournal::Flush::ToDisk);
        goOffline();
        return;
    case Outcome::Failed:
        emit saveFailed(outcome.error); // the journal keeps the text
        return;
    case Outcome::Conflict:
        // An edit not yet sent goes where the text now is.
        if (m_noteId == outcome.save.conflictOf) {
            m_noteId = outcome.save.noteId;
            m_body = outcome.prefix + m_body;
        }
        emit conflict(outcome.save.conflictOf, outcome.save.noteId, outcome.save.conflictAuthor,
                      outcome.prefix);
        break;
    case Outcome::Saved:
    case Outcome::AlreadySaved:
        break;
    }
    // A journal entry older than what was just saved is of no more use.
    if (auto journaled = m_journaled.constFind(sent.noteId);
        journaled != m_journaled.cend() && *journaled <= sent.sequence) {
        m_journal.remove(sent.noteId);
        m_journaled.remove(sent.noteId);
    }
    emit saved(outcome.save.noteId, sent.updated);
}

void NoteAutosaver::journalEdit(const JournalEntry& entry, NoteJournal::Flush flush) {
    if (m_journaled.value(entry.noteId) > entry.sequence)
        return; // a newer edit of the note is there already
    JournalEntry resolved = entry;
    m_book->resolve(resolved); // as it would be saved now: it may outlive this session
    resolved.noteId = entry.noteId;
    for (const auto& [sequence, digest] : m_unconfirmed.value(entry.noteId))
        resolved.unconfirmed << digest;
    if (Status written = m_journal.write(resolved, flush); !written) {
        if (!std::exchange(m_journalFailing, true))
            emit saveFailed(written.error());
        return;
    }
    m_journalFailing = false;
    m_journaled.insert(entry.noteId, entry.sequence);
}

bool NoteAutosaver::isBeingSaved(qint64 noteId) const {
    const auto journaled = m_journaled.constFind(noteId);
    if (journaled == m_journaled.cend())
        return false;
    const QList<std::pair<quint64, QByteArray>> sent = m_unconfirmed.value(noteId);
    return !sent.isEmpty() && sent.last().first >= *journaled;
}

void NoteAutosaver::goOffline() {
    if (!m_offline) {
        m_offline = true;
        m_retry.setInterval(m_firstRetryMs);
        emit offlineChanged(true);
    }
    if (!m_retry.isActive() && !m_replaying)
        m_retry.start();
}

QFuture<void> NoteAutosaver::saveJournal() {
    if (m_replaying)
        return QtFuture::makeReadyVoidFuture();
    if (m_noteId > 0)
        flush(); // offline: into the journal, sent below; online: queued before it
    QList<JournalEntry> entries = m_journal.pending();
    // Typing on its way to the archive by the ordinary path is saved by it.
    entries.removeIf([this](const JournalEntry& entry) { return isBeingSaved(entry.noteId); });
    if (entries.isEmpty() && !m_offline)
        return QtFuture::makeReadyVoidFuture();
    for (JournalEntry& entry : entries)
        entry.sequence = m_journaled.value(entry.noteId);
    m_replaying = true;
    struct Replay {
        bool offline = false;
        QList<Outcome> outcomes; // one for each entry tried, in order
    };
    return m_storage.writer()
        .run([book = m_book, entries, header = m_header](QSqlDatabase& db) {
            Replay replay;
            if (!storage::reconnect(db)) {
                replay.offline = true;
                return replay;
            }
            for (const JournalEntry& entry : entries) {
                Outcome outcome = replayOn(db, *book, entry, header);
                if (outcome.kind == Outcome::Offline) {
                    replay.offline = true;
                    break;
                }
                replay.outcomes << outcome;
            }
            return replay;
        })
        .then(this, [this, entries](const Replay& replay) {
            m_replaying = false;
            int saved = 0;
            int fromEarlier = 0;
            for (qsizetype i = 0; i < replay.outcomes.size(); ++i) {
                const Outcome& outcome = replay.outcomes.at(i);
                const qint64 noteId = entries.at(i).noteId;
                const bool earlier = !m_journaled.contains(noteId); // kept by an earlier session
                if (outcome.kind == Outcome::Failed) {
                    // Kept in the journal, tried again at the next start.
                    m_journaled.remove(noteId);
                    emit saveFailed(outcome.error);
                    continue;
                }
                handle(outcome, entries.at(i));
                if (!m_journaled.contains(noteId))
                    m_journal.remove(noteId); // from an earlier session
                if (outcome.kind == Outcome::AlreadySaved)
                    continue;
                ++(earlier ? fromEarlier : saved);
            }
            if (replay.offline) {
                m_retry.setInterval(qMin(m_retry.interval() * 2, m_maxRetryMs));
                goOffline();
                return;
            }
            // The other connections were cut off as well: they connect again too.
            for (storage::DatabaseThread* thread : {&m_storage.reader(), &m_storage.background()})
                thread->run([](QSqlDatabase& db) { return storage::reconnect(db); });
            if (m_offline) {
                m_offline = false;
                emit offlineChanged(false);
            }
            if (saved > 0)
                emit journalSaved(saved);
            if (fromEarlier > 0)
                emit recovered(fromEarlier);
            // Typed while this was on its way: journaled, and saved now.
            for (auto journaled = m_journaled.cbegin(); journaled != m_journaled.cend(); ++journaled) {
                if (!isBeingSaved(journaled.key())) {
                    saveJournal();
                    break;
                }
            }
        });
}

} // namespace mirsad::annotations
