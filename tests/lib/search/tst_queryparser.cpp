#include "search/QueryParser.h"

#include <QTest>

using namespace mirsad::search;
using namespace Qt::StringLiterals;

static QueryTerm word(const QString& w) {
    return {QueryTerm::Word, {w}};
}

class TstQueryParser : public QObject {
    Q_OBJECT
private slots:
    void wordsAreAllRequired() {
        const auto q = parseQuery(u"Kirkuk  oil"_s);
        QVERIFY(q);
        QCOMPARE(q->required, (QList<QueryAlternatives>{{word(u"kirkuk"_s)}, {word(u"oil"_s)}}));
        QVERIFY(q->excluded.isEmpty());
    }
    void foldingApplies() {
        const auto q = parseQuery(u"أربيل"_s);
        QVERIFY(q);
        QCOMPARE(q->required.first().first().words, QStringList{u"اربيل"_s});
    }
    void phrase() {
        const auto q = parseQuery(u"\"Kurdistan Region\" budget"_s);
        QVERIFY(q);
        QCOMPARE(q->required.size(), 2);
        QCOMPARE(q->required[0][0], (QueryTerm{QueryTerm::Phrase, {u"kurdistan"_s, u"region"_s}}));
    }
    void hyphenatedNameIsAPhrase() {
        const auto q = parseQuery(u"Al-Kazemi"_s);
        QVERIFY(q);
        QCOMPARE(q->required[0][0], (QueryTerm{QueryTerm::Phrase, {u"al"_s, u"kazemi"_s}}));
    }
    void orBindsCloser() {
        const auto q = parseQuery(u"oil Erbil OR Hawler"_s);
        QVERIFY(q);
        QCOMPARE(q->required.size(), 2);
        QCOMPARE(q->required[1], (QueryAlternatives{word(u"erbil"_s), word(u"hawler"_s)}));
    }
    void smallOrIsAWord() {
        const auto q = parseQuery(u"oil or gas"_s);
        QVERIFY(q);
        QCOMPARE(q->required.size(), 3);
    }
    void exclusion() {
        const auto q = parseQuery(u"نفط -كركوك -\"Kurdistan Region\""_s);
        QVERIFY(q);
        QCOMPARE(q->required.size(), 1);
        QCOMPARE(q->excluded.size(), 2);
        QCOMPARE(q->excluded[0], word(u"كركوك"_s));
        QCOMPARE(q->excluded[1].kind, QueryTerm::Phrase);
    }
    void prefix() {
        const auto q = parseQuery(u"kurd* كرد*"_s);
        QVERIFY(q);
        QCOMPARE(q->required[0][0], (QueryTerm{QueryTerm::Prefix, {u"kurd"_s}}));
        QCOMPARE(q->required[1][0], (QueryTerm{QueryTerm::Prefix, {u"كرد"_s}}));
    }
    void emptyQueries() {
        for (const QString& typed : {u""_s, u"   "_s, u"!!! ،"_s, u"-"_s}) {
            const auto q = parseQuery(typed);
            QVERIFY2(q, qPrintable(typed));
            QVERIFY(q->isEmpty());
        }
    }
    void malformedQueriesSaySo_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("said"); // a part of the sentence
        QTest::newRow("open quote") << u"\"Kurdistan Region"_s << u"never closed"_s;
        QTest::newRow("empty quotes") << u"oil \"\""_s << u"no word"_s;
        QTest::newRow("OR first") << u"OR oil"_s << u"OR needs"_s;
        QTest::newRow("OR last") << u"oil OR"_s << u"OR needs"_s;
        QTest::newRow("OR OR") << u"oil OR OR gas"_s << u"OR needs"_s;
        QTest::newRow("only exclusions") << u"-oil -gas"_s << u"at least one word"_s;
        QTest::newRow("star alone") << u"oil *"_s << u"letters before the *"_s;
        QTest::newRow("short prefix") << u"k*"_s << u"at least"_s;
        QTest::newRow("star inside") << u"ku*rd"_s << u"end of a word"_s;
    }
    void malformedQueriesSaySo() {
        QFETCH(QString, typed);
        QFETCH(QString, said);
        const auto q = parseQuery(typed);
        QVERIFY2(!q, qPrintable(typed));
        QVERIFY2(q.error().contains(said), qPrintable(q.error()));
        QVERIFY(!q.error().contains(u"SQL"_s) && !q.error().contains(u"fts5"_s));
    }
};

QTEST_GUILESS_MAIN(TstQueryParser)
#include "tst_queryparser.moc"
