#pragma once

#include <QByteArray>
#include <QString>

// A generated corpus of news feeds shaped like the real ones Mirsad reads: RSS 2.0 with
// content:encoded and Atom 1.0 with escaped HTML content, half in Arabic and half in English,
// with paragraphs, links, an image and names from the shipped gazetteer in every body.
struct CorpusFeed {
    QString path;    // "/feed-03.xml"
    QByteArray body; // UTF-8 XML
    bool arabic = false;
    bool atom = false;
};

struct CorpusOptions {
    int feeds = 10;
    int itemsPerFeed = 2000;
    int itemBytes = 3800; // the approximate size of one item's XML
    quint32 seed = 20240611;
};

QList<CorpusFeed> generateCorpus(const CorpusOptions& options);
