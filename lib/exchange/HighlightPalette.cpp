#include "exchange/HighlightPalette.h"

namespace mirsad::exchange {

namespace {

struct PaletteEntry {
    const char16_t* name;
    const char16_t* background;
};

constexpr PaletteEntry palette[] = {
    {u"yellow", u"#ffe87a"}, {u"green", u"#b6eba4"},  {u"blue", u"#b3d7ff"},
    {u"pink", u"#ffc2dc"},   {u"orange", u"#ffcf99"},
};

} // namespace

QStringList highlightColorNames() {
    QStringList names;
    for (const PaletteEntry& entry : palette)
        names << QString::fromUtf16(entry.name);
    return names;
}

bool isHighlightColor(const QString& name) {
    for (const PaletteEntry& entry : palette)
        if (name == QStringView(entry.name))
            return true;
    return false;
}

QString highlightBackground(const QString& name) {
    for (const PaletteEntry& entry : palette)
        if (name == QStringView(entry.name))
            return QString::fromUtf16(entry.background);
    return QString::fromUtf16(palette[0].background);
}

QString paletteColorOr(const QString& name) {
    const QString lower = name.trimmed().toLower();
    return isHighlightColor(lower) ? lower : QString::fromUtf16(palette[0].name);
}

} // namespace mirsad::exchange
