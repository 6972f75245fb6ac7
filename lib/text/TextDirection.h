#pragma once

#include <QString>
#include <QStringView>
#include <Qt>

namespace mirsad::text {

// The direction of a paragraph from its first strong character (Unicode bidi rules P2/P3):
// Arabic or Hebrew letters give right to left, Latin left to right; none gives left to right.
Qt::LayoutDirection paragraphDirection(QStringView paragraph);

// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069): laid out in
// the direction of its own first strong character, whatever surrounds it. An English name in an
// Arabic label ("70 Forces") keeps its order, and the label's punctuation stays outside it.
QString isolated(QStringView text);

// Removes the isolates that isolated() adds (for comparing and copying labels).
QString withoutIsolates(QString text);

} // namespace mirsad::text
