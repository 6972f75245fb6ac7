#include "storage/HighlightAnchoring.h"

#include "storage/Database.h"
#include "text/TextAnchor.h"

#include <QSqlQuery>

namespace mirsad::storage {

Result<ReanchorReport> reanchorHighlights(QSqlDatabase& db, qint64 articleId, const QString& text) {
    QSqlQuery select(db);
    select.setForwardOnly(true);
    select.prepare(
        QStringLiteral("SELECT id, quote, prefix, suffix, start, \"end\", orphaned FROM highlights "
                       "WHERE article_id = ? ORDER BY orphaned, start, id"));
    select.addBindValue(articleId);
    if (!select.exec())
        return sqlError(QStringLiteral("read the highlights"), select);
    struct Stored {
        qint64 id;
        text::TextSelector selector;
        bool orphaned;
    };
    QList<Stored> highlights;
    while (select.next())
        highlights.append(
            {select.value(0).toLongLong(),
             {select.value(1).toString(), select.value(2).toString(), select.value(3).toString(),
              select.value(4).toLongLong(), select.value(5).toLongLong()},
             select.value(6).toBool()});
    select.finish();

    ReanchorReport report;
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE highlights SET quote = ?, prefix = ?, suffix = ?, start = ?, \"end\" = "
                       "?, orphaned = ? WHERE id = ?"));
    for (const Stored& h : std::as_const(highlights)) {
        const std::optional<text::TextAnchor> anchor = text::anchorSelector(text, h.selector);
        text::TextSelector selector = h.selector;
        if (anchor) {
            if (anchor->method == text::AnchorMethod::Position && !h.orphaned)
                continue;
            // The passage as it reads now, with its new context, for the next change.
            selector = text::selectorFor(text, anchor->start, anchor->end);
            ++report.moved;
        } else {
            if (h.orphaned)
                continue;
            ++report.orphaned;
        }
        for (const QVariant& value :
             {sqlText(selector.quote), sqlText(selector.prefix), sqlText(selector.suffix),
              QVariant(qint64(selector.start)), QVariant(qint64(selector.end)), QVariant(anchor ? 0 : 1),
              QVariant(h.id)})
            update.addBindValue(value);
        if (!update.exec())
            return sqlError(QStringLiteral("move a highlight to its passage"), update);
    }
    return report;
}

} // namespace mirsad::storage
