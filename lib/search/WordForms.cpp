#include "search/WordForms.h"

#include "search/ArabicClitics.h"

namespace mirsad::search {

QStringList indexKeys(QStringView word, const Stemming& stemming) {
    QStringList keys;
    for (qsizetype split : cliticSplits(word, CliticSide::Index)) {
        QString key = stemOf(word.sliced(split), stemming);
        if (!key.isEmpty() && !keys.contains(key))
            keys << std::move(key);
    }
    return keys;
}

QueryWord queryWord(QStringView folded, const Stemming& stemming) {
    QueryWord query;
    query.typed = folded.toString();
    for (qsizetype split : cliticSplits(folded, CliticSide::Query)) {
        const QStringView base = folded.sliced(split);
        query.bases << base.toString();
        QString key = stemOf(base, stemming);
        if (key.isEmpty())
            continue;
        const QStringView clitics = folded.first(split);
        if (split == 0 || clitics.endsWith(u"\u0627\u0644") || clitics.endsWith(u"\u0644\u0644")) {
            if (!query.inflectionKeys.contains(key))
                query.inflectionKeys << key;
        }
        if (!query.keys.contains(key))
            query.keys << std::move(key);
    }
    return query;
}

FormMatch formMatch(const QueryWord& query, QStringView word, const Stemming& stemming) {
    if (word == query.typed)
        return FormMatch::Same;
    FormMatch found = FormMatch::None;
    for (qsizetype split : cliticSplits(word, CliticSide::Index)) {
        const QStringView base = word.sliced(split);
        if (query.bases.contains(base))
            return FormMatch::Same;
        if (found == FormMatch::None && query.inflectionKeys.contains(stemOf(base, stemming)))
            found = FormMatch::Stemmed;
    }
    return found;
}

} // namespace mirsad::search
