#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace mirsad::text {

// Text folded for matching, with a map back to the input.
struct NormalizedText {
    QString text;
    // origin[i] is the UTF-16 index in the input of the character that produced text[i]; it
    // has text.size() + 1 entries, the last being the input length.
    QList<qsizetype> origin;
};

// The folding of PRODUCT.md, "Names": NFKC then NFD; combining marks, tatweel, ZWJ/ZWNJ and
// bidi controls dropped; alef/hamza forms, ى, ة and Persian/Kurdish letters folded; every
// decimal digit to ASCII; Latin case-folded without accents; hyphens, apostrophes and quotes
// become spaces. Characters that expand share their origin; dropped ones have none.
NormalizedText normalizeForMatching(QStringView input);

// The same folding without the offset map, for the full-text index and for user queries.
QString normalizeForSearch(QStringView input);

// The original span [start, end) of the normalised span [normStart, normEnd): the end covers the
// whole last source character (also when it expanded) and the marks attached to it.
struct Span {
    qsizetype start = 0;
    qsizetype end = 0;
};
Span originalSpan(const NormalizedText& normalized, qsizetype normStart, qsizetype normEnd);

} // namespace mirsad::text
