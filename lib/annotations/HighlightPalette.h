#pragma once

#include <QList>
#include <QString>

namespace mirsad::annotations {

// The analyst's highlight colours, in menu (and Ctrl+1..N shortcut) order: the one table the
// reader paints with and the exports (briefs, data) name and shade with. RGB as 0xRRGGBB, so that
// the table needs no QtGui.
struct PaletteColor {
    QString name;      // stored with the highlight: "yellow", "green", ...
    const char* label; // English, for QCoreApplication::translate("HighlightColors", label)
    quint32 light;     // on a light page (and on paper)
    quint32 dark;      // on a dark page
};

const QList<PaletteColor>& highlightPaletteColors();
// The entry of a stored colour name; unknown names get the first colour.
const PaletteColor& paletteColor(const QString& name);

} // namespace mirsad::annotations
