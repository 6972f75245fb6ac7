#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace mirsad::annotations {

// One change of a highlight or note, as the team's server recorded it (its trigger fills
// annotation_history, resources/migrations-postgresql/009_annotation_history.sql).
struct HistoryEntry {
    // What the change did, as a reader of the history would say it: a change of sharing alone
    // is "shared" or "made private".
    enum Event { Added, Changed, Deleted, Shared, MadePrivate };
    QDateTime at;  // UTC
    QString actor; // the role that made the change
    Event event = Added;
    QString oldText; // a note's body, a highlight's quote and colour; empty when added
    QString newText; // empty when deleted
    std::optional<bool> oldShared;
    std::optional<bool> newShared;
};

enum class AnnotationKind { Highlight, Note };

// An annotation's history, newest first.
struct AnnotationHistory {
    // False in a file of one's own: only a team's server keeps history (no entries, no error).
    bool kept = false;
    QList<HistoryEntry> entries;
};

// Reads what the server kept of one highlight's or note's changes; the server shows only the
// history of annotations the connected person may read (row-level security).
Result<AnnotationHistory> annotationHistory(const QSqlDatabase& db, AnnotationKind kind, qint64 id);

} // namespace mirsad::annotations
