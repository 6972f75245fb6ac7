#pragma once

#include <QString>
#include <QStringView>

namespace mirsad::search {

// How the Arabic stem of a word is found, once its clitics are off (search/ArabicClitics.h).
// Light is the choice of tests/lib/search/tst_searchjudged (see the README's "Search"): on its 53
// Arabic queries it finds more of the relevant passages than Snowball's Arabic stemmer, and fewer
// wrong ones (micro recall .848 against .827, precision .872 against .866); Snowball conflates and
// splits this archive's words (وزير → زير, فلسطين → لسط, والموازنه → والمواز but الموازنه → موازنه).
enum class ArabicStemmer { None, Light, Snowball };

// The light stemmer's rules. The defaults are Mirsad's, chosen on the judged set by
// tests/lib/search/tst_searchjudged.cpp, which measures each of them switched.
struct LightStemRules {
    bool pronouns = true;         // pronoun suffixes come off (ها، هم، ه، ك، نا، ي...)
    bool taBeforePronoun = true;  // the ت left by a pronoun suffix is the ة it replaced
    bool nounAfterPronoun = true; // a noun suffix may come off after a pronoun suffix (النفطيه: ه, ي)
    bool everyNounSuffix = true;  // Larkey's light10: each noun suffix in turn, not only the first
    bool tanweenAlef = true;      // a final ا comes off (اتفاقا, the tanween's alef; also تركيا)
    bool dual = false;            // the dual ان comes off as well (it also ends لبنان، ايران)
    qsizetype shortestStemmed = 4; // shorter words are their own stem
    qsizetype minimumStem = 2;     // letters a suffix must leave
    bool operator==(const LightStemRules&) const = default;
};

// How words are stemmed: the Arabic stemmer and, for the light one, its rules. An ArabicStemmer
// converts to it.
struct Stemming {
    Stemming(ArabicStemmer arabicStemmer = ArabicStemmer::Light, LightStemRules lightRules = {})
        : arabic(arabicStemmer)
        , light(lightRules) {}
    ArabicStemmer arabic;
    LightStemRules light;
    bool operator==(const Stemming&) const = default;
};

// The light stem of a folded Arabic word without its clitics, as Larkey's light10: a final ا
// (the tanween's), a pronoun suffix (ها، هم، ه، ك، نا، ي...), then each noun suffix in turn (ات، ون،
// ين، يه، ه، ي), each only while at least two letters remain; a ت left by a pronoun suffix is the ة
// it replaced (موازنتها → موازن, like الموازنة). `rules` varies this for measurement.
QString arabicLightStem(QStringView word, const LightStemRules& rules = {});

// Snowball's stem of a folded word in `language` ("english", "arabic"); the word itself when
// libstemmer does not know the language. Thread-safe (one stemmer per thread and language).
QString snowballStem(QStringView word, const char* language);

// The stem under which a folded word is found: Arabic words by `stemming`, words in Latin letters by
// Snowball's English (Porter 2) stemmer, anything else (numbers, other scripts) as it is.
QString stemOf(QStringView word, const Stemming& stemming = {});

} // namespace mirsad::search
