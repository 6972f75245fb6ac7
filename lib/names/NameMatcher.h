#pragma once

#include "names/Entity.h"
#include "names/Gazetteer.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <memory>
#include <optional>

namespace mirsad::names {

// A name found in a text.
struct Mention {
    qsizetype start = 0; // UTF-16 span in the original text, end exclusive; clitics before an
    qsizetype end = 0;   // Arabic name (و ب ل...) are outside it, diacritics inside it
    QString entityId;
    QString surface; // text.mid(start, end - start)

    friend bool operator==(const Mention&, const Mention&) = default;
};

// Finds the gazetteer's names in text, in Arabic and English, through spelling variants.
//
// Built once per gazetteer: every name is folded (text/TextNormalizer.h) and split into words;
// Latin words are reduced to their romanisation skeleton (names/LatinSkeleton.h) and the article
// al/el is optional; the word sequences form a trie over interned word ids. Scanning folds the
// text word by word, and at each word start walks the trie as far as it goes: the longest name
// ending on a word boundary wins. Arabic clitics (و ف ب ك ل, their pairs, and لل for ل + ال)
// are the gazetteer-side variants of a name's first word, tried only when the text word begins
// with one of them. Copies share the built data; match() is safe to call from several threads.
class NameMatcher {
public:
    NameMatcher();
    explicit NameMatcher(const Gazetteer& gazetteer);
    ~NameMatcher();
    NameMatcher(const NameMatcher&);
    NameMatcher& operator=(const NameMatcher&);

    // Every mention in text, in order, none overlapping. A name shared by several entities is
    // kept only when the text names exactly one of them unambiguously elsewhere (a bare
    // "Barzani" after "Masoud Barzani"), or when they are nested places (a city and the
    // governorate of the same name: the city); otherwise it is dropped.
    QList<Mention> match(QStringView text) const;

    // The entities a name typed by a user may mean ("kadhimi", "Al-Kazemi", "الكاظمي"): the whole
    // name must match one of theirs. An entity id is accepted too. Empty when unknown.
    QList<const Entity*> resolve(QStringView name, std::optional<EntityKind> kind = {}) const;

    // The canonical names closest to name (edit distance on the folded skeletons), best first:
    // for "did you mean" in an error message.
    QStringList suggest(QStringView name, int max = 5) const;

    // An entity whose name is close to a typed one, and how close.
    struct Suggestion {
        const Entity* entity = nullptr;
        QString spelling; // the entity's name or spelling nearest to the typed name
        int distance = 0; // edit distance between their folded skeletons
        int length = 0;   // the length of the typed name's skeleton
        // Close enough to be another spelling of the same name rather than a different word:
        // no edit in a skeleton of up to five letters ("Kurds" is not "al-Quds"), one up to nine
        // ("Arbeelu" for Arbil), two up to fifteen, then one more for every seven letters.
        bool isLikelySpelling() const;
    };
    // The entities closest to name, best first (the same search as suggest()).
    QList<Suggestion> suggestEntities(QStringView name, int max = 5) const;

    const Gazetteer& gazetteer() const;
    // Approximate memory held by the built tables, in bytes.
    std::size_t memoryUsage() const;

    struct Data;

private:
    std::shared_ptr<const Data> m_data;
};

} // namespace mirsad::names
