#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace mirsad::storage {

// The form of a text that goes into (and is looked up in) the full-text index: Arabic
// orthographic variants folded like the name matcher folds them.
QString searchText(QStringView text);

// Whether a character of folded text belongs to a word, as FTS5's unicode61 tokenizer sees it.
bool isSearchWordCharacter(QChar c);

// The words of what a user typed, folded like searchText: each one a prefix to look for.
QStringList searchTerms(QStringView typed);

// Turns what a user typed into an FTS5 query: each word a prefix term, all required.
QString searchQuery(QStringView typed);

} // namespace mirsad::storage
