#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace mirsad::storage {

struct ReanchorReport {
    int moved = 0;    // found again elsewhere (positions updated)
    int orphaned = 0; // not found: flagged, kept
};

// After an article's text changed (a feed re-fetch): finds each of the article's stored
// highlights again in `text` (text::anchorSelector) and stores its new position and context, or
// flags it orphaned. An orphan that can be found again is adopted back. The writer calls it
// inside the transaction that stores the new text, so a highlight never points into text that
// is not there.
Result<ReanchorReport> reanchorHighlights(QSqlDatabase& db, qint64 articleId, const QString& text);

} // namespace mirsad::storage
