#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace mirsad::feeds {

struct DiscoveredFeed {
    QUrl url;      // absolute
    QString title; // the link's title attribute, may be empty
    QString type;  // e.g. "application/rss+xml"
};

// The feeds an HTML page announces with <link rel="alternate" type="application/rss+xml |
// atom+xml | feed+json | json">, resolved against the page URL and its <base href>, in page
// order without duplicates.
QList<DiscoveredFeed> discoverFeeds(const QByteArray& html, const QUrl& pageUrl,
                                    const QString& contentTypeHeader = {});

} // namespace mirsad::feeds
