#pragma once

#include "text/TextNormalizer.h"

#include <QList>
#include <QStringView>

namespace mirsad::text {

// Every place `needle` occurs in `haystack`, compared in the matching folding (so اربيل finds
// أربيل and وأربيل, kadhimi finds Kadhimi, and diacritics, tatweel and case do not matter).
// Spans are UTF-16 offsets into `haystack`, in order and without overlaps; empty when the
// needle folds to nothing.
QList<Span> findFolded(QStringView haystack, QStringView needle);

} // namespace mirsad::text
