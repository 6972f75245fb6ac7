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
Status setHighlightColor(QSqlDatabase& db, qint64 id, const QString& color);
// Removes a highlight; returns the ids of the notes that were attached to it (they stay, on
// the article), so that undo can attach them again.
Result<QList<qint64>> deleteHighlight(QSqlDatabase& db, qint64 id);
Status attachNotes(QSqlDatabase& db, const QList<qint64>& noteIds, qint64 highlightId);

// Stores a note and returns its id (an id already set is kept, as for highlights).
Result<qint64> insertNote(QSqlDatabase& db, const Note& note);
// The autosave path: the body and tags as typed, and when.
Status updateNote(QSqlDatabase& db, qint64 id, const QString& body, const QStringList& tags,
                  const QDateTime& updated);
Status deleteNote(QSqlDatabase& db, qint64 id);
// Shares an annotation with the team, or makes it private to its author again.
Status setHighlightShared(QSqlDatabase& db, qint64 id, bool shared);
Status setNoteShared(QSqlDatabase& db, qint64 id, bool shared);
Result<Note> noteById(const QSqlDatabase& db, qint64 id);

} // namespace mirsad::annotations
