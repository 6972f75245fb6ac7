#include "filters/SearchHighlight.h"

#include "storage/SearchText.h"

namespace mirsad::filters {

QList<text::Span> searchMatches(QStringView text, const QString& query) {
    const QStringList terms = storage::searchTerms(query);
    QList<text::Span> spans;
    if (terms.isEmpty())
        return spans;
    const text::NormalizedText normalized = text::normalizeForMatching(text);
    const QString& folded = normalized.text;
    qsizetype i = 0;
    while (i < folded.size()) {
        if (!storage::isSearchWordCharacter(folded.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < folded.size() && storage::isSearchWordCharacter(folded.at(end)))
            ++end;
        const QStringView word = QStringView(folded).mid(i, end - i);
        for (const QString& term : terms) {
            if (word.startsWith(term)) {
                const text::Span span = text::originalSpan(normalized, i, end);
                if (span.end > span.start)
                    spans << span;
                break;
            }
        }
        i = end;
    }
    return spans;
}

} // namespace mirsad::filters
