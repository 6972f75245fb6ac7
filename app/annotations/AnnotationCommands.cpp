#include "annotations/AnnotationCommands.h"

#include "annotations/ArticleAnnotations.h"
#include "reader/HighlightColors.h"
#include "storage/Storage.h"

#include <utility>

using namespace mirsad;
using namespace mirsad::annotations;

// Runs a write, then reports a failure or reads the lists again.
template <typename Work> static void write(ArticleAnnotations& owner, Work work) {
    emit owner.aboutToWrite();
    owner.storage().writer().run(std::move(work)).then(&owner, [&owner](const Status& result) {
        if (!result)
            emit owner.failed(result.error());
        owner.reload();
    });
}

static QString quoteLabel(const QString& quote) {
    return quote.size() > 30 ? quote.left(29) + u'…' : quote;
}

AddHighlightCommand::AddHighlightCommand(ArticleAnnotations& owner, Highlight highlight)
    : QUndoCommand(QObject::tr("Highlight “%1”").arg(quoteLabel(highlight.selector.quote)))
    , m_owner(owner)
    , m_highlight(std::make_shared<Highlight>(std::move(highlight))) {
}

void AddHighlightCommand::redo() {
    write(m_owner, [h = m_highlight](QSqlDatabase& db) -> Status {
        Result<qint64> id = insertHighlight(db, *h);
        if (!id)
            return Error{id.error()};
        h->id = *id; // a redo after an undo stores it again under the same id
        return {};
    });
}

void AddHighlightCommand::undo() {
    write(m_owner, [h = m_highlight](QSqlDatabase& db) -> Status {
        if (Result<qint64> version = highlightVersion(db, h->id))
            h->version = *version; // a redo stores it back at the version it had
        Result<QList<qint64>> removed = deleteHighlight(db, h->id);
        return removed ? Status{} : Status{Error{removed.error()}};
    });
}

RecolorHighlightCommand::RecolorHighlightCommand(ArticleAnnotations& owner, qint64 id, qint64 version,
                                                 QString from, QString to)
    : QUndoCommand(QObject::tr("Change highlight colour"))
    , m_owner(owner)
    , m_id(id)
    , m_shownVersion(version)
    , m_from(std::move(from))
    , m_to(std::move(to)) {
}

void RecolorHighlightCommand::apply(const QString& color) {
    write(m_owner, [id = m_id, shown = m_shownVersion, versions = m_owner.highlightVersions(),
                    color](QSqlDatabase& db) {
        const qint64 expected = versions->value(id, shown);
        Status changed = annotations::setHighlightColor(db, id, color, expected);
        if (changed)
            versions->insert(id, expected + 1);
        return changed;
    });
}

void RecolorHighlightCommand::redo() {
    apply(m_to);
}

void RecolorHighlightCommand::undo() {
    apply(m_from);
}

RemoveHighlightCommand::RemoveHighlightCommand(ArticleAnnotations& owner, Highlight highlight)
    : QUndoCommand(QObject::tr("Remove highlight “%1”").arg(quoteLabel(highlight.selector.quote)))
    , m_owner(owner)
    , m_highlight(std::make_shared<Highlight>(std::move(highlight)))
    , m_detachedNotes(std::make_shared<QList<qint64>>()) {
}

void RemoveHighlightCommand::redo() {
    write(m_owner, [h = m_highlight, detached = m_detachedNotes](QSqlDatabase& db) -> Status {
        if (Result<qint64> version = highlightVersion(db, h->id))
            h->version = *version; // undo stores it back at the version it had
        Result<QList<qint64>> removed = deleteHighlight(db, h->id);
        if (!removed)
            return Error{removed.error()};
        *detached = *removed;
        return {};
    });
}

void RemoveHighlightCommand::undo() {
    write(m_owner, [h = m_highlight, detached = m_detachedNotes](QSqlDatabase& db) -> Status {
        Result<qint64> id = insertHighlight(db, *h);
        if (!id)
            return Error{id.error()};
        return attachNotes(db, *detached, h->id);
    });
}

DeleteNoteCommand::DeleteNoteCommand(ArticleAnnotations& owner, Note note)
    : QUndoCommand(QObject::tr("Delete note"))
    , m_owner(owner)
    , m_noteId(note.id)
    , m_deleted(std::make_shared<Note>(std::move(note))) {
}

void DeleteNoteCommand::redo() {
    write(m_owner, [id = m_noteId, deleted = m_deleted](QSqlDatabase& db) -> Status {
        if (Result<Note> current = noteById(db, id))
            *deleted = *current;
        return annotations::deleteNote(db, id);
    });
}

void DeleteNoteCommand::undo() {
    write(m_owner, [deleted = m_deleted](QSqlDatabase& db) -> Status {
        Result<qint64> id = insertNote(db, *deleted);
        return id ? Status{} : Status{Error{id.error()}};
    });
}

AddNoteCommand::AddNoteCommand(ArticleAnnotations& owner, Note note)
    : QUndoCommand(QObject::tr("Add note"))
    , m_owner(owner)
    , m_note(std::make_shared<Note>(std::move(note))) {
}

void AddNoteCommand::redo() {
    emit m_owner.aboutToWrite();
    // The first time the new note opens for writing; a redo just lists it again.
    const bool open = !std::exchange(m_opened, true);
    m_owner.storage()
        .writer()
        .run([note = m_note](QSqlDatabase& db) -> Status {
            Result<qint64> id = insertNote(db, *note);
            if (!id)
                return Error{id.error()};
            note->id = *id; // a redo after an undo stores it again under the same id
            return {};
        })
        .then(&m_owner, [owner = &m_owner, note = m_note, open](const Status& result) {
            if (!result) {
                emit owner->failed(result.error());
                owner->reload();
            } else if (open) {
                owner->noteAdded(*note);
            } else {
                owner->reload();
            }
        });
}

void AddNoteCommand::undo() {
    // What was written in the note since is kept with the command, for a redo.
    write(m_owner, [note = m_note](QSqlDatabase& db) -> Status {
        if (Result<Note> current = noteById(db, note->id))
            *note = *current;
        return annotations::deleteNote(db, note->id);
    });
}

static QString shareText(ShareCommand::Kind kind, bool shared) {
    if (kind == ShareCommand::NoteKind)
        return shared ? QObject::tr("Share note") : QObject::tr("Make note private");
    return shared ? QObject::tr("Share highlight") : QObject::tr("Make highlight private");
}

ShareCommand::ShareCommand(ArticleAnnotations& owner, Kind kind, qint64 id, bool shared)
    : QUndoCommand(shareText(kind, shared))
    , m_owner(owner)
    , m_kind(kind)
    , m_id(id)
    , m_shared(shared) {
}

void ShareCommand::apply(bool shared) {
    write(m_owner, [kind = m_kind, id = m_id, shared](QSqlDatabase& db) {
        return kind == NoteKind ? annotations::setNoteShared(db, id, shared)
                                : annotations::setHighlightShared(db, id, shared);
    });
}

void ShareCommand::redo() {
    apply(m_shared);
}

void ShareCommand::undo() {
    apply(!m_shared);
}
