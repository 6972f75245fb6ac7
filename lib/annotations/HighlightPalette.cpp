#include "annotations/HighlightPalette.h"

#include <QtGlobal>

namespace mirsad::annotations {

const QList<PaletteColor>& highlightPaletteColors() {
    static const QList<PaletteColor> palette{
        {QStringLiteral("yellow"), QT_TRANSLATE_NOOP("HighlightColors", "Yellow"), 0xffe87a, 0x7a6610},
        {QStringLiteral("green"), QT_TRANSLATE_NOOP("HighlightColors", "Green"), 0xb6eba4, 0x2f6b2a},
        {QStringLiteral("blue"), QT_TRANSLATE_NOOP("HighlightColors", "Blue"), 0xb3d7ff, 0x254f80},
        {QStringLiteral("pink"), QT_TRANSLATE_NOOP("HighlightColors", "Pink"), 0xffc2dc, 0x802d55},
        {QStringLiteral("orange"), QT_TRANSLATE_NOOP("HighlightColors", "Orange"), 0xffcf99, 0x854a12},
    };
    return palette;
}

const PaletteColor& paletteColor(const QString& name) {
    for (const PaletteColor& color : highlightPaletteColors())
        if (color.name == name)
            return color;
    return highlightPaletteColors().first();
}

} // namespace mirsad::annotations
