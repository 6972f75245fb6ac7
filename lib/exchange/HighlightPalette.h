#pragma once

#include <QString>
#include <QStringList>

namespace mirsad::exchange {

// The reader's highlight colours by name, in the palette's order ("yellow" first, the default),
// with the light theme's background (app/reader/HighlightColors.cpp has the same values), for
// the formats that carry a colour.
QStringList highlightColorNames();
bool isHighlightColor(const QString& name);
// "#ffe87a" for "yellow"; the default colour's for an unknown name.
QString highlightBackground(const QString& name);
// A name from a file: the palette's, else the default ("yellow").
QString paletteColorOr(const QString& name);

} // namespace mirsad::exchange
