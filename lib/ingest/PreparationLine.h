#pragma once

#include "feeds/FeedParser.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>

namespace mirsad::ingest {

// The feeds of a refresh on their way to the writer, in the order it stores them. Their
// parsers take turns: the next feed's parser starts when the one before has read its feed to
// the end. The next feed's first chunks are then parsed and prepared while the writer stores
// the last chunks of the one before and writes its index, work that would otherwise leave a
// core idle at the end of every feed. And the chunks waiting for the writer, prepared or in
// preparation, are counted across the feeds: the next feed's may take the room the writer
// frees, while memory stays bounded by one count.
class PreparationLine {
public:
    explicit PreparationLine(qsizetype chunksAhead);

    // A place in the line, taken in the order the writer will store the feeds.
    quint64 take();
    // Waits for the turn of `ticket` to parse; false, giving the place up, when `sink` was stopped
    // meanwhile (whoever stops a sink calls wake()).
    bool beginParsing(quint64 ticket, const feeds::FeedItemSink& sink);
    void endParsing(quint64 ticket);

    // Waits for room for one more chunk; false when `sink` was stopped meanwhile.
    bool acquireChunk(const feeds::FeedItemSink& sink);
    // The writer took chunks, or they were dropped.
    void releaseChunks(qsizetype count);

    void wake();

private:
    void advance(); // past the tickets given up

    const qsizetype m_chunksAhead;
    QMutex m_mutex;
    QWaitCondition m_changed;
    quint64 m_next = 0;    // the next ticket to give
    quint64 m_serving = 0; // the ticket whose turn it is
    QList<quint64> m_givenUp;
    qsizetype m_chunks = 0; // waiting for the writer
};

} // namespace mirsad::ingest
