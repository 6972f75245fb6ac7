#pragma once

#include <QString>
#include <QStringView>

namespace mirsad::storage {

// The form of a text that goes into (and is looked up in) the full-text index: Arabic
// orthographic variants folded like the name matcher folds them.
QString searchText(QStringView text);

// Turns what a user typed into an FTS5 query: each word a prefix term, all required.
QString searchQuery(QStringView typed);

} // namespace mirsad::storage
