#include "ingest/FeedMove.h"

#include "storage/FeedQueries.h"

namespace mirsad::ingest {

Result<FeedMove> followPermanentMove(QSqlDatabase& db, qint64 feedId, const QString& newUrl, bool isNew) {
    // No transaction of its own: each branch writes once (deleteFeed takes its own), and the
    // unique address keeps a colleague's concurrent move from making two feeds of one.
    FeedMove move;
    const std::optional<qint64> other = storage::feedIdForUrl(db, newUrl);
    if (!other || *other == feedId) {
        if (Status s = storage::setFeedUrl(db, feedId, newUrl); !s)
            return Error{s.error()};
    } else {
        Result<storage::FeedInfo> existing = storage::feedById(db, *other);
        if (!existing)
            return Error{existing.error()};
        move.otherFeedId = *other;
        move.otherTitle = storage::shownFeedTitle(existing->url, existing->title);
        bool holdsNothing = isNew;
        if (!holdsNothing) {
            Result<storage::FeedInfo> self = storage::feedById(db, feedId);
            if (!self)
                return Error{self.error()};
            holdsNothing = self->total == 0 && (!self->lastFetched.isValid() || !self->lastError.isEmpty());
        }
        move.kind = holdsNothing ? FeedMove::Kind::Duplicate : FeedMove::Kind::Clash;
        if (holdsNothing) {
            if (Status s = storage::deleteFeed(db, feedId); !s)
                return Error{s.error()};
        }
    }
    return move;
}

} // namespace mirsad::ingest
