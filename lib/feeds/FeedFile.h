#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QString>
#include <QUrl>

namespace mirsad::feeds {

class FeedItemSink;

// A feed file on the user's disk is no download: it has no size cap, and is read a few
// kilobytes at a time so that memory stays bounded whatever its size.
//
// Files up to kWholeFeedFileBytes are read whole and parsed exactly as a fetched body is. A
// larger RSS/Atom/RDF file is parsed straight from the file: in UTF-8, in the encoding its XML
// declaration names, or (declaring none and not being UTF-8) in windows-1256, as a fetched body
// would be; undeclared HTML entities (&nbsp;) are read as HTML would, on a second reading.
// JSON Feed cannot be read in pieces (a JSON document is one value, and its items may come
// before or after the feed's own fields), so a JSON Feed file is read whole, up to
// kMaxJsonFeedFileBytes, and refused beyond with a sentence saying why and what to do.
inline constexpr qint64 kWholeFeedFileBytes = 16LL * 1024 * 1024;
inline constexpr qint64 kMaxJsonFeedFileBytes = 512LL * 1024 * 1024;

// Parses the feed file at `path`, handing its items to sink as they are read (see parseFeed).
// feedUrl names the feed in error sentences.
Result<ParsedFeed> parseFeedFile(const QString& path, const QUrl& feedUrl, FeedItemSink& sink);

} // namespace mirsad::feeds
