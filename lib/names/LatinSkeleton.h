#pragma once

#include <QStringView>

namespace mirsad::names {

// The romanisation skeleton of a folded Latin word, so that Kazemi, Kazimi and Kadhimi meet:
// dh/th/zh → z, kh → k, q → k, gh → g, e/ee/i/y → i, ou/oo/u → u, doubled letters collapsed,
// a final h after a vowel dropped (Hillah/Hilla). Writes at most word.size() units to out and
// returns how many.
int latinSkeleton(QStringView word, char16_t* out);

} // namespace mirsad::names
