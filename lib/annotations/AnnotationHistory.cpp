#include "annotations/AnnotationHistory.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mirsad::annotations {

namespace {

std::optional<bool> sharedOf(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return value.toInt() != 0;
}

HistoryEntry::Event eventOf(const QString& action, const HistoryEntry& entry) {
    if (action == u"added")
        return HistoryEntry::Added;
    if (action == u"deleted")
        return HistoryEntry::Deleted;
    // The trigger records a change only when the text or the sharing changed.
    if (entry.oldText == entry.newText && entry.oldShared != entry.newShared)
        return entry.newShared.value_or(false) ? HistoryEntry::Shared : HistoryEntry::MadePrivate;
    return HistoryEntry::Changed;
}

} // namespace

Result<AnnotationHistory> annotationHistory(const QSqlDatabase& db, AnnotationKind kind, qint64 id) {
    AnnotationHistory history;
    if (!storage::isPostgres(db))
        return history; // a file of one's own keeps no history
    history.kept = true;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Milliseconds since the epoch: the same on every driver and time zone setting.
    query.prepare(u"SELECT (extract(epoch FROM at) * 1000)::bigint, actor, action, old_text, new_text, "
                  "old_shared, new_shared FROM annotation_history "
                  "WHERE kind = ? AND annotation_id = ? ORDER BY id DESC"_s);
    query.addBindValue(kind == AnnotationKind::Note ? u"note"_s : u"highlight"_s);
    query.addBindValue(id);
    if (!query.exec())
        return storage::sqlError(u"read the history of the annotation"_s, query);
    while (query.next()) {
        HistoryEntry entry;
        entry.at = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), QTimeZone::UTC);
        entry.actor = query.value(1).toString();
        entry.oldText = query.value(3).toString();
        entry.newText = query.value(4).toString();
        entry.oldShared = sharedOf(query.value(5));
        entry.newShared = sharedOf(query.value(6));
        entry.event = eventOf(query.value(2).toString(), entry);
        history.entries.append(entry);
    }
    return history;
}

} // namespace mirsad::annotations
