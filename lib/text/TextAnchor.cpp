#include "text/TextAnchor.h"

#include "text/TextNormalizer.h"

#include <QList>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mirsad::text {

TextSelector selectorFor(QStringView text, qsizetype start, qsizetype end) {
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    qsizetype prefixStart = qMax<qsizetype>(0, start - selectorContext);
    qsizetype suffixEnd = qMin(text.size(), end + selectorContext);
    // The context never holds half a surrogate pair (an emoji cut in two is not text).
    if (prefixStart > 0 && prefixStart < start && text[prefixStart].isLowSurrogate())
        ++prefixStart;
    if (suffixEnd > end && suffixEnd < text.size() && text[suffixEnd - 1].isHighSurrogate())
        --suffixEnd;
    return TextSelector{text.mid(start, end - start).toString(),
                        text.mid(prefixStart, start - prefixStart).toString(),
                        text.mid(end, suffixEnd - end).toString(), start, end};
}

namespace {

// How many characters before `at` in text agree with the end of prefix.
qsizetype commonBefore(QStringView text, qsizetype at, QStringView prefix) {
    qsizetype n = 0;
    while (n < prefix.size() && n < at && text[at - 1 - n] == prefix[prefix.size() - 1 - n])
        ++n;
    return n;
}

// How many characters from `at` in text agree with the start of suffix.
qsizetype commonAfter(QStringView text, qsizetype at, QStringView suffix) {
    qsizetype n = 0;
    while (n < suffix.size() && at + n < text.size() && text[at + n] == suffix[n])
        ++n;
    return n;
}

// The occurrence of quote in text whose context agrees best with prefix/suffix; among equals,
// the one nearest the old start.
std::optional<qsizetype> bestOccurrence(QStringView text, QStringView quote, QStringView prefix,
                                        QStringView suffix, qsizetype oldStart) {
    std::optional<qsizetype> best;
    double bestScore = -std::numeric_limits<double>::infinity();
    const double span = double(text.size() + 1);
    for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
        const double context =
            double(commonBefore(text, at, prefix) + commonAfter(text, at + quote.size(), suffix));
        // Nearness only breaks ties between occurrences with the same context.
        const double score = context - std::abs(double(at - oldStart)) / span;
        if (score > bestScore) {
            bestScore = score;
            best = at;
        }
    }
    return best;
}

std::optional<TextAnchor> normalizedMatch(QStringView text, const TextSelector& selector) {
    const text::NormalizedText folded = text::normalizeForMatching(text);
    const QString quote = text::normalizeForSearch(selector.quote).simplified();
    if (quote.isEmpty())
        return {};
    // Collapse runs of spaces in the folded text too, keeping the map back to the original.
    QString collapsed;
    QList<qsizetype> origin;
    for (qsizetype i = 0; i < folded.text.size(); ++i) {
        const bool space = folded.text[i].isSpace();
        if (space && (collapsed.isEmpty() || collapsed.back() == u' '))
            continue;
        collapsed.append(space ? QChar(u' ') : folded.text[i]);
        origin.append(i);
    }
    origin.append(folded.text.size());
    const qsizetype oldStartFolded = [&] {
        for (qsizetype i = 0; i < origin.size() - 1; ++i)
            if (folded.origin.at(origin.at(i)) >= selector.start)
                return i;
        return collapsed.size();
    }();
    const QString prefix = text::normalizeForSearch(selector.prefix).simplified();
    const QString suffix = text::normalizeForSearch(selector.suffix).simplified();
    const std::optional<qsizetype> at = bestOccurrence(collapsed, quote, prefix, suffix, oldStartFolded);
    if (!at)
        return {};
    const text::Span span = text::originalSpan(folded, origin.at(*at), origin.at(*at + quote.size() - 1) + 1);
    return TextAnchor{span.start, span.end, AnchorMethod::Normalized};
}

// Semi-global edit distance (Sellers): the span of text closest to quote, if close enough.
std::optional<TextAnchor> fuzzyMatch(QStringView text, const TextSelector& selector) {
    const QStringView quote = selector.quote;
    const qsizetype m = quote.size();
    const qsizetype n = text.size();
    if (m < 8 || m > 4000 || n == 0)
        return {};
    const qsizetype allowed = m / 5;
    QList<qsizetype> previous(n + 1, 0), current(n + 1, 0);
    QList<qsizetype> previousStart(n + 1), currentStart(n + 1);
    for (qsizetype j = 0; j <= n; ++j)
        previousStart[j] = j;
    for (qsizetype i = 1; i <= m; ++i) {
        current[0] = i;
        currentStart[0] = 0;
        for (qsizetype j = 1; j <= n; ++j) {
            const qsizetype substitute = previous[j - 1] + (quote[i - 1] == text[j - 1] ? 0 : 1);
            const qsizetype remove = previous[j] + 1;
            const qsizetype insert = current[j - 1] + 1;
            if (substitute <= remove && substitute <= insert) {
                current[j] = substitute;
                currentStart[j] = previousStart[j - 1];
            } else if (remove <= insert) {
                current[j] = remove;
                currentStart[j] = previousStart[j];
            } else {
                current[j] = insert;
                currentStart[j] = currentStart[j - 1];
            }
        }
        std::swap(previous, current);
        std::swap(previousStart, currentStart);
    }
    qsizetype bestEnd = -1;
    for (qsizetype j = 1; j <= n; ++j) {
        if (previous[j] > allowed)
            continue;
        if (bestEnd < 0 || previous[j] < previous[bestEnd] ||
            (previous[j] == previous[bestEnd] &&
             std::abs(j - selector.end) < std::abs(bestEnd - selector.end)))
            bestEnd = j;
    }
    if (bestEnd < 0)
        return {};
    return TextAnchor{previousStart[bestEnd], bestEnd, AnchorMethod::Fuzzy};
}

} // namespace

std::optional<TextAnchor> anchorSelector(QStringView text, const TextSelector& selector) {
    if (selector.quote.isEmpty())
        return {};
    if (selector.start >= 0 && selector.end <= text.size() &&
        selector.end - selector.start == selector.quote.size() &&
        text.mid(selector.start, selector.end - selector.start) == selector.quote)
        return TextAnchor{selector.start, selector.end, AnchorMethod::Position};
    if (const std::optional<qsizetype> at =
            bestOccurrence(text, selector.quote, selector.prefix, selector.suffix, selector.start))
        return TextAnchor{*at, *at + selector.quote.size(), AnchorMethod::Quote};
    if (std::optional<TextAnchor> folded = normalizedMatch(text, selector))
        return folded;
    return fuzzyMatch(text, selector);
}

} // namespace mirsad::text
