#pragma once

#include <QString>

namespace mirsad::cli {

// Asks for a password on the terminal, without echoing it, as psql does. Returns an empty string
// when standard input is not a terminal (a script gets libpq's sentence instead of a hang) or when
// nothing was typed.
QString promptPassword(const QString& prompt);

} // namespace mirsad::cli
