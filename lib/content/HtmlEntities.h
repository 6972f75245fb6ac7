#pragma once

#include <QString>
#include <QStringView>

namespace mirsad::content {

// Decodes HTML character references (named, decimal, hexadecimal) the way browsers do;
// malformed references stay as they were.
QString decodeHtmlEntities(QStringView text);

// The code point of a named character reference ("nbsp" -> U+00A0), or 0 when unknown.
char32_t htmlEntityCodePoint(QStringView name);

} // namespace mirsad::content
