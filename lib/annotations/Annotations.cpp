#include "annotations/Annotations.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mirsad::annotations {

using storage::sqlText;

namespace {

QDateTime fromEpoch(const QVariant& value) {
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

qint64 epoch(const QDateTime& time) {
    return (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
}

QVariant idOrNull(qint64 id) {
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

// Why a change to annotation `id` of `table` reached no row: gone, or (on a team's server, where
// row-level security hides the rows one may not change) a colleague's.
Error unchanged(const QSqlDatabase& db, const QString& table, qint64 id, const QString& what) {
    const QString kind = table == u"notes" ? QStringLiteral("note") : QStringLiteral("highlight");
    QSqlQuery owner(db);
    owner.prepare(QStringLiteral("SELECT author FROM %1 WHERE id = ?").arg(table));
    owner.addBindValue(id);
    if (owner.exec() && owner.next()) {
        const QString author = owner.value(0).toString();
        return Error{QStringLiteral("Cannot %1: the %2 is %3's, and only its author can change it.")
                         .arg(what, kind, author.isEmpty() ? QStringLiteral("a colleague") : author)};
    }
    return Error{QStringLiteral("Cannot %1: the %2 no longer exists.").arg(what, kind)};
}

QString authorName(const QString& author) {
    return author.isEmpty() ? QStringLiteral("a colleague") : author;
}

// Why a change of annotation `id` at `version` reached no row, when it was not refused: the row
// is there, the connected role's to change, at another version, so it was changed elsewhere.
struct Changed {
    bool elsewhere = false;
    QString author;
};
Result<Changed> changedElsewhere(const QSqlDatabase& db, const QString& table, qint64 id, qint64 version) {
    QSqlQuery query(db);
    // On a team's server row-level security lets the author alone change it (005).
    query.prepare(
        QStringLiteral("SELECT author, version, %1 FROM %2 WHERE id = ?")
            .arg(storage::isPostgres(db) ? QStringLiteral("author = current_user") : QStringLiteral("1"),
                 table));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read who changed it"), query);
    if (!query.next())
        return Changed{};
    const bool own = query.value(2).toBool();
    return Changed{own && query.value(1).toLongLong() != version, query.value(0).toString()};
}

// Runs a prepared change of annotation `id` of `table`; no row changed is an Error (unchanged()).
Status changeOne(const QSqlDatabase& db, QSqlQuery& query, const QString& table, qint64 id,
                 const QString& what) {
    if (!query.exec())
        return storage::sqlError(what, query);
    if (query.numRowsAffected() == 0)
        return unchanged(db, table, id, what);
    return {};
}

} // namespace

QStringList parseTags(const QString& text) {
    QStringList tags;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (const QString tag = part.trimmed(); !tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    return tags;
}

QString joinTags(const QStringList& tags) {
    return tags.join(QStringLiteral(", "));
}

Result<QList<Highlight>> listHighlights(const QSqlDatabase& db, qint64 articleId) {
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT id, color, quote, prefix, suffix, start, \"end\", orphaned, created, "
                       "updated, author, shared, version FROM highlights WHERE article_id = ? ORDER BY "
                       "orphaned, start, id"));
    query.addBindValue(articleId);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the highlights"), query);
    QList<Highlight> highlights;
    while (query.next()) {
        Highlight h;
        h.id = query.value(0).toLongLong();
        h.articleId = articleId;
        h.color = query.value(1).toString();
        h.selector = text::TextSelector{query.value(2).toString(), query.value(3).toString(),
                                        query.value(4).toString(), query.value(5).toLongLong(),
                                        query.value(6).toLongLong()};
        h.orphaned = query.value(7).toBool();
        h.created = fromEpoch(query.value(8));
        h.updated = fromEpoch(query.value(9));
        h.author = query.value(10).toString();
        h.shared = query.value(11).toInt() != 0;
        h.version = query.value(12).toLongLong();
        highlights << h;
    }
    return highlights;
}

static Note noteFromQuery(const QSqlQuery& query) {
    Note note;
    note.id = query.value(0).toLongLong();
    note.articleId = query.value(1).toLongLong();
    note.highlightId = query.value(2).toLongLong();
    note.body = query.value(3).toString();
    note.author = query.value(4).toString();
    note.tags = parseTags(query.value(5).toString());
    note.created = fromEpoch(query.value(6));
    note.updated = fromEpoch(query.value(7));
    note.shared = query.value(8).toInt() != 0;
    note.version = query.value(9).toLongLong();
    return note;
}

static const auto noteColumns =
    QLatin1String("SELECT id, article_id, coalesce(highlight_id, 0), body, author, tags, created, updated, "
                  "shared, version FROM notes ");

Result<QList<Note>> listNotes(const QSqlDatabase& db, qint64 articleId) {
    QSqlQuery query(db);
    query.prepare(noteColumns + QLatin1String("WHERE article_id = ? ORDER BY created, id"));
    query.addBindValue(articleId);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the notes"), query);
    QList<Note> notes;
    while (query.next())
        notes << noteFromQuery(query);
    return notes;
}

Result<Note> noteById(const QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(noteColumns + QLatin1String("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read a note"), query);
    if (!query.next())
        return Error{QStringLiteral("The note no longer exists.")};
    return noteFromQuery(query);
}

// An INSERT of these columns and values that gives the new row's id: `id` is left out when it
// is 0, for the database to choose (PostgreSQL refuses NULL for an identity, where SQLite picks).
static Result<qint64> insertReturningId(QSqlDatabase& db, const QString& table, QStringList columns,
                                        QVariantList values, const QString& what) {
    if (values.first().isNull()) {
        columns.removeFirst();
        values.removeFirst();
    }
    QStringList marks;
    for (qsizetype i = 0; i < values.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                      .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return storage::sqlError(what, query);
    const qint64 id = query.value(0).toLongLong();
    query.finish(); // SQLite: an unfinished RETURNING statement holds back a surrounding commit
    return id;
}

// On a team's server the author is the role connected, which the column's default writes (and
// the server's policy requires); in a file, the name given.
static void addAuthor(const QSqlDatabase& db, QStringList& columns, QVariantList& values,
                      const QString& author) {
    if (storage::isPostgres(db))
        return;
    columns << u"author"_s;
    values << sqlText(author);
}

Result<qint64> insertHighlight(QSqlDatabase& db, const Highlight& h) {
    QStringList columns{u"id"_s,      u"article_id"_s, u"color"_s,   u"quote"_s,    u"prefix"_s,
                        u"suffix"_s,  u"start"_s,      u"\"end\""_s, u"orphaned"_s, u"created"_s,
                        u"updated"_s, u"shared"_s,     u"version"_s};
    QVariantList values{idOrNull(h.id),
                        QVariant(h.articleId),
                        sqlText(h.color),
                        sqlText(h.selector.quote),
                        sqlText(h.selector.prefix),
                        sqlText(h.selector.suffix),
                        QVariant(qint64(h.selector.start)),
                        QVariant(qint64(h.selector.end)),
                        QVariant(h.orphaned ? 1 : 0),
                        QVariant(epoch(h.created)),
                        QVariant(epoch(h.updated)),
                        QVariant(h.shared ? 1 : 0),
                        QVariant(qMax<qint64>(1, h.version))};
    addAuthor(db, columns, values, h.author);
    return insertReturningId(db, QStringLiteral("highlights"), columns, values,
                             QStringLiteral("store the highlight"));
}

Status setHighlightColor(QSqlDatabase& db, qint64 id, const QString& color, qint64 version) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE highlights SET color = ?, updated = ?, version = version + 1 "
                                 "WHERE id = ?%1")
                      .arg(version > 0 ? QStringLiteral(" AND version = ?") : QString()));
    query.addBindValue(sqlText(color));
    query.addBindValue(epoch({}));
    query.addBindValue(id);
    if (version > 0)
        query.addBindValue(version);
    const QString what = QStringLiteral("change the highlight's colour");
    if (!query.exec())
        return storage::sqlError(what, query);
    if (query.numRowsAffected() > 0)
        return {};
    if (version > 0) {
        Result<Changed> changed = changedElsewhere(db, u"highlights"_s, id, version);
        if (!changed)
            return Error{changed.error()};
        if (changed->elsewhere)
            return Error{QStringLiteral("Cannot change the highlight's colour: %1 changed it elsewhere "
                                        "since it was shown. Its colour is as they left it.")
                             .arg(authorName(changed->author))};
    }
    return unchanged(db, u"highlights"_s, id, what);
}

Result<QList<qint64>> deleteHighlight(QSqlDatabase& db, qint64 id) {
    QList<qint64> attached;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM notes WHERE highlight_id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the highlight's notes"), query);
    while (query.next())
        attached << query.value(0).toLongLong();
    query.prepare(QStringLiteral("DELETE FROM highlights WHERE id = ?"));
    query.addBindValue(id);
    if (Status s = changeOne(db, query, u"highlights"_s, id, QStringLiteral("remove the highlight")); !s)
        return Error{s.error()};
    return attached;
}

Result<qint64> highlightVersion(const QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT version FROM highlights WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the highlight"), query);
    if (!query.next())
        return Error{QStringLiteral("The highlight no longer exists.")};
    return query.value(0).toLongLong();
}

Status attachNotes(QSqlDatabase& db, const QList<qint64>& noteIds, qint64 highlightId) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE notes SET highlight_id = ? WHERE id = ?"));
    for (qint64 noteId : noteIds) {
        query.addBindValue(idOrNull(highlightId));
        query.addBindValue(noteId);
        if (!query.exec())
            return storage::sqlError(QStringLiteral("attach a note to its highlight"), query);
    }
    return {};
}

Result<qint64> insertNote(QSqlDatabase& db, const Note& note) {
    QStringList columns{u"id"_s,      u"article_id"_s, u"highlight_id"_s, u"body"_s,   u"tags"_s,
                        u"created"_s, u"updated"_s,    u"shared"_s,       u"version"_s};
    QVariantList values{idOrNull(note.id),
                        QVariant(note.articleId),
                        idOrNull(note.highlightId),
                        sqlText(note.body),
                        sqlText(joinTags(note.tags)),
                        QVariant(epoch(note.created)),
                        QVariant(epoch(note.updated)),
                        QVariant(note.shared ? 1 : 0),
                        QVariant(qMax<qint64>(1, note.version))}; // undo stores it back as it was
    addAuthor(db, columns, values, note.author);
    return insertReturningId(db, QStringLiteral("notes"), columns, values, QStringLiteral("store the note"));
}

Status updateNote(QSqlDatabase& db, qint64 id, const QString& body, const QStringList& tags,
                  const QDateTime& updated) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE notes SET body = ?, tags = ?, updated = ?, version = version + 1 WHERE id = ?"));
    query.addBindValue(sqlText(body));
    query.addBindValue(sqlText(joinTags(tags)));
    query.addBindValue(epoch(updated));
    query.addBindValue(id);
    return changeOne(db, query, u"notes"_s, id, QStringLiteral("save the note"));
}

QString conflictCopyHeader() {
    return QStringLiteral("> **Conflict copy** of note %1 by %2: the note was saved elsewhere "
                          "before this text was, so this text is kept here.\n\n");
}

QString conflictCopyPrefix(const QString& header, qint64 id, const QString& author) {
    return header.arg(id).arg(authorName(author));
}

Result<NoteSave> saveNoteVersioned(QSqlDatabase& db, qint64 id, qint64 version, const QString& body,
                                   const QStringList& tags, const QDateTime& updated, const QString& header) {
    const QString what = QStringLiteral("save the note");
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE notes SET body = ?, tags = ?, updated = ?, version = version + 1 "
                                 "WHERE id = ? AND version = ?"));
    query.addBindValue(sqlText(body));
    query.addBindValue(sqlText(joinTags(tags)));
    query.addBindValue(epoch(updated));
    query.addBindValue(id);
    query.addBindValue(version);
    if (!query.exec())
        return storage::sqlError(what, query);
    if (query.numRowsAffected() > 0)
        return NoteSave{id, version + 1, 0, {}};
    Result<Changed> changed = changedElsewhere(db, u"notes"_s, id, version);
    if (!changed)
        return Error{changed.error()};
    if (!changed->elsewhere)
        return unchanged(db, u"notes"_s, id, what);
    // Saved elsewhere first: every character typed here goes to a copy beside it.
    Result<Note> original = noteById(db, id);
    if (!original)
        return Error{original.error()};
    Note copy;
    copy.articleId = original->articleId;
    copy.highlightId = original->highlightId;
    copy.author = original->author;
    copy.body = conflictCopyPrefix(header, id, original->author) + body;
    copy.tags = tags;
    copy.created = copy.updated = updated;
    Result<qint64> copyId = insertNote(db, copy);
    if (!copyId)
        return Error{copyId.error()};
    return NoteSave{*copyId, 1, id, original->author};
}

Status deleteNote(QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM notes WHERE id = ?"));
    query.addBindValue(id);
    return changeOne(db, query, u"notes"_s, id, QStringLiteral("delete the note"));
}

static Status setShared(QSqlDatabase& db, const QString& table, qint64 id, bool shared) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE %1 SET shared = ? WHERE id = ?").arg(table));
    query.addBindValue(shared ? 1 : 0);
    query.addBindValue(id);
    return changeOne(db, query, table, id,
                     shared ? QStringLiteral("share it with the team") : QStringLiteral("make it private"));
}

Status setHighlightShared(QSqlDatabase& db, qint64 id, bool shared) {
    return setShared(db, u"highlights"_s, id, shared);
}

Status setNoteShared(QSqlDatabase& db, qint64 id, bool shared) {
    return setShared(db, u"notes"_s, id, shared);
}

} // namespace mirsad::annotations
