#pragma once

#include <QString>
#include <QStringView>

namespace mirsad::search {

// How the Arabic stem of a word is found, once its clitics are off (search/ArabicClitics.h).
// Light is the choice of tests/lib/search/tst_searchjudged (see the README's "Search"): Snowball's
// Arabic stemmer conflates and splits too much on this archive's words (وزير → زير, فلسطين → لسط,
// والموازنه → والمواز but الموازنه → موازنه).
enum class ArabicStemmer { None, Light, Snowball };

// The light stem of a folded Arabic word without its clitics: pronoun suffixes (ها، هم، ه، ك، نا،
// ي...) and then noun suffixes (ات، ون، ين، ية، ة، ي) off, as Larkey's light10 does, each only
// while at least two letters remain; a ت left by a pronoun suffix is the ة it replaced
// (موازنتها → موازن, like الموازنة).
QString arabicLightStem(QStringView word);

// Snowball's stem of a folded word in `language` ("english", "arabic"); the word itself when
// libstemmer does not know the language. Thread-safe (one stemmer per thread and language).
QString snowballStem(QStringView word, const char* language);

// The stem under which a folded word is found: Arabic words by `arabic`, words in Latin letters by
// Snowball's English (Porter 2) stemmer, anything else (numbers, other scripts) as it is.
QString stemOf(QStringView word, ArabicStemmer arabic = ArabicStemmer::Light);

} // namespace mirsad::search
