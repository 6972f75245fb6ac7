// The queue between a feed's parser and its writer: order, the bound on what waits, a restart
// of the reading, and a writer that gives up while the parser waits.

#include "ingest/ItemQueue.h"

#include <QAtomicInt>
#include <QTest>
#include <QThread>
#include <memory>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

feeds::FeedItem item(int n) {
    feeds::FeedItem item;
    item.guid = QString::number(n);
    return item;
}

QStringList guids(const QList<ingest::QueuedItem>& items) {
    QStringList out;
    for (const ingest::QueuedItem& queued : items)
        out << queued.item.guid;
    return out;
}

} // namespace

class TestItemQueue : public QObject {
    Q_OBJECT
private slots:
    void itemsArriveInOrderAndTheParserWaits() {
        ingest::ItemQueue queue(4);
        feeds::ParsedFeed feed;
        feed.title = u"Rudaw"_s;
        QAtomicInt handed = 0;
        std::unique_ptr<QThread> parser(QThread::create([&] {
            for (int i = 0; i < 10; ++i) {
                if (!queue.take(item(i), feed))
                    return;
                handed.fetchAndAddRelaxed(1);
            }
            queue.close();
        }));
        parser->start();
        // Four items fill the queue; the fifth waits for the writer.
        QTRY_COMPARE(handed.loadRelaxed(), 4);
        QTest::qWait(50);
        QCOMPARE(handed.loadRelaxed(), 4);

        QStringList seen;
        ingest::ItemQueue::Batch batch;
        do {
            batch = queue.next(3);
            QVERIFY(!batch.restart);
            QVERIFY(batch.items.size() <= 3);
            QVERIFY(batch.end || batch.items.size() == 3);
            for (const ingest::QueuedItem& queued : batch.items)
                QCOMPARE(queued.feedTitle, u"Rudaw"_s);
            seen << guids(batch.items);
        } while (!batch.end);
        QVERIFY(parser->wait(5000));
        QCOMPARE(seen, (QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s, u"8"_s,
                                    u"9"_s}));
    }

    // Items the writer has are undone by the writer; those still queued are dropped here.
    void restartVoidsWhatCameBefore() {
        ingest::ItemQueue queue(10);
        const feeds::ParsedFeed feed;
        QVERIFY(queue.take(item(1), feed));
        QVERIFY(queue.take(item(2), feed));
        queue.close();
        ingest::ItemQueue::Batch batch = queue.next(2);
        QCOMPARE(guids(batch.items), (QStringList{u"1"_s, u"2"_s}));
        QVERIFY(batch.end);

        ingest::ItemQueue again(10);
        QVERIFY(again.take(item(1), feed));
        batch = again.next(1);
        QCOMPARE(guids(batch.items), QStringList{u"1"_s});
        QVERIFY(!batch.end);
        QVERIFY(again.take(item(2), feed)); // read, never handed out
        again.restart();
        QVERIFY(again.take(item(1), feed));
        again.close();
        batch = again.next(10);
        QVERIFY(batch.restart);
        QVERIFY(batch.items.isEmpty());
        batch = again.next(10);
        QVERIFY(!batch.restart);
        QVERIFY(batch.end);
        QCOMPARE(guids(batch.items), QStringList{u"1"_s});
    }

    void cancelReleasesAWaitingParser() {
        ingest::ItemQueue queue(1);
        const feeds::ParsedFeed feed;
        bool lastTaken = true;
        std::unique_ptr<QThread> parser(QThread::create([&] {
            queue.take(item(1), feed);
            lastTaken = queue.take(item(2), feed); // waits: the queue is full
        }));
        parser->start();
        QVERIFY(!parser->wait(50));
        queue.cancel();
        QVERIFY(parser->wait(5000));
        QVERIFY(!lastTaken);
        QVERIFY(queue.stopped());
        QVERIFY(!queue.take(item(3), feed));
    }
};

QTEST_GUILESS_MAIN(TestItemQueue)
#include "tst_itemqueue.moc"
