#pragma once

#include <QStringView>
#include <Qt>

namespace mirsad::text {

// The direction of a paragraph from its first strong character (Unicode bidi rules P2/P3):
// Arabic or Hebrew letters give right to left, Latin left to right; none gives left to right.
Qt::LayoutDirection paragraphDirection(QStringView paragraph);

} // namespace mirsad::text
