#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QByteArray>
#include <QUrl>

namespace mirsad::feeds::detail {

// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). subject names the feed at
// the start of error sentences. Used by parseFeed().
Result<ParsedFeed> parseJsonFeed(const QByteArray& body, const QUrl& feedUrl, const QString& subject);

} // namespace mirsad::feeds::detail
