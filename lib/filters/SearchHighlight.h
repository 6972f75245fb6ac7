#pragma once

#include "text/TextNormalizer.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace mirsad::filters {

// Where a full-text query (search/QueryParser.h) matches an article's text, for the reader to
// mark: every form the search finds (اربيل marks وأربيل and بأربيل, delegation marks
// delegations), phrases as written, prefixes. Spans are UTF-16 offsets into `text` covering whole
// words, in text order without overlaps. Empty when the query has no words or is malformed.
QList<text::Span> searchMatches(QStringView text, const QString& query);

} // namespace mirsad::filters
