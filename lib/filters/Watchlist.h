#pragma once

#include "core/Result.h"
#include "storage/ArticleFilter.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace mirsad::filters {

// A named, saved combination of filters.
struct Watchlist {
    qint64 id = 0;
    QString name;
    ArticleFilter filter;
    int position = 0;
    QDateTime created;
    qint64 unread = 0; // filled by listWatchlists(withUnread = true)
};

// The filter as stored in watchlists.filter: only the conditions that are set, dates as ISO 8601
// UTC, e.g. {"entities":[["mohammed-shia-al-sudani"]],"regions":["kirkuk"],"text":"oil"}.
QJsonObject filterToJson(const ArticleFilter& filter);
// Unknown keys are ignored (a newer Mirsad may add some); a wrongly typed value is an Error.
Result<ArticleFilter> filterFromJson(const QJsonObject& json);

// Watchlists by position, then creation; with each one's unread count when asked.
Result<QList<Watchlist>> listWatchlists(const QSqlDatabase& db, bool withUnread = false);
Result<Watchlist> watchlistById(const QSqlDatabase& db, qint64 id);
// Writes (on the writer). A name must not be blank.
Result<qint64> addWatchlist(QSqlDatabase& db, const QString& name, const ArticleFilter& filter);
Status updateWatchlist(QSqlDatabase& db, qint64 id, const QString& name, const ArticleFilter& filter);
Status renameWatchlist(QSqlDatabase& db, qint64 id, const QString& name);
Status deleteWatchlist(QSqlDatabase& db, qint64 id);

} // namespace mirsad::filters
