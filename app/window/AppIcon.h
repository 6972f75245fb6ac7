#pragma once

#include <QIcon>

// Mirsad's icon (packaging/app.mirsad.Mirsad.svg) painted at the usual sizes, so that the window
// and the About box have it without Qt's SVG plugin. The installed theme's icon wins when there
// is one.
QIcon appIcon();
