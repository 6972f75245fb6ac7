#include "reader/HighlightColors.h"

#include "annotations/HighlightPalette.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QCoreApplication>
#include <cmath>

using KSyntaxHighlighting::Theme;

const QList<HighlightColor>& highlightPalette() {
    // The table is lib/annotations' (the exports shade quotes with the same colours).
    static const QList<HighlightColor> palette = [] {
        QList<HighlightColor> colors;
        for (const mirsad::annotations::PaletteColor& color : mirsad::annotations::highlightPaletteColors())
            colors.append({color.name, QCoreApplication::translate("HighlightColors", color.label),
                           QColor::fromRgb(color.light), QColor::fromRgb(color.dark)});
        return colors;
    }();
    return palette;
}

QColor highlightColor(const QString& name, bool dark) {
    for (const HighlightColor& color : highlightPalette())
        if (color.name == name)
            return dark ? color.dark : color.light;
    return dark ? highlightPalette().first().dark : highlightPalette().first().light;
}

QColor readableTextOn(const QColor& background) {
    // WCAG relative luminance; above ~0.18 black text has the better contrast.
    const auto linear = [](float c) {
        return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
    };
    const float luminance = 0.2126f * linear(background.redF()) + 0.7152f * linear(background.greenF()) +
                            0.0722f * linear(background.blueF());
    return luminance > 0.18f ? QColor(0x23, 0x26, 0x29) : QColor(0xfc, 0xfc, 0xfc);
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

static const Theme& theme(bool dark) {
    // The repository loads every definition; built once, used from the UI thread only.
    static KSyntaxHighlighting::Repository repository;
    static const Theme light = repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
    static const Theme darkTheme = repository.defaultTheme(KSyntaxHighlighting::Repository::DarkTheme);
    return dark ? darkTheme : light;
}

// People are functions (they act), places data types, organisations the theme's "others".
static Theme::TextStyle styleFor(mirsad::names::EntityKind kind) {
    switch (kind) {
    case mirsad::names::EntityKind::Person:
        return Theme::Function;
    case mirsad::names::EntityKind::Place:
        return Theme::DataType;
    case mirsad::names::EntityKind::Organization:
        return Theme::Others;
    }
    return Theme::Normal;
}

QColor nameColor(mirsad::names::EntityKind kind, bool dark) {
    const QColor color = QColor::fromRgba(theme(dark).textColor(styleFor(kind)));
    if (color.isValid() && color.alpha() > 0)
        return color;
    return dark ? QColor(0x8e, 0x44, 0xad) : QColor(0x64, 0x4a, 0x9b);
}

QTextCharFormat nameFormat(mirsad::names::EntityKind kind, bool dark) {
    const QColor text = nameColor(kind, dark);
    const QColor page = QColor::fromRgba(theme(dark).editorColor(Theme::BackgroundColor));
    // A tint of the same hue: 16% of the name colour over the page.
    const auto mix = [&](int a, int b) { return (a * 16 + b * 84) / 100; };
    const QColor tint(mix(text.red(), page.red()), mix(text.green(), page.green()),
                      mix(text.blue(), page.blue()));
    QTextCharFormat format;
    format.setForeground(text);
    format.setBackground(tint);
    return format;
}
