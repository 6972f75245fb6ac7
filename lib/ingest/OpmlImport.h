#pragma once

#include "core/Result.h"
#include "feeds/Opml.h"

#include <QSqlDatabase>

namespace mirsad::ingest {

struct OpmlImportReport {
    int feedsAdded = 0;
    int feedsKnown = 0; // already subscribed
    int folders = 0;
    QList<qint64> newFeedIds;
};

// Subscribes to every feed of an OPML document, creating its folders, in one transaction.
Result<OpmlImportReport> importOpml(QSqlDatabase& db, const feeds::OpmlDocument& document);

// The subscriptions (with their folders) as an OPML document.
Result<feeds::OpmlDocument> exportOpml(const QSqlDatabase& db);

} // namespace mirsad::ingest
