#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mirsad::briefs {

// A brief the analyst is composing, saved with the archive (migration 019).
struct SavedBrief {
    qint64 id = 0; // 0: not stored yet
    QString title;
    QString introduction;     // Markdown
    QList<qint64> articleIds; // in the analyst's order
    QDateTime created;        // UTC
    QDateTime updated;
};

// The stored briefs, most recently updated first (with their articles).
Result<QList<SavedBrief>> listBriefs(const QSqlDatabase& db);
Result<SavedBrief> loadBrief(const QSqlDatabase& db, qint64 id);
// Stores a brief (a new one when its id is 0) with its articles in order, in one transaction;
// returns its id. Ids of articles that are gone are dropped.
Result<qint64> saveBrief(QSqlDatabase& db, const SavedBrief& brief);
Status deleteBrief(QSqlDatabase& db, qint64 id);

// What the brief composer lists of each of a brief's articles (without their text).
struct BriefEntry {
    qint64 id = 0;
    QString title;
    QString source;      // the article's source (a news agency), else its feed's title
    QDateTime published; // UTC; when the source gave none, when Mirsad first saw it
};
// The entries of these articles, in the order of `ids`; ids not in the archive are skipped.
Result<QList<BriefEntry>> briefEntries(const QSqlDatabase& db, const QList<qint64>& ids);

} // namespace mirsad::briefs
