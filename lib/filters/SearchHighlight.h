#pragma once

#include "text/TextNormalizer.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace mirsad::filters {

// Where a full-text query matches an article's text, for the reader to highlight: every word that
// starts with one of the query's words, compared in the search index's folding (so اربيل marks
// أربيل, and diacritics and tatweel do not matter). Spans are UTF-16 offsets into `text`, cover the
// whole word (a highlight that ends inside an Arabic word breaks its letters' joining), and come
// in text order without overlaps. Empty when the query has no words.
QList<text::Span> searchMatches(QStringView text, const QString& query);

} // namespace mirsad::filters
