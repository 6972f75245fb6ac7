#include "exchange/HighlightPalette.h"

#include "annotations/HighlightPalette.h"

namespace mirsad::exchange {

QStringList highlightColorNames() {
    QStringList names;
    for (const annotations::PaletteColor& color : annotations::highlightPaletteColors())
        names << color.name;
    return names;
}

bool isHighlightColor(const QString& name) {
    return highlightColorNames().contains(name);
}

QString highlightBackground(const QString& name) {
    return QStringLiteral("#%1").arg(annotations::paletteColor(name).light, 6, 16, QLatin1Char('0'));
}

QString paletteColorOr(const QString& name) {
    const QString lower = name.trimmed().toLower();
    return isHighlightColor(lower) ? lower : annotations::highlightPaletteColors().first().name;
}

} // namespace mirsad::exchange
