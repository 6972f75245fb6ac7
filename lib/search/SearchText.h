#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace mirsad::search {

// The form of a text that goes into the full-text index: Arabic orthographic variants folded
// like the name matcher folds them, lower-cased, and every character outside a word a space, so
// that FTS5's cheap ascii tokenizer splits it as unicode61 would split the original.
QString searchText(QStringView text);

// searchText(text).toUtf8(), in one pass: what the index is given.
QByteArray searchTextUtf8(QStringView text);

// Whether a character of folded text belongs to a word (letters, digits, marks, astral planes).
bool isSearchWordCharacter(QChar c);

} // namespace mirsad::search
