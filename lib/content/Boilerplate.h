#pragma once

#include <QStringList>

namespace mirsad::content {

// Removes what scrapers save around an article but is not part of it: the comment form at
// the end ("Leave a Reply" ... "Connecting to %s"), share and print buttons, font-size
// widgets, cookie notices, "related articles" lists. Works on the text's lines; keeps the
// order of what remains.
QStringList removeBoilerplateLines(const QStringList& lines);

// True when one line on its own is page furniture (a share button, a font-size widget...).
bool isBoilerplateLine(const QString& line);

// True when a line starts the trailing block (comment form, related links) that runs to the end.
bool startsTrailingBoilerplate(const QString& line);

} // namespace mirsad::content
