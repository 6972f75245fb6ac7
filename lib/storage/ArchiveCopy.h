#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace mirsad::storage {

// A whole archive copied from one location to another, SQLite or PostgreSQL either way
// (mirsadctl copy): folders, feeds, articles with their bodies, the names and their filter index,
// highlights, notes, watchlists, briefs, the search vocabulary and the meta values that describe
// the data (not the schema version). Ids are kept, since notes, highlights, briefs and exported
// W3C annotations refer to them; on PostgreSQL the identity sequences then move past them. The
// full-text index cannot be read back (SQLite's is contentless), so the target's is built from
// the bodies, in the target's own form.
//
// It goes in batches, each its own transaction on the target, in key order, and copies only the
// rows the target lacks: a copy that was interrupted goes on where it stopped when started again,
// and a second copy of an unchanged archive changes nothing. Rows already in the target are not
// updated (a copy is not a sync).
//
// A target that is not empty must be an earlier copy of this source: each folder, feed, article,
// highlight, note, watchlist and brief it holds has the same id in the source, with the same
// name, address, dedupe key or creation time. Anything else is "a different archive", refused
// before anything is written.

struct CopyCount {
    QString table;
    qint64 source = 0;
    qint64 target = 0;
};

struct ArchiveCopyOptions {
    int batchSize = 1000;
    // Called after each committed batch (and once at a table's start): the table, the source
    // rows gone through so far (copied or already there), the source's rows.
    std::function<void(const QString& table, qint64 done, qint64 total)> progress;
};

// Copies what `to` lacks of `from`, then counts both, table by table. The copy fails with a
// sentence when the target holds a different archive or a statement fails; the counts are for the
// caller to compare (countsMatch).
Result<QList<CopyCount>> copyArchive(QSqlDatabase& from, QSqlDatabase& to,
                                     const ArchiveCopyOptions& options = {});

// The counts of every table of an archive, as copyArchive compares them (the search index: one
// document per article).
Result<QList<CopyCount>> countArchive(QSqlDatabase& from, QSqlDatabase& to);

inline bool countsMatch(const QList<CopyCount>& counts) {
    for (const CopyCount& count : counts)
        if (count.source != count.target)
            return false;
    return true;
}

} // namespace mirsad::storage
