#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QStringView>
#include <QUrl>

namespace mirsad::feeds::detail {

// Parses decoded XML as RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom. subject names the feed at the start
// of error sentences ("The feed at https://..."). Used by parseFeed().
Result<ParsedFeed> parseXmlFeed(QStringView xml, const QUrl& feedUrl, const QString& subject);

} // namespace mirsad::feeds::detail
