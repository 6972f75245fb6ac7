#pragma once

#include "feeds/FeedParser.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>
#include <deque>

namespace mirsad::ingest {

// An item as read, with the feed's title as known when it was read (an article's source).
struct QueuedItem {
    feeds::FeedItem item;
    QString feedTitle;
};

// Carries a feed's items from the thread that parses it to the writer that stores it, holding
// at most `capacity` of them: the parser waits while the writer is behind, so that a large feed
// is never whole in memory.
class ItemQueue final : public feeds::FeedItemSink {
public:
    explicit ItemQueue(qsizetype capacity);

    // The parser's side.
    bool take(feeds::FeedItem&& item, const feeds::ParsedFeed& feed) override;
    void restart() override;
    void close(); // no more items

    // What the writer gets next: items, or word that those it had are void, or the end.
    struct Batch {
        QList<QueuedItem> items;
        bool restart = false; // the items before this batch are void; the next ones start over
        bool end = false;     // no item follows
    };
    // Waits for up to `max` items; fewer only at the end or before a restart.
    Batch next(qsizetype max);
    // The writer wants no more: the parser's next take() returns false.
    void cancel();

private:
    const qsizetype m_capacity;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<QueuedItem> m_items;
    bool m_restart = false;
    bool m_closed = false;
};

} // namespace mirsad::ingest
