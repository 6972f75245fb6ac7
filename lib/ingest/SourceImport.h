#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace mirsad::ingest {

// What a source given on the command line or dropped on the window is.
enum class SourceKind {
    ArticleFile, // .txt, .html, .md
    FeedFile,    // RSS, Atom or JSON Feed in a file
    OpmlFile,    // a list of subscriptions
    FeedUrl,     // http(s): a feed, or a web page that announces one
    Missing,     // a path that does not exist
    Unsupported,
};

SourceKind classifySource(const QString& source);

// The URL a feed source is subscribed under: the http(s) URL, or file:// for a feed file.
QUrl feedUrlForSource(const QString& source);

// What importing one source did, for the user.
struct SourceReport {
    QString summary; // one line, e.g. "article.txt: article 12 (new)"
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QList<qint64> newFeedIds; // subscriptions an OPML file added
};

// Imports an article file or an OPML file, in one transaction.
Result<SourceReport> importFileSource(QSqlDatabase& db, const QString& path, SourceKind kind);

} // namespace mirsad::ingest
