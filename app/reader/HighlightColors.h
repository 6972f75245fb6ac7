#pragma once

#include "names/Entity.h"

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>
#include <QTextCharFormat>

// The colours of the reader: the analyst's highlight palette, and a colour per kind of name
// taken from a KSyntaxHighlighting theme (Breeze Light or Breeze Dark, matching the palette).

struct HighlightColor {
    QString name;  // stored with the highlight: "yellow", "green", ...
    QString label; // translated, for menus
    QColor light;  // on a light page
    QColor dark;   // on a dark page
};

// The analyst's highlight colours, in menu (and Ctrl+1..N shortcut) order.
const QList<HighlightColor>& highlightPalette();
// The colour to paint a stored highlight colour name with (unknown names: the first colour).
QColor highlightColor(const QString& name, bool dark);

// Dark or light text, whichever reads on `background` (by its relative luminance): for rows
// painted in a highlight colour, whatever the palette's own text colour.
QColor readableTextOn(const QColor& background);

// Whether a palette is a dark one (light text on a dark base).
bool isDarkPalette(const QPalette& palette);

// The format of a highlighted name of this kind: a text colour from the theme and a soft
// background of the same hue.
QTextCharFormat nameFormat(mirsad::names::EntityKind kind, bool dark);
// The theme's colour for a kind, for legends and the entity list.
QColor nameColor(mirsad::names::EntityKind kind, bool dark);
