#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace mirsad::feeds {

// One entry of a feed, as the source wrote it (HTML not yet sanitised).
struct FeedItem {
    QString guid;  // RSS guid, Atom id, RDF about, JSON Feed id
    QUrl link;     // absolute when the feed gave enough to resolve it
    QString title; // plain text
    QString author;
    QDateTime published; // UTC; invalid when the feed gives none
    QDateTime updated;   // UTC; invalid when the feed gives none
    QString contentHtml; // the fullest body: content:encoded / Atom content, else the summary
    QString summary;     // description / Atom summary, as HTML
    QStringList tags;
    QUrl thumbnail;
    QUrl baseUrl; // what relative links inside the content resolve against
};

// A whole feed after parsing.
struct ParsedFeed {
    QString formatName; // "RSS 2.0", "RSS 0.91", "RSS 1.0", "Atom 1.0", "JSON Feed 1.1"...
    QString title;
    QUrl siteLink;
    QString description;
    QString language;
    QList<FeedItem> items;
};

} // namespace mirsad::feeds
