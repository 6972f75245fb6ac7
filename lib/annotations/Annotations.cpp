#include "annotations/Annotations.h"

#include "storage/Database.h"

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
                       "updated FROM highlights WHERE article_id = ? ORDER BY orphaned, start, id"));
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
    return note;
}

static const auto noteColumns =
    QLatin1String("SELECT id, article_id, coalesce(highlight_id, 0), body, author, tags, created, updated "
                  "FROM notes ");

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

Result<qint64> insertHighlight(QSqlDatabase& db, const Highlight& h) {
    return insertReturningId(db, QStringLiteral("highlights"),
                             {u"id"_s, u"article_id"_s, u"color"_s, u"quote"_s, u"prefix"_s, u"suffix"_s,
                              u"start"_s, u"\"end\""_s, u"orphaned"_s, u"created"_s, u"updated"_s},
                             {idOrNull(h.id), QVariant(h.articleId), sqlText(h.color),
                              sqlText(h.selector.quote), sqlText(h.selector.prefix),
                              sqlText(h.selector.suffix), QVariant(qint64(h.selector.start)),
                              QVariant(qint64(h.selector.end)), QVariant(h.orphaned ? 1 : 0),
                              QVariant(epoch(h.created)), QVariant(epoch(h.updated))},
                             QStringLiteral("store the highlight"));
}

Status setHighlightColor(QSqlDatabase& db, qint64 id, const QString& color) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE highlights SET color = ?, updated = ? WHERE id = ?"));
    query.addBindValue(sqlText(color));
    query.addBindValue(epoch({}));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("change the highlight's colour"), query);
    return {};
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
    if (!query.exec())
        return storage::sqlError(QStringLiteral("remove the highlight"), query);
    return attached;
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
    return insertReturningId(db, QStringLiteral("notes"),
                             {u"id"_s, u"article_id"_s, u"highlight_id"_s, u"body"_s, u"author"_s, u"tags"_s,
                              u"created"_s, u"updated"_s},
                             {idOrNull(note.id), QVariant(note.articleId), idOrNull(note.highlightId),
                              sqlText(note.body), sqlText(note.author), sqlText(joinTags(note.tags)),
                              QVariant(epoch(note.created)), QVariant(epoch(note.updated))},
                             QStringLiteral("store the note"));
}

Status updateNote(QSqlDatabase& db, qint64 id, const QString& body, const QStringList& tags,
                  const QDateTime& updated) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE notes SET body = ?, tags = ?, updated = ? WHERE id = ?"));
    query.addBindValue(sqlText(body));
    query.addBindValue(sqlText(joinTags(tags)));
    query.addBindValue(epoch(updated));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("save the note"), query);
    return {};
}

Status deleteNote(QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM notes WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(QStringLiteral("delete the note"), query);
    return {};
}

} // namespace mirsad::annotations
