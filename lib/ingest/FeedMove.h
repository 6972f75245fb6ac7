#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace mirsad::ingest {

// What became of a feed whose address answered with a permanent redirect (301, 308).
struct FeedMove {
    enum class Kind {
        Moved,     // the feed's address is the new one now
        Duplicate, // another feed has the new address; this one held nothing and is removed
        Clash,     // another feed has the new address; this one holds articles: both stay as they are
    };
    Kind kind = Kind::Moved;
    qint64 otherFeedId = 0; // Duplicate, Clash: the feed subscribed at the new address
    QString otherTitle;
};

// Moves a feed to the address it now answers from. When another feed has
// that address already, the feed is a duplicate of it if it is a subscription just made
// (`isNew`) or one that holds no article and was never fetched successfully (an OPML import's):
// it is removed. Otherwise nothing changes (the caller reports the clash on the feed): merging
// would mix two histories, and removing either would lose articles, notes or settings.
Result<FeedMove> followPermanentMove(QSqlDatabase& db, qint64 feedId, const QString& newUrl, bool isNew);

} // namespace mirsad::ingest
