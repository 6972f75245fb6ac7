// Precision and recall of full-text search on a judged set (tests/data/search/judged.json): short
// Arabic and English news passages and queries whose relevant passages were judged by meaning.
// A passage is retrieved when the query matches it as search::QueryMatcher reads it (every
// required word in one of its forms). Each way of reading words is measured: the exact tokens
// of the index before issue 19, the prefixes the search used then, clitics without stems, the
// light Arabic stemmer (Mirsad's) with its rules varied one at a time, and Snowball's Arabic
// stemmer. The table is printed; the test fails when the chosen reading falls below its
// thresholds, when it no longer beats the old search's recall by a clear margin, or when another
// measured reading does better on the Arabic queries (then the choice is to be made again).
// Then the archive: the passages imported, storage::listArticles must return for each query
// exactly what the matcher retrieves (the vocabulary and FTS5 synonyms agree with the marks).
//
// The table: build/bin/tst_searchjudged (or ctest -R tst_searchjudged -V); with
// MIRSAD_JUDGED_DETAILS=1 it also lists, for the chosen reading, each query's misses and false hits.

#include "TestSupport.h"
#include "search/QueryParser.h"
#include "search/SearchMatches.h"
#include "search/SearchText.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/FeedQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace mirsad;
using namespace mirsad::search;
using namespace Qt::StringLiterals;

namespace {

struct Passage {
    QString id;
    QString language;
    QString text;
};

struct JudgedQuery {
    QString id;
    QString language;
    QString query;
    QSet<QString> relevant;
    QString note;
};

struct JudgedSet {
    QList<Passage> passages;
    QList<JudgedQuery> queries;
};

JudgedSet loadJudgedSet() {
    JudgedSet set;
    const QJsonObject root =
        QJsonDocument::fromJson(test::readFile(test::dataPath(u"search/judged.json"_s))).object();
    for (const QJsonValue& p : root.value(u"passages").toArray()) {
        const QJsonObject o = p.toObject();
        set.passages.append(
            {o.value(u"id").toString(), o.value(u"language").toString(), o.value(u"text").toString()});
    }
    for (const QJsonValue& q : root.value(u"queries").toArray()) {
        const QJsonObject o = q.toObject();
        JudgedQuery query{o.value(u"id").toString(),
                          o.value(u"language").toString(),
                          o.value(u"query").toString(),
                          {},
                          o.value(u"note").toString()};
        for (const QJsonValue& r : o.value(u"relevant").toArray())
            query.relevant.insert(r.toString());
        set.queries.append(query);
    }
    return set;
}

// One way of reading words, to be measured.
struct Reading {
    enum Kind { ExactTokens, Prefixes, Matcher } kind = Matcher;
    QString name;
    Stemming stemming;
};

// The words of a text as the index holds them.
QStringList tokensOf(const QString& text) {
    return searchText(text).split(u' ', Qt::SkipEmptyParts);
}

// Whether one term of a query is found in a passage, as `reading` reads words.
bool termFound(const Reading& reading, const QueryTerm& term, const QString& text,
               const QStringList& tokens) {
    switch (reading.kind) {
    case Reading::ExactTokens:
    case Reading::Prefixes:
        // Before issue 19 every word was an FTS5 token or prefix; phrases are not in the set.
        return std::all_of(term.words.cbegin(), term.words.cend(), [&](const QString& word) {
            return std::any_of(tokens.cbegin(), tokens.cend(), [&](const QString& token) {
                return reading.kind == Reading::ExactTokens ? token == word : token.startsWith(word);
            });
        });
    case Reading::Matcher:
        break;
    }
    ParsedQuery one;
    one.required << QueryAlternatives{term};
    return !QueryMatcher(one, reading.stemming).spans(text).isEmpty();
}

bool retrieves(const Reading& reading, const ParsedQuery& query, const Passage& passage) {
    const QStringList tokens = tokensOf(passage.text);
    for (const QueryAlternatives& alternatives : query.required) {
        if (std::none_of(alternatives.cbegin(), alternatives.cend(),
                         [&](const QueryTerm& t) { return termFound(reading, t, passage.text, tokens); }))
            return false;
    }
    return std::none_of(query.excluded.cbegin(), query.excluded.cend(),
                        [&](const QueryTerm& t) { return termFound(reading, t, passage.text, tokens); });
}

QSet<QString> retrieved(const Reading& reading, const JudgedSet& set, const JudgedQuery& query) {
    QSet<QString> found;
    const Result<ParsedQuery> parsed = parseQuery(query.query);
    if (!parsed)
        return found;
    for (const Passage& passage : set.passages) {
        if (retrieves(reading, *parsed, passage))
            found.insert(passage.id);
    }
    return found;
}

struct Scores {
    double microPrecision = 0, microRecall = 0, macroPrecision = 0, macroRecall = 0;
    int queries = 0;
    double microF1() const {
        return microPrecision + microRecall > 0
                   ? 2 * microPrecision * microRecall / (microPrecision + microRecall)
                   : 0;
    }
};

// Micro: over all (query, passage) pairs. Macro: the mean of each query's figure; a query that
// retrieves nothing has precision 1 (it showed nothing wrong) and recall 0.
Scores measure(const Reading& reading, const JudgedSet& set, const QString& language,
               QStringList* details = nullptr) {
    Scores s;
    qint64 hits = 0, found = 0, relevant = 0;
    for (const JudgedQuery& q : set.queries) {
        if (q.language != language)
            continue;
        const QSet<QString> got = retrieved(reading, set, q);
        const qint64 right = (got & q.relevant).size();
        hits += right;
        found += got.size();
        relevant += q.relevant.size();
        s.macroPrecision += got.isEmpty() ? 1.0 : double(right) / double(got.size());
        s.macroRecall += double(right) / double(q.relevant.size());
        ++s.queries;
        if (details && (got != q.relevant)) {
            QStringList missed = (q.relevant - got).values(), wrong = (got - q.relevant).values();
            missed.sort();
            wrong.sort();
            *details << u"%1 %2: missed %3; wrongly found %4"_s.arg(q.id, q.query, missed.join(u' '),
                                                                    wrong.join(u' '));
        }
    }
    s.microPrecision = found ? double(hits) / double(found) : 1.0;
    s.microRecall = relevant ? double(hits) / double(relevant) : 0.0;
    if (s.queries) {
        s.macroPrecision /= s.queries;
        s.macroRecall /= s.queries;
    }
    return s;
}

QList<Reading> readings() {
    LightStemRules noPronouns;
    noPronouns.pronouns = false;
    LightStemRules noTa;
    noTa.taBeforePronoun = false;
    LightStemRules dual;
    dual.dual = true;
    LightStemRules fromThree;
    fromThree.shortestStemmed = 3;
    LightStemRules fromFive;
    fromFive.shortestStemmed = 5;
    LightStemRules asLanded; // e46f96a: nothing more after a pronoun suffix
    asLanded.nounAfterPronoun = false;
    LightStemRules light10;
    light10.everyNounSuffix = false;
    LightStemRules tanween;
    tanween.tanweenAlef = false;
    LightStemRules stemOfThree;
    stemOfThree.minimumStem = 3;
    return {
        {Reading::ExactTokens, u"exact tokens (no clitics, no stems)"_s, {}},
        {Reading::Prefixes, u"old search: every word a prefix"_s, {}},
        {Reading::Matcher, u"clitics, no Arabic stems"_s, ArabicStemmer::None},
        {Reading::Matcher, u"Light (Mirsad's rules)"_s, {}},
        {Reading::Matcher,
         u"Light as landed: no noun suffix after a pronoun"_s,
         {ArabicStemmer::Light, asLanded}},
        {Reading::Matcher, u"Light, only the first noun suffix"_s, {ArabicStemmer::Light, light10}},
        {Reading::Matcher, u"Light, final alef kept"_s, {ArabicStemmer::Light, tanween}},
        {Reading::Matcher, u"Light, no pronoun suffixes"_s, {ArabicStemmer::Light, noPronouns}},
        {Reading::Matcher, u"Light, ت before a pronoun kept"_s, {ArabicStemmer::Light, noTa}},
        {Reading::Matcher, u"Light, dual ان off too"_s, {ArabicStemmer::Light, dual}},
        {Reading::Matcher, u"Light, words of 3 letters stemmed"_s, {ArabicStemmer::Light, fromThree}},
        {Reading::Matcher, u"Light, words of 4 letters kept"_s, {ArabicStemmer::Light, fromFive}},
        {Reading::Matcher, u"Light, stems of 3 letters at least"_s, {ArabicStemmer::Light, stemOfThree}},
        {Reading::Matcher, u"Snowball Arabic"_s, ArabicStemmer::Snowball},
    };
}

// The chosen reading: the index's (Stemming{}, the default everywhere).
const Reading kChosen{Reading::Matcher, u"Light (Mirsad's rules)"_s, {}};

QString row(const QString& name, const Scores& s) {
    return u"%1 | %2 | %3 | %4 | %5"_s.arg(name.leftJustified(50))
        .arg(s.microPrecision, 0, 'f', 3)
        .arg(s.microRecall, 0, 'f', 3)
        .arg(s.macroPrecision, 0, 'f', 3)
        .arg(s.macroRecall, 0, 'f', 3);
}

} // namespace

class TstSearchJudged : public QObject {
    Q_OBJECT
    JudgedSet m_set;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_set = loadJudgedSet();
        QVERIFY2(m_set.passages.size() >= 120, "the judged set did not load");
        QSet<QString> ids;
        for (const Passage& p : m_set.passages)
            ids.insert(p.id);
        QCOMPARE(ids.size(), m_set.passages.size());
        int arabic = 0, english = 0;
        for (const JudgedQuery& q : m_set.queries) {
            QVERIFY2(!q.relevant.isEmpty(), qPrintable(q.id));
            QVERIFY2((q.relevant - ids).isEmpty(), qPrintable(q.id + u": an unknown passage"_s));
            QVERIFY2(parseQuery(q.query).ok(), qPrintable(q.id));
            (q.language == u"ar" ? arabic : english) += 1;
        }
        QVERIFY(arabic >= 40);
        QVERIFY(english >= 25);
    }

    // The table, and the chosen reading's thresholds.
    void precisionAndRecall() {
        struct Threshold {
            QString language;
            double microPrecision, microRecall, macroPrecision, macroRecall;
            double recallGain; // over the exact tokens, micro
        };
        // A little under what the chosen reading achieves (see the report of issue 19).
        const Threshold thresholds[] = {
            {u"ar"_s, 0.85, 0.82, 0.85, 0.84, 0.40},
            {u"en"_s, 0.88, 0.85, 0.88, 0.87, 0.25},
        };
        for (const Threshold& t : thresholds) {
            qInfo().noquote() << u"\n%1 queries: micro P | micro R | macro P | macro R"_s.arg(
                t.language == u"ar" ? u"Arabic"_s : u"English"_s);
            Scores exact, chosen;
            QList<std::pair<QString, Scores>> others;
            for (const Reading& r : readings()) {
                // English words are read the same way by every Arabic stemmer.
                if (t.language == u"en" && r.kind == Reading::Matcher && !(r.stemming == kChosen.stemming))
                    continue;
                const Scores s = measure(r, m_set, t.language);
                qInfo().noquote() << row(r.name, s);
                if (r.kind == Reading::ExactTokens)
                    exact = s;
                else if (r.kind == Reading::Matcher && r.stemming == kChosen.stemming)
                    chosen = s;
                else if (r.kind == Reading::Matcher)
                    others.append({r.name, s});
            }
            if (qEnvironmentVariableIsSet("MIRSAD_JUDGED_DETAILS")) {
                const bool all = qEnvironmentVariable("MIRSAD_JUDGED_DETAILS") == u"all";
                for (const Reading& r : readings()) {
                    if (!(r.name == kChosen.name || (all && r.kind == Reading::Matcher)))
                        continue;
                    QStringList details;
                    measure(r, m_set, t.language, &details);
                    qInfo().noquote() << u"-- %1:"_s.arg(r.name);
                    for (const QString& line : std::as_const(details))
                        qInfo().noquote() << line;
                }
            }
            const QString where = t.language + u": "_s + row(kChosen.name, chosen);
            QVERIFY2(chosen.microPrecision >= t.microPrecision, qPrintable(where));
            QVERIFY2(chosen.microRecall >= t.microRecall, qPrintable(where));
            QVERIFY2(chosen.macroPrecision >= t.macroPrecision, qPrintable(where));
            QVERIFY2(chosen.macroRecall >= t.macroRecall, qPrintable(where));
            QVERIFY2(chosen.microRecall >= exact.microRecall + t.recallGain,
                     qPrintable(where + u" / exact tokens: "_s + row({}, exact)));
            // The choice stands only while no other measured reading does better on both
            // precision and recall, or on their balance.
            for (const auto& [name, s] : std::as_const(others)) {
                const bool dominates =
                    s.microPrecision >= chosen.microPrecision && s.microRecall >= chosen.microRecall &&
                    (s.microPrecision > chosen.microPrecision || s.microRecall > chosen.microRecall);
                QVERIFY2(!dominates && s.microF1() <= chosen.microF1() + 1e-9,
                         qPrintable(u"%1 does better than the chosen reading: %2 / %3"_s.arg(
                             name, row(name, s), row(kChosen.name, chosen))));
            }
        }
    }

    // Through the archive: the same passages for each query as the matcher retrieves.
    void archiveAgreesWithTheMatcher() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        Result<qint64> feed = storage::addFeed(db.db(), u"https://judged.example/feed"_s, u"Judged"_s);
        QVERIFY(feed);
        {
            storage::ArticleWriter writer(db.db());
            for (const Passage& p : std::as_const(m_set.passages)) {
                Article article;
                article.feedId = *feed;
                article.guid = p.id;
                article.title = p.id; // a word no query asks for: the title maps a row back
                article.text = p.text;
                Result<storage::UpsertResult> stored = writer.upsert(article);
                QVERIFY2(stored, qPrintable(stored.error()));
            }
            QVERIFY(writer.finish());
        }
        for (const JudgedQuery& q : std::as_const(m_set.queries)) {
            ArticleFilter filter;
            filter.text = q.query;
            Result<QList<storage::ArticleSummary>> listed =
                storage::listArticles(db.db(), filter, int(m_set.passages.size()) + 1);
            QVERIFY2(listed, qPrintable(q.query + u": "_s + listed.error()));
            QSet<QString> fromArchive;
            for (const storage::ArticleSummary& a : std::as_const(*listed))
                fromArchive.insert(a.title);
            const QSet<QString> fromMatcher = retrieved(kChosen, m_set, q);
            if (fromArchive != fromMatcher) {
                QStringList onlyArchive = (fromArchive - fromMatcher).values();
                QStringList onlyMatcher = (fromMatcher - fromArchive).values();
                onlyArchive.sort();
                onlyMatcher.sort();
                QFAIL(qPrintable(u"%1 %2: only the archive %3; only the matcher %4"_s.arg(
                    q.id, q.query, onlyArchive.join(u' '), onlyMatcher.join(u' '))));
            }
            // Each listed row carries its passage with the matches marked.
            for (const storage::ArticleSummary& a : std::as_const(*listed))
                QVERIFY2(!a.snippet.marks.isEmpty(), qPrintable(q.id + u" "_s + a.title));
        }
    }
};

QTEST_GUILESS_MAIN(TstSearchJudged)
#include "tst_searchjudged.moc"
