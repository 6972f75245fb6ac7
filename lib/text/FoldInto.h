#pragma once

#include "text/FoldingTable.h"

#include <QStringView>

namespace mirsad::text {

// Calls sink(units, count, originIndex) for the folded units of every input character: the loop
// under normalizeForMatching() and normalizeForSearch(), for callers that consume the folded
// units as they come rather than from a string.
template <typename Sink> inline void foldInto(QStringView input, Sink&& sink) {
    const FoldingTable& table = FoldingTable::instance();
    const qsizetype size = input.size();
    const char16_t* data = input.utf16();
    char16_t buffer[FoldingTable::kMaxExpansion];
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = data[i];
        const FoldingTable::Entry& e = table.entry(unit);
        if (e.kind == FoldingTable::Single) { // nearly every unit: decided first
            const auto folded = static_cast<char16_t>(e.value);
            sink(&folded, 1, i);
            continue;
        }
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            bool attached = false;
            const int n =
                FoldingTable::foldCodePoint(QChar::surrogateToUcs4(unit, data[i + 1]), buffer, &attached);
            sink(buffer, n, i);
            ++i;
            continue;
        }
        switch (e.kind) {
        case FoldingTable::Single:
        case FoldingTable::Surrogate: { // unpaired: kept as it is
            const auto folded = static_cast<char16_t>(e.value);
            sink(&folded, 1, i);
            break;
        }
        case FoldingTable::Expansion:
            sink(table.pool() + e.value, e.length, i);
            break;
        case FoldingTable::DropAttached:
        case FoldingTable::DropInvisible:
            break;
        }
    }
}

} // namespace mirsad::text
