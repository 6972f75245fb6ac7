#pragma once

#include <QString>
#include <QUrl>

namespace mirsad::content {

// The URL of a link (isLink) or an embedded resource as it may appear in sanitised HTML, or
// an empty string when it may not. Strips what browsers ignore inside URLs (tabs, newlines,
// controls), then keeps only http, https and, for links, mailto; relative URLs resolve
// against base (and stay relative without a usable base). The result is FullyEncoded.
QString safeUrl(const QString& raw, const QUrl& base, bool isLink);

} // namespace mirsad::content
