#pragma once

#include "text/CodePoints.h"

namespace mirsad::cli {

// mirsadctl reports offsets in code points, as its contract says (text/CodePoints.h).
using text::CodePointMap;

} // namespace mirsad::cli
