#pragma once

#include <QStringView>

namespace mirsad::text {
class FoldingTable;
}

namespace mirsad::names {

// One word of a text, folded for matching (see text/TextNormalizer.h), with its span.
struct Word {
    static constexpr int kMaxUnits = 64; // longer words are never names: they are marked truncated

    enum class Script : quint8 { Latin, Arabic, Other };

    qsizetype start = 0; // UTF-16 span in the original text, including attached marks
    qsizetype end = 0;
    int length = 0;
    bool truncated = false;
    Script script = Script::Other;
    char16_t units[kMaxUnits];
    qsizetype origin[kMaxUnits]; // original index of each folded unit

    QStringView folded() const { return QStringView(units, length); }
    // "al" or "el": the Arabic article in Latin letters, optional wherever names are matched
    // ("Al-Kadhimi" is "Kadhimi").
    bool isLatinArticle() const {
        return script == Script::Latin && length == 2 && units[1] == u'l' &&
               (units[0] == u'a' || units[0] == u'e');
    }
};

// Splits text into words, folding as it goes, without allocating. A word is a run of letters
// and digits after folding; marks and tatweel inside it are kept in its span. Words also end
// where the script changes and at a Latin lower→upper case change, so that tags a scraper ran
// together ("Kurdistan RegionMustafa Al-Kazemi") still separate.
class WordTokenizer {
public:
    explicit WordTokenizer(QStringView text);
    bool next(Word& word);

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    const text::FoldingTable& m_table;
};

} // namespace mirsad::names
