#include "text/TextNormalizer.h"

#include "text/FoldingTable.h"

namespace mirsad::text {

namespace {

// Calls sink(unit, originIndex) for every folded unit of input.
template <typename Sink> void foldInto(QStringView input, Sink&& sink) {
    const FoldingTable& table = FoldingTable::instance();
    const qsizetype size = input.size();
    const char16_t* data = input.utf16();
    char16_t buffer[FoldingTable::kMaxExpansion];
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = data[i];
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            bool attached = false;
            const int n =
                FoldingTable::foldCodePoint(QChar::surrogateToUcs4(unit, data[i + 1]), buffer, &attached);
            for (int k = 0; k < n; ++k)
                sink(buffer[k], i);
            ++i;
            continue;
        }
        const FoldingTable::Entry& e = table.entry(unit);
        switch (e.kind) {
        case FoldingTable::Single:
        case FoldingTable::Surrogate: // unpaired: kept as it is
            sink(static_cast<char16_t>(e.value), i);
            break;
        case FoldingTable::Expansion:
            for (quint32 k = 0; k < e.length; ++k)
                sink(table.pool()[e.value + k], i);
            break;
        case FoldingTable::DropAttached:
        case FoldingTable::DropInvisible:
            break;
        }
    }
}

} // namespace

NormalizedText normalizeForMatching(QStringView input) {
    NormalizedText result;
    result.text.reserve(input.size());
    result.origin.reserve(input.size() + 1);
    foldInto(input, [&](char16_t unit, qsizetype origin) {
        result.text.append(QChar(unit));
        result.origin.append(origin);
    });
    result.origin.append(input.size());
    return result;
}

QString normalizeForSearch(QStringView input) {
    QString result;
    result.reserve(input.size());
    foldInto(input, [&](char16_t unit, qsizetype) { result.append(QChar(unit)); });
    return result;
}

Span originalSpan(const NormalizedText& normalized, qsizetype normStart, qsizetype normEnd) {
    const QList<qsizetype>& origin = normalized.origin;
    const qsizetype last = origin.size() - 1;
    normStart = qBound(qsizetype(0), normStart, last);
    normEnd = qBound(normStart, normEnd, last);
    if (normEnd == normStart)
        return {origin[normStart], origin[normStart]};
    // Skip the rest of an expansion the span ends inside (e.g. ﻻ → لا).
    qsizetype j = normEnd;
    while (j < last && origin[j] == origin[normEnd - 1])
        ++j;
    return {origin[normStart], origin[j]};
}

} // namespace mirsad::text
