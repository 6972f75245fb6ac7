#include "text/TextFind.h"

namespace mirsad::text {

QList<Span> findFolded(QStringView haystack, QStringView needle) {
    QList<Span> spans;
    const QString folded = normalizeForSearch(needle).trimmed();
    if (folded.isEmpty())
        return spans;
    const NormalizedText text = normalizeForMatching(haystack);
    for (qsizetype at = text.text.indexOf(folded); at >= 0;
         at = text.text.indexOf(folded, at + folded.size())) {
        const Span span = originalSpan(text, at, at + folded.size());
        if (span.end > span.start)
            spans.append(span);
    }
    return spans;
}

} // namespace mirsad::text
