#pragma once

// The parts of the boilerplate vocabulary (Boilerplate.cpp) that the HTML sanitiser uses.

#include <QStringView>

namespace mirsad::content {

// What the whole text of one HTML block says it is. A Tail block starts a section (comments,
// related articles) after which nothing belongs to the article.
enum class BlockBoilerplate { None, Block, Tail };

// Compares the text after normalisation: white space collapsed, case and trailing ':' '.' '…'
// ignored, Arabic alef forms unified, tanween fath dropped. Texts over 200 characters are None.
BlockBoilerplate classifyBlockText(QStringView text);

// True when a class or id attribute value names page furniture: one of its space-separated
// names has a part (between '-' and '_') such as "share", "comments" or "cookie". Names that
// start with "has-", "no-" or "is-" describe the page and never count.
bool namesBoilerplate(QStringView classOrId);

} // namespace mirsad::content
