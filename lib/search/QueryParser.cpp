#include "search/QueryParser.h"

#include "search/SearchText.h"

#include <QCoreApplication>
#include <utility>

namespace mirsad::search {

namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("mirsad::search", text, nullptr, n);
}

// One piece of the typed query, before OR is applied.
struct Piece {
    enum Kind { Term, Or } kind = Term;
    QueryTerm term;
    bool excluded = false;
    QString typed; // as the user wrote it, for messages
};

bool isSpace(QChar c) {
    return c.isSpace();
}

// The folded words of a piece of typed text, split as the index's tokenizer splits: searchText
// leaves ASCII punctuation to it (storage/SearchTokenizer.cpp).
QStringList foldedWords(QStringView typed) {
    QStringList words;
    QString word;
    for (const QChar c : searchText(typed)) {
        if (c.unicode() >= 0x80 || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            word += c;
        } else if (c >= u'A' && c <= u'Z') {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            words << std::exchange(word, QString());
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

Result<QList<Piece>> split(QStringView typed) {
    QList<Piece> pieces;
    qsizetype i = 0;
    const qsizetype n = typed.size();
    while (i < n) {
        if (isSpace(typed[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool excluded = false;
        if (typed[i] == u'-' && i + 1 < n && !isSpace(typed[i + 1])) {
            excluded = true;
            ++i;
        }
        if (typed[i] == u'"') {
            const qsizetype close = typed.indexOf(u'"', i + 1);
            if (close < 0)
                return Error{tr("The quotation mark before “%1” is never closed: add a closing \" "
                                "or remove it.")
                                 .arg(typed.sliced(i + 1).trimmed().left(30).toString())};
            const QStringView inside = typed.sliced(i + 1, close - i - 1);
            const QStringList words = foldedWords(inside);
            if (words.isEmpty())
                return Error{tr("The quotation marks at “%1” hold no word to look for: put words "
                                "between them or remove them.")
                                 .arg(typed.sliced(start, close + 1 - start).toString())};
            pieces << Piece{Piece::Term,
                            {QueryTerm::Phrase, words},
                            excluded,
                            typed.sliced(start, close + 1 - start).toString()};
            i = close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && !isSpace(typed[end]) && typed[end] != u'"')
            ++end;
        const QStringView word = typed.sliced(i, end - i);
        const QString written = typed.sliced(start, end - start).toString();
        i = end;
        if (word == u"OR" && !excluded) {
            pieces << Piece{Piece::Or, {}, false, written};
            continue;
        }
        const bool prefix = word.endsWith(u'*');
        const QStringView body = prefix ? word.chopped(1) : word;
        if (body.contains(u'*'))
            return Error{tr("“%1”: * marks a prefix and goes at the end of a word, as in كرد* or "
                            "kurd*.")
                             .arg(written)};
        const QStringList words = foldedWords(body);
        if (words.isEmpty()) {
            if (prefix)
                return Error{
                    tr("“%1”: put at least %n letters before the *.", int(kMinimumPrefix)).arg(written)};
            continue; // punctuation alone: nothing to look for
        }
        if (prefix) {
            if (words.size() > 1 || words.first().size() < kMinimumPrefix)
                return Error{
                    tr("“%1”: a prefix is one word of at least %n letters before the *.", int(kMinimumPrefix))
                        .arg(written)};
            pieces << Piece{Piece::Term, {QueryTerm::Prefix, words}, excluded, written};
        } else {
            // Al-Kazemi is two words of the index in a row: a phrase.
            pieces << Piece{Piece::Term,
                            {words.size() > 1 ? QueryTerm::Phrase : QueryTerm::Word, words},
                            excluded,
                            written};
        }
    }
    return pieces;
}

} // namespace

Result<ParsedQuery> parseQuery(QStringView typed) {
    Result<QList<Piece>> pieces = split(typed);
    if (!pieces)
        return Error{pieces.error()};
    ParsedQuery query;
    const QList<Piece>& list = *pieces;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Piece& piece = list[i];
        if (piece.kind == Piece::Or) {
            const bool before = i > 0 && list[i - 1].kind == Piece::Term && !list[i - 1].excluded;
            const bool after =
                i + 1 < list.size() && list[i + 1].kind == Piece::Term && !list[i + 1].excluded;
            if (!before || !after)
                return Error{tr("OR needs a word or \"phrase\" on each side, as in اربيل OR هولير. To "
                                "look for the word “or”, write it in small letters.")};
            continue;
        }
        if (piece.excluded) {
            query.excluded << piece.term;
            continue;
        }
        const bool joined = i > 0 && list[i - 1].kind == Piece::Or;
        if (joined)
            query.required.last() << piece.term;
        else
            query.required << QueryAlternatives{piece.term};
    }
    if (query.required.isEmpty() && !query.excluded.isEmpty())
        return Error{tr("A search needs at least one word to look for: “-” only leaves articles out, as in "
                        "نفط -كركوك.")};
    return query;
}

} // namespace mirsad::search
