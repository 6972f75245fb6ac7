#include "search/SearchMatches.h"

#include "search/ArabicClitics.h"
#include "search/SearchText.h"

#include <algorithm>

namespace mirsad::search {

QueryMatcher::QueryMatcher(const ParsedQuery& query, const Stemming& stemming)
    : m_stemming(stemming) {
    for (const QueryAlternatives& alternatives : query.required) {
        for (const QueryTerm& term : alternatives) {
            switch (term.kind) {
            case QueryTerm::Word:
                m_words << queryWord(term.words.first(), m_stemming);
                break;
            case QueryTerm::Prefix:
                m_prefixes << term.words.first();
                break;
            case QueryTerm::Phrase:
                m_phrases << term.words;
                break;
            }
        }
    }
}

bool QueryMatcher::matchesWord(QStringView folded) const {
    const auto seen = m_seen.constFind(folded.toString());
    if (seen != m_seen.cend())
        return *seen;
    bool match = std::any_of(m_words.cbegin(), m_words.cend(), [&](const QueryWord& w) {
        return formMatch(w, folded, m_stemming) != FormMatch::None;
    });
    if (!match && !m_prefixes.isEmpty()) {
        const QList<qsizetype> splits = cliticSplits(folded, CliticSide::Index);
        match = std::any_of(m_prefixes.cbegin(), m_prefixes.cend(), [&](const QString& prefix) {
            return std::any_of(splits.cbegin(), splits.cend(),
                               [&](qsizetype s) { return folded.sliced(s).startsWith(prefix); });
        });
    }
    m_seen.insert(folded.toString(), match);
    return match;
}

QList<text::Span> QueryMatcher::spans(QStringView text) const {
    QList<text::Span> spans;
    if (isEmpty())
        return spans;
    const text::NormalizedText normalized = text::normalizeForMatching(text);
    const QString& folded = normalized.text;
    // The words of the folded text, as the index splits them.
    struct Word {
        qsizetype start;
        qsizetype end;
        QString token;
    };
    QList<Word> words;
    for (qsizetype i = 0; i < folded.size();) {
        if (!isSearchWordCharacter(folded.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < folded.size() && isSearchWordCharacter(folded.at(end)))
            ++end;
        words.append({i, end, folded.sliced(i, end - i).toLower()});
        i = end;
    }
    QList<bool> marked(words.size(), false);
    for (qsizetype w = 0; w < words.size(); ++w) {
        if (matchesWord(words[w].token))
            marked[w] = true;
    }
    for (const QStringList& phrase : m_phrases) {
        for (qsizetype w = 0; w + phrase.size() <= words.size(); ++w) {
            qsizetype k = 0;
            while (k < phrase.size() && words[w + k].token == phrase[k])
                ++k;
            if (k == phrase.size()) {
                for (k = 0; k < phrase.size(); ++k)
                    marked[w + k] = true;
            }
        }
    }
    for (qsizetype w = 0; w < words.size(); ++w) {
        if (!marked[w])
            continue;
        const text::Span span = text::originalSpan(normalized, words[w].start, words[w].end);
        if (span.end > span.start && (spans.isEmpty() || spans.last().end <= span.start))
            spans << span;
    }
    return spans;
}

Snippet snippetOf(QStringView text, const QList<text::Span>& matches, qsizetype length) {
    Snippet snippet;
    if (text.isEmpty())
        return snippet;
    // The window [start, start + length) holding the most matches, beginning at a match.
    qsizetype bestFirst = 0, bestCount = 0;
    for (qsizetype first = 0, last = 0; first < matches.size(); ++first) {
        last = std::max(last, first);
        while (last < matches.size() && matches[last].end <= matches[first].start + length)
            ++last;
        if (last - first > bestCount) {
            bestCount = last - first;
            bestFirst = first;
        }
    }
    // Some words of context before the first match, then whole words to the length.
    qsizetype start = matches.isEmpty() ? 0 : std::max<qsizetype>(0, matches[bestFirst].start - length / 4);
    while (start > 0 && !text[start - 1].isSpace())
        --start;
    qsizetype end = std::min(text.size(), start + length);
    while (end < text.size() && !text[end].isSpace())
        ++end;
    QString out = start > 0 ? QStringLiteral("… ") : QString();
    const qsizetype shift = out.size() - start;
    out += text.sliced(start, end - start);
    // Line breaks and runs of spaces become one space; marks move with the text they cover.
    QString flat;
    QList<qsizetype> moved(out.size() + 1, 0);
    for (qsizetype i = 0; i < out.size(); ++i) {
        moved[i] = flat.size();
        if (out[i].isSpace()) {
            if (!flat.isEmpty() && !flat.back().isSpace())
                flat += u' ';
        } else {
            flat += out[i];
        }
    }
    moved[out.size()] = flat.size();
    if (end < text.size())
        flat = flat.trimmed() + QStringLiteral(" …");
    snippet.text = flat.trimmed();
    for (const text::Span& match : matches) {
        if (match.start < start || match.end > end)
            continue;
        snippet.marks.append({moved[match.start + shift], moved[match.end + shift]});
    }
    return snippet;
}

Snippet snippetFor(const QueryMatcher& matcher, QStringView text, qsizetype length) {
    constexpr qsizetype kPart = 4096;
    for (qsizetype start = 0; start < text.size();) {
        // A part ends at a space, so that no word is cut in two.
        qsizetype end = std::min(text.size(), start + kPart);
        while (end < text.size() && !text[end].isSpace())
            ++end;
        QList<text::Span> spans = matcher.spans(text.sliced(start, end - start));
        if (!spans.isEmpty()) {
            for (text::Span& span : spans) {
                span.start += start;
                span.end += start;
            }
            return snippetOf(text, spans, length);
        }
        start = end;
    }
    return snippetOf(text, {}, length);
}

QString markedSnippet(const Snippet& snippet, QStringView open, QStringView close) {
    QString out;
    qsizetype at = 0;
    for (const text::Span& mark : snippet.marks) {
        out += QStringView(snippet.text).sliced(at, mark.start - at);
        out += open;
        out += QStringView(snippet.text).sliced(mark.start, mark.end - mark.start);
        out += close;
        at = mark.end;
    }
    out += QStringView(snippet.text).sliced(at);
    return out;
}

} // namespace mirsad::search
