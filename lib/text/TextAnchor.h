#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace mirsad::text {

// Where a highlight sits in an article's text, stored the way the W3C Web Annotation
// TextQuoteSelector (quote with its prefix and suffix) and TextPositionSelector (UTF-16 start
// and end into Article::text) describe it, so that it can be found again after the text changed.
struct TextSelector {
    QString quote;
    QString prefix;
    QString suffix;
    qsizetype start = 0;
    qsizetype end = 0;
};

// How much context is kept on each side of the quote.
inline constexpr qsizetype selectorContext = 32;

// The selector of text[start, end), clamped to the text.
TextSelector selectorFor(QStringView text, qsizetype start, qsizetype end);

enum class AnchorMethod {
    Position,   // the quote is still at its old position
    Quote,      // the quote found elsewhere, the best by prefix/suffix and nearness
    Normalized, // found after folding (spacing, diacritics, hamza forms, case...)
    Fuzzy       // found with a few edits inside the quote
};

struct TextAnchor {
    qsizetype start = 0;
    qsizetype end = 0;
    AnchorMethod method = AnchorMethod::Position;
};

// Finds the selector's passage in text: the exact position first, then the quote nearest the old
// position scored by its context, then a folded match, then an approximate one. Empty when the
// passage is gone: the highlight is then orphaned (kept, never deleted).
std::optional<TextAnchor> anchorSelector(QStringView text, const TextSelector& selector);

} // namespace mirsad::text
