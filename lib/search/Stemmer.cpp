#include "search/Stemmer.h"

#include "search/ArabicClitics.h"

#include <QByteArray>
#include <libstemmer.h>
#include <map>
#include <memory>
#include <string>

namespace mirsad::search {

namespace {

// Folded forms: ة is ه and ى is ي (text/FoldingTable.cpp).
constexpr std::u16string_view kPronounSuffixes[] = {u"هما", u"كما", u"هم", u"هن", u"ها", u"كم",
                                                    u"كن",  u"نا",  u"ه",  u"ك",  u"ي"};
// Not the dual ان: it ends far more names than duals in news (لبنان، ايران، كردستان، عمان).
constexpr std::u16string_view kNounSuffixes[] = {u"ات", u"ون", u"ين", u"يه", u"ه", u"ي"};
constexpr std::u16string_view kDual = u"ان";

bool endsWith(QStringView word, std::u16string_view suffix) {
    return word.size() >= qsizetype(suffix.size()) &&
           word.last(qsizetype(suffix.size())) == QStringView(suffix.data(), qsizetype(suffix.size()));
}

// Strips the first suffix of `suffixes` (longest first) that leaves `minimum` letters; returns
// whether it did.
template <typename Suffixes> bool stripOne(QStringView& word, const Suffixes& suffixes, qsizetype minimum) {
    for (std::u16string_view suffix : suffixes) {
        if (word.size() - qsizetype(suffix.size()) >= minimum && endsWith(word, suffix)) {
            word.chop(qsizetype(suffix.size()));
            return true;
        }
    }
    return false;
}

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

} // namespace

QString arabicLightStem(QStringView word, const LightStemRules& rules) {
    // A short word is its own stem: its last letter is almost always a root's.
    if (word.size() < rules.shortestStemmed)
        return word.toString();
    QStringView stem = word;
    if (rules.tanweenAlef && stem.size() > rules.shortestStemmed && stem.back() == u'\u0627')
        stem.chop(1);
    // Pronoun suffixes first (the longest that fits), then the noun's own ending.
    if (rules.pronouns && stripOne(stem, kPronounSuffixes, rules.minimumStem)) {
        // موازنت|ها: the ة of موازنة is written ت before a suffix.
        if (rules.taBeforePronoun && stem.size() > 3 && stem.back() == u'\u062A') {
            stem.chop(1);
            return stem.toString();
        }
        if (!rules.nounAfterPronoun)
            return stem.toString();
    }
    if (rules.everyNounSuffix) {
        for (std::u16string_view suffix : kNounSuffixes)
            stripOne(stem, std::initializer_list<std::u16string_view>{suffix}, rules.minimumStem);
    } else {
        stripOne(stem, kNounSuffixes, rules.minimumStem);
    }
    if (rules.dual)
        stripOne(stem, std::initializer_list<std::u16string_view>{kDual}, rules.minimumStem);
    return stem.toString();
}

QString snowballStem(QStringView word, const char* language) {
    // libstemmer's stemmers keep state between calls: one per thread and language.
    thread_local std::map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>> stemmers;
    auto& stemmer = stemmers[language];
    if (!stemmer)
        stemmer.reset(sb_stemmer_new(language, "UTF_8"));
    if (!stemmer)
        return word.toString();
    const QByteArray utf8 = word.toUtf8();
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer.get(), reinterpret_cast<const sb_symbol*>(utf8.constData()), int(utf8.size()));
    if (!stem) // out of memory
        return word.toString();
    return QString::fromUtf8(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer.get()));
}

QString stemOf(QStringView word, const Stemming& stemming) {
    if (word.isEmpty())
        return {};
    if (isArabicWord(word)) {
        switch (stemming.arabic) {
        case ArabicStemmer::None:
            return word.toString();
        case ArabicStemmer::Light:
            return arabicLightStem(word, stemming.light);
        case ArabicStemmer::Snowball:
            return snowballStem(word, "arabic");
        }
    }
    const char16_t first = word.front().unicode();
    if ((first >= u'a' && first <= u'z') || (first >= 0xDF && first <= 0x24F))
        return snowballStem(word, "english");
    return word.toString();
}

} // namespace mirsad::search
