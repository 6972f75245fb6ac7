#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace mirsad::feeds {

// An OPML outline: a feed when xmlUrl is set, otherwise a folder of outlines.
struct OpmlOutline {
    QString title;
    QUrl xmlUrl;
    QUrl htmlUrl;
    QList<OpmlOutline> children;

    bool isFolder() const { return xmlUrl.isEmpty(); }
};

struct OpmlDocument {
    QString title;
    QList<OpmlOutline> outlines;
};

// Reads OPML 1.0/2.0 subscription lists; folders stay nested. Refuses DTDs that declare
// entities and nesting deeper than 64 levels.
Result<OpmlDocument> parseOpml(const QByteArray& data);

// Writes OPML 2.0 (UTF-8).
QByteArray writeOpml(const OpmlDocument& document);

} // namespace mirsad::feeds
