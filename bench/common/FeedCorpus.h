#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace mirsad::names {
struct Entity;
}

// A generated corpus of news feeds shaped like the real ones Mirsad reads: RSS 2.0 with
// content:encoded and Atom 1.0 with escaped HTML content, half in Arabic and half in English,
// with paragraphs, links, an image and names from the shipped gazetteer in every body.
// Shared by the benchmarks: bench_ingest serves it over HTTP, bench_scale writes it to files.
struct CorpusFeed {
    QString path;    // "/feed-03.xml"
    QByteArray body; // UTF-8 XML
    bool arabic = false;
    bool atom = false;
    int items = 0;
};

// An item whose body is about `words` words long (in paragraphs like the others).
struct LongItem {
    int feed = 0;
    int item = 0;
    int words = 10000;
};

struct CorpusOptions {
    int feeds = 10;
    int itemsPerFeed = 2000;
    int itemBytes = 3800; // the approximate size of one item's XML
    quint32 seed = 20240611;

    // The defaults below keep the corpus of bench_ingest byte for byte.

    // When > 0, the corpus holds this many items in all, spread evenly over the feeds
    // (itemsPerFeed is then ignored).
    qint64 totalItems = 0;
    // Each item's size is drawn uniformly from itemBytes ± itemBytesSpread.
    int itemBytesSpread = 0;
    // Item i of feed f is dated start + i * interval, or, interleaved,
    // start + (i * feeds + f) * interval (so that the newest items of all feeds alternate).
    QDateTime start = QDateTime(QDate(2024, 6, 1), QTime(8, 0), QTimeZone::UTC);
    qint64 intervalSeconds = 600;
    bool interleave = false;
    QList<LongItem> longItems;
    // Paths are "/<prefix>-NN.xml", numbered with at least two digits.
    QString pathPrefix = QStringLiteral("feed");
};

// How many items feed f holds.
int corpusFeedItems(const CorpusOptions& options, int feed);

// The entities whose names the bodies use: the shipped gazetteer's.
QList<mirsad::names::Entity> corpusEntities();

// One feed of the corpus (feeds are independent: they may be generated in parallel).
CorpusFeed generateFeed(const CorpusOptions& options, int feed, const QList<mirsad::names::Entity>& entities);

QList<CorpusFeed> generateCorpus(const CorpusOptions& options);

// The guid (RSS) or id (Atom) of an item, as the generator writes it.
QString corpusItemGuid(const CorpusFeed& feed, int feedIndex, int item);
