#pragma once

#include "annotations/Annotations.h"

#include <QUndoCommand>
#include <memory>

class ArticleAnnotations;

// The undoable changes to highlights and notes. Each runs its database work on the writer
// thread; ids are filled in there, so a later undo (queued behind on the same thread) sees them.

class AddHighlightCommand : public QUndoCommand {
public:
    AddHighlightCommand(ArticleAnnotations& owner, mirsad::annotations::Highlight highlight);
    void redo() override;
    void undo() override;

private:
    ArticleAnnotations& m_owner;
    std::shared_ptr<mirsad::annotations::Highlight> m_highlight;
};

class RecolorHighlightCommand : public QUndoCommand {
public:
    // `version`: the highlight's as shown. Each change names the version it expects, the one this
    // window last left it at (ArticleAnnotations::highlightVersions): a change made elsewhere
    // meanwhile is refused, not overwritten.
    RecolorHighlightCommand(ArticleAnnotations& owner, qint64 id, qint64 version, QString from, QString to);
    void redo() override;
    void undo() override;

private:
    void apply(const QString& color);
    ArticleAnnotations& m_owner;
    qint64 m_id;
    qint64 m_shownVersion;
    QString m_from;
    QString m_to;
};

class RemoveHighlightCommand : public QUndoCommand {
public:
    RemoveHighlightCommand(ArticleAnnotations& owner, mirsad::annotations::Highlight highlight);
    void redo() override;
    void undo() override;

private:
    ArticleAnnotations& m_owner;
    std::shared_ptr<mirsad::annotations::Highlight> m_highlight; // its version read on the writer
    std::shared_ptr<QList<qint64>> m_detachedNotes;
};

// Adding a note is undoable like every other change, so that it also ends the redo history.
class AddNoteCommand : public QUndoCommand {
public:
    AddNoteCommand(ArticleAnnotations& owner, mirsad::annotations::Note note);
    void redo() override;
    void undo() override;

private:
    ArticleAnnotations& m_owner;
    std::shared_ptr<mirsad::annotations::Note> m_note;
    bool m_opened = false;
};

class DeleteNoteCommand : public QUndoCommand {
public:
    DeleteNoteCommand(ArticleAnnotations& owner, mirsad::annotations::Note note);
    void redo() override;
    void undo() override;

private:
    ArticleAnnotations& m_owner;
    qint64 m_noteId;
    // The note as it was on disk when deleted (autosave may have changed it since it was listed).
    std::shared_ptr<mirsad::annotations::Note> m_deleted;
};

// Shares a note or highlight with the team, or makes it private to its author again.
class ShareCommand : public QUndoCommand {
public:
    enum Kind { NoteKind, HighlightKind };
    ShareCommand(ArticleAnnotations& owner, Kind kind, qint64 id, bool shared);
    void redo() override;
    void undo() override;

private:
    void apply(bool shared);
    ArticleAnnotations& m_owner;
    Kind m_kind;
    qint64 m_id;
    bool m_shared;
};
