#include "storage/FeedClaims.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace mirsad::storage {

Result<FeedClaim> claimFeed(QSqlDatabase& db, qint64 id, FetchReason reason, int leaseSeconds,
                            int freshSeconds, const QDateTime& now) {
    if (!isPostgres(db))
        return FeedClaim{true, false, {}, {}, false};
    // One statement: of several clients claiming at once, the row lock lets exactly one through;
    // the others then see its claim (or, once it recorded the fetch, the fresh fetch).
    QSqlQuery claim(db);
    claim.prepare(QStringLiteral(
        "UPDATE feeds SET fetch_claimed_until = now() + make_interval(secs => CAST(:lease AS integer)), "
        "fetch_claimed_by = current_user "
        "WHERE id = :id AND (fetch_claimed_until IS NULL OR fetch_claimed_until < now()) "
        "AND (last_fetched IS NULL OR CASE WHEN CAST(:due AS boolean) "
        "THEN last_fetched <= CAST(:dueNow AS bigint) - refresh_minutes * 60 "
        "ELSE last_fetched_by IS NULL OR last_fetched_by = current_user "
        "OR last_fetched <= CAST(:askedNow AS bigint) - CAST(:fresh AS bigint) END) "
        "RETURNING id"));
    claim.bindValue(QStringLiteral(":lease"), leaseSeconds);
    claim.bindValue(QStringLiteral(":id"), id);
    claim.bindValue(QStringLiteral(":due"), reason == FetchReason::Due);
    claim.bindValue(QStringLiteral(":dueNow"), now.toSecsSinceEpoch());
    claim.bindValue(QStringLiteral(":askedNow"), now.toSecsSinceEpoch());
    claim.bindValue(QStringLiteral(":fresh"), freshSeconds);
    const QString what = QStringLiteral("claim feed %1 for fetching").arg(id);
    if (!claim.exec())
        return sqlError(what, claim);
    if (claim.next())
        return FeedClaim{true, false, {}, {}, false};

    QSqlQuery why(db);
    why.prepare(QStringLiteral("SELECT coalesce(fetch_claimed_until > now(), false), fetch_claimed_by, "
                               "last_fetched_by, last_fetched FROM feeds WHERE id = ?"));
    why.addBindValue(id);
    if (!why.exec())
        return sqlError(what, why);
    FeedClaim refused;
    if (!why.next()) {
        refused.missing = true;
        return refused;
    }
    refused.fetchingNow = why.value(0).toBool();
    refused.by = why.value(refused.fetchingNow ? 1 : 2).toString();
    if (!why.value(3).isNull())
        refused.fetched = QDateTime::fromSecsSinceEpoch(why.value(3).toLongLong(), QTimeZone::UTC);
    return refused;
}

Status releaseFeedClaim(QSqlDatabase& db, qint64 id) {
    if (!isPostgres(db))
        return {};
    QSqlQuery release(db);
    release.prepare(QStringLiteral("UPDATE feeds SET fetch_claimed_until = NULL, fetch_claimed_by = NULL "
                                   "WHERE id = ? AND fetch_claimed_by = current_user"));
    release.addBindValue(id);
    if (!release.exec())
        return sqlError(QStringLiteral("release the claim on feed %1").arg(id), release);
    return {};
}

} // namespace mirsad::storage
