#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringView>
#include <QUrl>

namespace mirsad::feeds {
class FeedItemSink;
}

namespace mirsad::feeds::detail {

// Parses decoded XML as RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom, handing the items to sink as they
// are read. subject names the feed at the start of error sentences ("The feed at https://...").
// Used by parseFeed().
Result<ParsedFeed> parseXmlFeed(QStringView xml, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink);

// The same for XML in UTF-8 bytes (without a BOM), read as UTF-8 whatever the XML declaration
// says, exactly as parseXmlFeed(QString::fromUtf8(utf8), ...) reads it, without decoding it first.
Result<ParsedFeed> parseXmlFeed(const QByteArray& utf8, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink);

// The same for XML read from a device a few kilobytes at a time (a feed file of any size), in the
// encoding its XML declaration names (UTF-8 without one). Sets `undeclaredEntity` when it
// stopped on an HTML entity the document uses without declaring it.
Result<ParsedFeed> parseXmlFeed(QIODevice& device, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink, bool& undeclaredEntity);

} // namespace mirsad::feeds::detail
