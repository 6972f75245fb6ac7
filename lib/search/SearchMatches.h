#pragma once

#include "search/QueryParser.h"
#include "search/WordForms.h"
#include "text/TextNormalizer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace mirsad::search {

// Where a query matches a text: what the reader marks and the list's snippet shows. It finds the
// same forms the index search finds (WordForms.h): a word in any of its forms, a phrase as
// written, a prefix after clitics; excluded terms are not marked. `stemming` must be the index's
// (the default) for the marks to agree with what the search finds.
class QueryMatcher {
public:
    explicit QueryMatcher(const ParsedQuery& query, const Stemming& stemming = {});

    bool isEmpty() const { return m_words.isEmpty() && m_prefixes.isEmpty() && m_phrases.isEmpty(); }

    // The matched words' spans, UTF-16 offsets into `text`, in text order without overlaps; each
    // covers whole words (a mark that ends inside an Arabic word breaks its letters' joining).
    QList<text::Span> spans(QStringView text) const;

    // Whether one folded word matches a word or prefix term of the query.
    bool matchesWord(QStringView folded) const;

private:
    Stemming m_stemming;
    QList<QueryWord> m_words;
    QStringList m_prefixes;
    QList<QStringList> m_phrases;
    mutable QHash<QString, bool> m_seen; // a text repeats its words: each is judged once
};

// A passage of a text around its matches, for the article list.
struct Snippet {
    QString text;            // whole words, with … where the text goes on
    QList<text::Span> marks; // the matches inside it, offsets into `text`
    bool isEmpty() const { return text.isEmpty(); }
};

// The passage of about `length` characters with the most matches (the first when they tie); the
// text's beginning when nothing matched.
Snippet snippetOf(QStringView text, const QList<text::Span>& matches, qsizetype length = 180);

// The snippet of `text` for `matcher`: as snippetOf(text, matcher.spans(text)), but the text is
// read a part at a time and the reading stops at the first part with a match: a list page shows
// hundreds of snippets, and most articles name what was searched early.
Snippet snippetFor(const QueryMatcher& matcher, QStringView text, qsizetype length = 180);

// The snippet as text with every mark between `open` and `close` (**Markdown bold** by default).
QString markedSnippet(const Snippet& snippet, QStringView open = u"**", QStringView close = u"**");

} // namespace mirsad::search
