// The queue between a feed's parser and its writer: chunks in order, prepared as they fill, the
// bound on what waits, a restart of the reading, and a writer that gives up while the parser
// waits. Then the line the feeds of a refresh share: the room for chunks, counted across them,
// and the turns that let the next feed's parser start when the one before has finished.

#include "ingest/ChunkQueue.h"
#include "ingest/PreparationLine.h"

#include <QAtomicInt>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

feeds::FeedItem item(int n) {
    feeds::FeedItem item;
    item.guid = QString::number(n);
    return item;
}

// A stand-in for the real preparation: an article per item, its guid and source kept.
ingest::ChunkQueue::Prepare prepareOnPool(QAtomicInt* started = nullptr) {
    return [started](QList<ingest::QueuedItem>&& items) {
        if (started)
            started->fetchAndAddRelaxed(1);
        return QtConcurrent::run([items = std::move(items)] {
            ingest::PreparedArticles prepared;
            for (const ingest::QueuedItem& queued : items) {
                Article article;
                article.guid = queued.item.guid;
                article.source = queued.feedTitle;
                prepared.articles << article;
            }
            return prepared;
        });
    };
}

QStringList guids(const ingest::PreparedArticles& prepared) {
    QStringList out;
    for (const Article& article : prepared.articles)
        out << article.guid;
    return out;
}

using Kind = ingest::ChunkQueue::Chunk::Kind;

std::shared_ptr<ingest::PreparationLine> line(qsizetype chunksAhead) {
    return std::make_shared<ingest::PreparationLine>(chunksAhead);
}

} // namespace

class TestChunkQueue : public QObject {
    Q_OBJECT
private slots:
    void chunksArriveInOrderAndTheParserWaits() {
        QAtomicInt started = 0;
        ingest::ChunkQueue queue(3, line(2), prepareOnPool(&started));
        feeds::ParsedFeed feed;
        feed.title = u"Rudaw"_s;
        QAtomicInt taken = 0;
        std::unique_ptr<QThread> parser(QThread::create([&] {
            for (int i = 0; i < 10; ++i) {
                if (!queue.take(item(i), feed))
                    return;
                taken.fetchAndAddRelaxed(1);
            }
            queue.close();
        }));
        parser->start();
        // Two chunks of three wait for the writer; the seventh item fills a third chunk, which
        // waits for room before it is started.
        QTRY_COMPARE(taken.loadRelaxed(), 8);
        QTest::qWait(50);
        QCOMPARE(taken.loadRelaxed(), 8);
        QCOMPARE(started.loadRelaxed(), 2);

        QList<QStringList> seen;
        for (ingest::ChunkQueue::Chunk chunk = queue.next(); chunk.kind != Kind::End; chunk = queue.next()) {
            QCOMPARE(chunk.kind, Kind::Articles);
            const ingest::PreparedArticles prepared = chunk.articles.takeResult();
            for (const Article& article : prepared.articles)
                QCOMPARE(article.source, u"Rudaw"_s);
            seen << guids(prepared);
        }
        QVERIFY(parser->wait(5000));
        QCOMPARE(started.loadRelaxed(), 4);
        QCOMPARE(
            seen,
            (QList<QStringList>{
                {u"0"_s, u"1"_s, u"2"_s}, {u"3"_s, u"4"_s, u"5"_s}, {u"6"_s, u"7"_s, u"8"_s}, {u"9"_s}}));
    }

    // Chunks the writer has are undone by the writer; those still waiting are dropped here.
    void restartVoidsWhatCameBefore() {
        ingest::ChunkQueue queue(2, line(4), prepareOnPool());
        const feeds::ParsedFeed feed;
        for (int i : {1, 2, 3, 4})
            QVERIFY(queue.take(item(i), feed));
        ingest::ChunkQueue::Chunk chunk = queue.next();
        QCOMPARE(chunk.kind, Kind::Articles);
        QCOMPARE(guids(chunk.articles.takeResult()), (QStringList{u"1"_s, u"2"_s}));
        QVERIFY(queue.take(item(5), feed)); // in a chunk not yet full
        queue.restart();                    // drops chunk 3-4 (waiting) and item 5 (filling)
        QVERIFY(queue.take(item(1), feed));
        queue.close();
        QCOMPARE(queue.next().kind, Kind::Restart);
        chunk = queue.next();
        QCOMPARE(chunk.kind, Kind::Articles);
        QCOMPARE(guids(chunk.articles.takeResult()), QStringList{u"1"_s});
        QCOMPARE(queue.next().kind, Kind::End);
    }

    void cancelReleasesAWaitingParser() {
        ingest::ChunkQueue queue(1, line(1), prepareOnPool());
        const feeds::ParsedFeed feed;
        bool lastTaken = true;
        std::unique_ptr<QThread> parser(QThread::create([&] {
            queue.take(item(1), feed);
            lastTaken = queue.take(item(2), feed); // waits: a chunk already waits
        }));
        parser->start();
        QVERIFY(!parser->wait(50));
        queue.cancel();
        QVERIFY(parser->wait(5000));
        QVERIFY(!lastTaken);
        QVERIFY(queue.stopped());
        QVERIFY(!queue.take(item(3), feed));
        QCOMPARE(queue.next().kind, Kind::End); // a writer asking after all gets no chunk
    }

    // The room is the line's: a chunk of the next feed waits until the writer takes one of the
    // feed before, and a cancelled feed gives back the room its waiting chunks held.
    void roomIsSharedAcrossTheLine() {
        const auto shared = line(2);
        const feeds::ParsedFeed feed;
        auto first = std::make_unique<ingest::ChunkQueue>(1, shared, prepareOnPool());
        ingest::ChunkQueue second(1, shared, prepareOnPool());
        QVERIFY(first->take(item(1), feed));
        QVERIFY(first->take(item(2), feed));
        QAtomicInt taken = 0;
        std::unique_ptr<QThread> parser(QThread::create([&] {
            for (int i = 3; i < 6 && second.take(item(i), feed); ++i)
                taken.fetchAndAddRelaxed(1);
        }));
        parser->start();
        QTest::qWait(50);
        QCOMPARE(taken.loadRelaxed(), 0); // the line is full
        ingest::ChunkQueue::Chunk chunk = first->next();
        QCOMPARE(guids(chunk.articles.takeResult()), QStringList{u"1"_s});
        QTRY_COMPARE(taken.loadRelaxed(), 1);
        QTest::qWait(50);
        QCOMPARE(taken.loadRelaxed(), 1);
        first->cancel(); // item 2's chunk, never taken, gives its room back
        QTRY_COMPARE(taken.loadRelaxed(), 2);
        first.reset();
        QCOMPARE(guids(second.next().articles.takeResult()), QStringList{u"3"_s});
        QVERIFY(parser->wait(5000));
        QCOMPARE(taken.loadRelaxed(), 3);
    }

    // Tickets are served in the order they were taken, whichever thread asks first; a ticket
    // given up (its feed dropped before its turn) does not hold up those after it.
    void parsersTakeTurnsInOrder() {
        ingest::PreparationLine turns(1);
        ingest::ChunkQueue first(1, line(1), prepareOnPool()), second(1, line(1), prepareOnPool()),
            third(1, line(1), prepareOnPool());
        const quint64 a = turns.take(), b = turns.take(), c = turns.take();
        QAtomicInt bRan = 0, cRan = 0;
        std::unique_ptr<QThread> tc(QThread::create([&] {
            if (turns.beginParsing(c, third)) {
                cRan = 1;
                turns.endParsing(c);
            }
        }));
        std::unique_ptr<QThread> tb(QThread::create([&] { bRan = turns.beginParsing(b, second) ? 1 : -1; }));
        tc->start();
        tb->start();
        QTest::qWait(50);
        QCOMPARE(bRan.loadRelaxed(), 0); // a has not begun
        QCOMPARE(cRan.loadRelaxed(), 0);
        QVERIFY(turns.beginParsing(a, first));
        second.cancel(); // b's feed is dropped while it waits
        turns.wake();
        QVERIFY(tb->wait(5000));
        QCOMPARE(bRan.loadRelaxed(), -1);
        QTest::qWait(50);
        QCOMPARE(cRan.loadRelaxed(), 0); // still a's turn
        turns.endParsing(a);
        QVERIFY(tc->wait(5000));
        QCOMPARE(cRan.loadRelaxed(), 1);
        const quint64 d = turns.take();
        ingest::ChunkQueue fourth(1, line(1), prepareOnPool());
        QVERIFY(turns.beginParsing(d, fourth)); // served at once: the line is empty
        turns.endParsing(d);
    }
};

QTEST_GUILESS_MAIN(TestChunkQueue)
#include "tst_chunkqueue.moc"
