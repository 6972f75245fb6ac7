#pragma once

#include "core/Result.h"
#include "feeds/FeedItem.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <atomic>

namespace mirsad::feeds {

// Where a reader puts the items of a feed as it reads them, in document order, so that a large
// feed need not be whole in memory before it is stored.
class FeedItemSink {
public:
    virtual ~FeedItemSink() = default;
    // Takes the next item; feed holds what the reader has read of the feed itself so far.
    // False asks the reader to stop (call stop() too): the rest is not wanted.
    virtual bool take(FeedItem&& item, const ParsedFeed& feed) = 0;
    // The items taken so far are void: the document is read again from its start (with the
    // undeclared HTML entities it uses made numeric, or decoded another way).
    virtual void restart() = 0;

    bool stopped() const { return m_stopped.load(std::memory_order_acquire); }

protected:
    void stop() { m_stopped.store(true, std::memory_order_release); }

private:
    std::atomic_bool m_stopped = false;
};

// Keeps the items in a list, for those who want a feed whole.
class CollectingSink final : public FeedItemSink {
public:
    bool take(FeedItem&& item, const ParsedFeed&) override {
        items.append(std::move(item));
        return true;
    }
    void restart() override { items.clear(); }

    QList<FeedItem> items;
};

// Detects the format of a fetched body and parses it: RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0
// (and 0.3), JSON Feed 1.0 and 1.1. The encoding is decided by decodeBody() (BOM, HTTP charset,
// XML declaration). feedUrl names the feed in error sentences and resolves relative links.
// Refused with a clear error: HTML pages, broken XML or JSON (with line and column), and DTDs
// that declare entities (entity-expansion bombs, external entities).
Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader = {},
                             const QUrl& feedUrl = {});

// The same, handing each item to sink as soon as it is read; the feed returned has no items. On
// an error, whatever sink took is void.
Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader, const QUrl& feedUrl,
                             FeedItemSink& sink);

} // namespace mirsad::feeds
