#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace mirsad::search {

// Mirsad's search language, the same in the window's search box and in `mirsadctl list --query`:
//
//     words              every word must match, in any of its forms (clitics, inflections)
//     "exact phrase"     these words, in this order, as written (no other forms)
//     a OR b             either (OR in capitals; it binds closer than the space between words)
//     -word, -"phrase"   articles with it are left out
//     prefix*            words that start with it (after their clitics: كرد* finds والكردية)
//
// Spelling variants never matter (hamza and alef forms, ى/ي, ة/ه, diacritics, tatweel, case).
// Punctuation inside a word splits it as the index does: Al-Kazemi is the phrase "al kazemi".
struct QueryTerm {
    enum Kind { Word, Phrase, Prefix };
    Kind kind = Word;
    QStringList words; // folded (searchText): one for Word and Prefix, one or more for Phrase
    bool operator==(const QueryTerm&) const = default;
};

// Terms joined by OR: one of them must match.
using QueryAlternatives = QList<QueryTerm>;

struct ParsedQuery {
    QList<QueryAlternatives> required; // all of them
    QList<QueryTerm> excluded;         // none of them
    bool isEmpty() const { return required.isEmpty() && excluded.isEmpty(); }
    bool operator==(const ParsedQuery&) const = default;
};

// The query, or a sentence for the user saying what is wrong with it and how to fix it. A query
// with nothing to look for (empty, or only punctuation) is an empty ParsedQuery: no condition.
Result<ParsedQuery> parseQuery(QStringView typed);

// The shortest prefix a prefix* term may have, in letters.
inline constexpr qsizetype kMinimumPrefix = 2;

} // namespace mirsad::search
