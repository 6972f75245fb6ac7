#pragma once

#include "core/Result.h"
#include "text/TextAnchor.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace mirsad::annotations {

// A passage the analyst highlighted. Orphaned when its passage could not be found again after
// the article's text changed: it is then kept and shown apart, with its quote.
struct Highlight {
    qint64 id = 0;
    qint64 articleId = 0;
    QString color; // a name from the highlight palette ("yellow", "green", ...)
    text::TextSelector selector;
    bool orphaned = false;
    // Who made it: on a team's server the role they connect as (set by the server), in a file
    // of one's own the name the analyst signs with. Shared: the team sees it; else its author only.
    QString author;
    bool shared = false;
    QDateTime created;
    QDateTime updated;
    qint64 version = 1; // one more on every change of its colour (see setHighlightColor)
};

// A Markdown note on an article, attached to one of its highlights or to the whole article.
struct Note {
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 highlightId = 0; // 0: on the article
    QString body;
    QString author; // as for highlights
    bool shared = false;
    QStringList tags;
    QDateTime created;
    QDateTime updated;
    // One more on every change of its text or tags: a save names the version it was loaded at,
    // so that it never overwrites a save made elsewhere meanwhile (saveNoteVersioned).
    qint64 version = 1;
};

// Tags are stored in one column, comma separated.
QStringList parseTags(const QString& text);
QString joinTags(const QStringList& tags);

// An article's highlights in reading order (orphans last) and its notes, oldest first.
Result<QList<Highlight>> listHighlights(const QSqlDatabase& db, qint64 articleId);
Result<QList<Note>> listNotes(const QSqlDatabase& db, qint64 articleId);

// On a team's server every change below is refused by the server itself unless the annotation is
// the connected role's own (row-level security, resources/migrations-postgresql): a change that
// reaches no row is an Error saying whose it is, never a silent success.

// Stores a highlight and returns its id; a highlight that has an id (undoing a removal) is stored
// again under that id.
Result<qint64> insertHighlight(QSqlDatabase& db, const Highlight& highlight);
// With `version` (> 0), only if the highlight is still at that version: else an Error saying it
// was changed elsewhere. Either way its version goes up by one.
Status setHighlightColor(QSqlDatabase& db, qint64 id, const QString& color, qint64 version = 0);
// Removes a highlight; returns the ids of the notes that were attached to it (they stay, on
// the article), so that undo can attach them again.
Result<QList<qint64>> deleteHighlight(QSqlDatabase& db, qint64 id);
// A highlight's version now (for undo, which stores a removed highlight back as it was).
Result<qint64> highlightVersion(const QSqlDatabase& db, qint64 id);
Status attachNotes(QSqlDatabase& db, const QList<qint64>& noteIds, qint64 highlightId);

// Stores a note and returns its id (an id already set is kept, as for highlights).
Result<qint64> insertNote(QSqlDatabase& db, const Note& note);
// The body and tags as typed, and when, whatever the note's version (the command line's edit
// of a note it has just read goes through saveNoteVersioned).
Status updateNote(QSqlDatabase& db, qint64 id, const QString& body, const QStringList& tags,
                  const QDateTime& updated);

// What a versioned save did.
struct NoteSave {
    qint64 noteId = 0;      // the note that now holds the text: the one saved, or its conflict copy
    qint64 version = 0;     // that note's version now
    qint64 conflictOf = 0;  // the text went to a conflict copy of this note, changed elsewhere first
    QString conflictAuthor; // the author of that note
};
// The first line of a conflict copy, a Markdown quote: %1 is the note's id, %2 its author.
QString conflictCopyHeader();
// What a conflict copy of note `id` by `author` begins with, from such a header.
QString conflictCopyPrefix(const QString& header, qint64 id, const QString& author);
// The autosave path: saves `note`'s body and tags if the note is still at `version` (the version
// it was loaded at, or last saved as). If it was saved elsewhere meanwhile, nothing is
// overwritten: the text is stored as a new note on the same article and highlight, its first
// line `header` (conflictCopyHeader() by default) naming the note, then every character typed.
// A note gone, or a colleague's (refused by the server), is an Error as for updateNote.
Result<NoteSave> saveNoteVersioned(QSqlDatabase& db, qint64 id, qint64 version, const QString& body,
                                   const QStringList& tags, const QDateTime& updated,
                                   const QString& header = conflictCopyHeader());
Status deleteNote(QSqlDatabase& db, qint64 id);
// Shares an annotation with the team, or makes it private to its author again.
Status setHighlightShared(QSqlDatabase& db, qint64 id, bool shared);
Status setNoteShared(QSqlDatabase& db, qint64 id, bool shared);
Result<Note> noteById(const QSqlDatabase& db, qint64 id);

} // namespace mirsad::annotations
