#pragma once

#include <QList>
#include <QStringList>
#include <QStringView>

namespace mirsad::search {

// Arabic writes its conjunctions, prepositions and article as part of the word: وبالموصل is
// و + ب + ال + موصل. A word may be read with any sequence of them in front, in this order:
//
//     [و | ف]  [ب | ل | ك]  [ال]        (ل + ال is written لل)
//
// Which readings are allowed depends on who asks, because a first letter may also be the word's own
// (بغداد, فيصل, كتاب, وزير):
// - Index: every reading that leaves at least kMinimumStem letters after a bare conjunction or
//   preposition (two after the article). A reading only adds a way to find the word.
// - Query: the same, but a bare ف never counts (فيصل is not ف + يصل) and a bare preposition
//   must leave one letter more (كتاب is not ك + تاب, بأربيل is ب + أربيل): what the user typed is
//   read more strictly than what the archive holds, as Larkey's light stemmers do.
enum class CliticSide { Index, Query };

// How many letters each allowed reading strips from the front of a folded word (search::searchText's
// folding: alef forms already ا), shortest first; 0, the word itself, is always the first.
QList<qsizetype> cliticSplits(QStringView word, CliticSide side);

// The word with every allowed sequence of clitics in front, folded (و+base ... فكال+base, لل+base):
// the forms a query looks for when the archive's vocabulary cannot list them yet.
QStringList cliticForms(QStringView base);

// Whether the word is written in Arabic letters (its first letter decides).
bool isArabicWord(QStringView word);

// Letters a bare conjunction or preposition must leave behind; after the article, two.
inline constexpr qsizetype kMinimumStem = 3;

} // namespace mirsad::search
