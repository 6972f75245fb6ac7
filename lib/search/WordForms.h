#pragma once

#include "search/Stemmer.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace mirsad::search {

// Which words of the archive a query word finds. Both sides are folded words (searchText).
//
// An indexed word is found under keys: the stem of each reading of it without clitics (indexKeys).
// A query word looks under the stems of its own readings (QueryWord::keys), and a word found there
// is kept when it is the same word (the one typed, or it with other clitics) or an inflection
// of it (the same stem): formMatch says which. The archive keeps every word's keys in its
// vocabulary (storage/SearchVocabulary.h); the index itself holds the words as written.

// The version of the rules indexKeys follows (clitics, stems). The archive's vocabulary was made
// by some version of them: raise this with every change to what indexKeys returns, and archives
// refill their vocabulary (storage/SearchVocabulary.h).
inline constexpr int kWordKeysVersion = 2;

// The keys of an indexed word, distinct.
QStringList indexKeys(QStringView word, const Stemming& stemming = {});

struct QueryWord {
    QString typed; // as folded
    QStringList bases; // the typed word and its readings without clitics (الموصل → الموصل, موصل)
    QStringList keys; // the stems it looks under in the vocabulary, distinct
    // The stems whose words are its inflections: of the word itself and of its readings without
    // the article (بالموازنة: موازنة). A reading without a bare conjunction or preposition only
    // gives its own forms: وزارة read as و + زارة must not bring in the verb زار's.
    QStringList inflectionKeys;
};
QueryWord queryWord(QStringView folded, const Stemming& stemming = {});

enum class FormMatch {
    None,
    Same,    // the typed word, or it with other clitics (موصل: الموصل، وبالموصل)
    Stemmed, // an inflection: another word with the same stem (delegation: delegations)
};
FormMatch formMatch(const QueryWord& query, QStringView word, const Stemming& stemming = {});

} // namespace mirsad::search
