// The folding for matching and search on any UTF-8: the offset map has one entry per folded
// character plus one, never goes back and stays inside the input; the search folding is the
// matching folding without the map, and folding twice changes nothing more.

#include "FuzzCheck.h"
#include "text/TextNormalizer.h"

using namespace mirsad;
using namespace mirsad::text;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString input = QString::fromUtf8(fuzz::bytesOf(data, size));
    const NormalizedText folded = normalizeForMatching(input);
    FUZZ_CHECK(folded.origin.size() == folded.text.size() + 1, input);
    FUZZ_CHECK(folded.origin.last() == input.size(), input);
    for (qsizetype i = 0; i < folded.origin.size(); ++i) {
        FUZZ_CHECK(folded.origin[i] >= 0 && folded.origin[i] <= input.size(), input);
        if (i > 0)
            FUZZ_CHECK(folded.origin[i] >= folded.origin[i - 1], input);
    }
    const QString search = normalizeForSearch(input);
    FUZZ_CHECK(search == folded.text, input + u"\nsearch: "_s + search + u"\nmatching: "_s + folded.text);
    const QString again = normalizeForSearch(search);
    FUZZ_CHECK(again == search, input + u"\nonce: "_s + search + u"\ntwice: "_s + again);

    // Every folded span maps back inside the input, in order.
    const qsizetype n = folded.text.size();
    for (qsizetype step = 1; step <= n; step *= 3) {
        for (qsizetype start = 0; start + step <= n; start += step) {
            const Span span = originalSpan(folded, start, start + step);
            FUZZ_CHECK(0 <= span.start && span.start <= span.end && span.end <= input.size(),
                       input + u'\n' + QString::number(start) + u'+' + QString::number(step));
        }
    }
    return 0;
}
