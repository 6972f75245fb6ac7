#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace mirsad::storage {

// One fetch per feed for a team's archive (resources/migrations-postgresql/011_feed_claims.sql):
// before fetching a feed a client claims it, for a lease; a claim ends when the fetch is recorded
// (recordFetch), when it is released, or when its lease runs out (a client killed mid-fetch).
// An SQLite file has one client: every claim succeeds there without a word to the database.

// Why a feed is fetched: because its refresh interval has passed (the schedule, `refresh --watch`),
// or because someone asked for it now.
enum class FetchReason { Due, Asked };

struct FeedClaim {
    bool claimed = false;
    // When not claimed, why: a colleague holds a live claim (fetching it now), or it was fetched
    // recently (not due, or, when asked for, by a colleague within the fresh window).
    bool fetchingNow = false;
    QString by;           // who is fetching it now, or who fetched it last
    QDateTime fetched;    // when it was last fetched (UTC), if ever
    bool missing = false; // no such feed any more
};

// Claims feed `id` for `leaseSeconds` at `now` (the client's clock, as recordFetch writes it).
// Due: only if its interval has passed since the last fetch. Asked: unless a colleague (another
// role) fetched it within `freshSeconds`; one's own recent fetch does not stop a refresh asked for.
// Either way never while another claim is live, one's own included.
Result<FeedClaim> claimFeed(QSqlDatabase& db, qint64 id, FetchReason reason, int leaseSeconds,
                            int freshSeconds, const QDateTime& now);
// Gives up this role's claim on feed `id` (a fetch cancelled before it was recorded).
Status releaseFeedClaim(QSqlDatabase& db, qint64 id);

} // namespace mirsad::storage
