#include "filters/SearchHighlight.h"

#include "search/QueryParser.h"
#include "search/SearchMatches.h"

namespace mirsad::filters {

QList<text::Span> searchMatches(QStringView text, const QString& query) {
    const Result<search::ParsedQuery> parsed = search::parseQuery(query);
    if (!parsed)
        return {};
    return search::QueryMatcher(*parsed).spans(text);
}

} // namespace mirsad::filters
