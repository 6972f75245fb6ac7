#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace mirsad::feeds {

// Detects the format of a fetched body and parses it: RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0
// (and 0.3), JSON Feed 1.0 and 1.1. The encoding is decided by decodeBody() (BOM, HTTP charset,
// XML declaration). feedUrl names the feed in error sentences and resolves relative links.
// Refused with a clear error: HTML pages, broken XML or JSON (with line and column), and DTDs
// that declare entities (entity-expansion bombs, external entities).
Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader = {},
                             const QUrl& feedUrl = {});

} // namespace mirsad::feeds
