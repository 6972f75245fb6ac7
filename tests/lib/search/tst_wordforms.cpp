#include "search/ArabicClitics.h"
#include "search/SearchText.h"
#include "search/Stemmer.h"
#include "search/WordForms.h"

#include <QSet>
#include <QTest>

using namespace mirsad::search;
using namespace Qt::StringLiterals;

// The folded form a word has in the index.
static QString folded(const QString& word) {
    return searchText(word).trimmed();
}

class TstWordForms : public QObject {
    Q_OBJECT
private slots:
    void cliticFormsAreTheSameWord_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("word");
        QTest::newRow("and + hamza") << u"أربيل"_s << u"وأربيل"_s;
        QTest::newRow("bare alef query") << u"اربيل"_s << u"وأربيل"_s;
        QTest::newRow("in") << u"أربيل"_s << u"بأربيل"_s;
        QTest::newRow("to") << u"أربيل"_s << u"لأربيل"_s;
        QTest::newRow("so") << u"أربيل"_s << u"فأربيل"_s;
        QTest::newRow("and-in-the") << u"الموصل"_s << u"وبالموصل"_s;
        QTest::newRow("no article typed") << u"موصل"_s << u"الموصل"_s;
        QTest::newRow("no article typed, clitics") << u"موصل"_s << u"وبالموصل"_s;
        QTest::newRow("to the: lam lam") << u"النفط"_s << u"للنفط"_s;
        QTest::newRow("like the") << u"المركز"_s << u"كالمركز"_s;
        QTest::newRow("and to the") << u"النفط"_s << u"وللنفط"_s;
        QTest::newRow("typed with clitics") << u"بالموصل"_s << u"الموصل"_s;
        QTest::newRow("diacritics and tatweel") << u"المَوْصِل"_s << u"والمـوصل"_s;
        QTest::newRow("ta marbuta") << u"الموازنة"_s << u"والموازنه"_s;
    }
    void cliticFormsAreTheSameWord() {
        QFETCH(QString, query);
        QFETCH(QString, word);
        const QueryWord q = queryWord(folded(query));
        QCOMPARE(formMatch(q, folded(word)), FormMatch::Same);
        // The vocabulary finds it: one of its keys is one the query looks under.
        const QStringList keys = indexKeys(folded(word));
        QVERIFY2(
            std::any_of(keys.cbegin(), keys.cend(), [&](const QString& k) { return q.keys.contains(k); }),
            qPrintable(keys.join(u',') + u" / "_s + q.keys.join(u',')));
    }

    void inflectionsAreStemmed_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("word");
        QTest::newRow("plural") << u"delegation"_s << u"delegations"_s;
        QTest::newRow("past") << u"talk"_s << u"talked"_s;
        QTest::newRow("agent") << u"protest"_s << u"protesters"_s;
        QTest::newRow("pronoun: her budget") << u"موازنة"_s << u"موازنتها"_s;
        QTest::newRow("pronoun: his government") << u"الحكومة"_s << u"حكومته"_s;
        QTest::newRow("feminine plural") << u"الانتخابات"_s << u"انتخابي"_s;
        QTest::newRow("masculine plural") << u"المسؤول"_s << u"المسؤولين"_s;
        // tst_searchjudged measured these rules: each raised recall with little or no cost.
        QTest::newRow("nisba after ة read as ه") << u"النفط"_s << u"النفطية"_s;
        QTest::newRow("every noun suffix: ين then ي") << u"لبنان"_s << u"اللبنانيين"_s;
        QTest::newRow("tanween alef") << u"الاتفاق"_s << u"اتفاقاً"_s;
    }
    void inflectionsAreStemmed() {
        QFETCH(QString, query);
        QFETCH(QString, word);
        const QueryWord q = queryWord(folded(query));
        QCOMPARE(formMatch(q, folded(word)), FormMatch::Stemmed);
        const QStringList keys = indexKeys(folded(word));
        QVERIFY(
            std::any_of(keys.cbegin(), keys.cend(), [&](const QString& k) { return q.keys.contains(k); }));
    }

    void otherWordsDoNotMatch_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("word");
        QTest::newRow("Faisal is not f + yasil") << u"فيصل"_s << u"يصل"_s;
        QTest::newRow("book is not k + repented") << u"كتاب"_s << u"تاب"_s;
        QTest::newRow("delegation is not delegate") << u"wafd"_s << u"wafer"_s;
        QTest::newRow("Lebanon is not milk") << u"لبنان"_s << u"لبن"_s;
        QTest::newRow("short and-word") << u"وفد"_s << u"فد"_s;
        QTest::newRow("oil is not Erbil") << u"النفط"_s << u"أربيل"_s;
    }
    void otherWordsDoNotMatch() {
        QFETCH(QString, query);
        QFETCH(QString, word);
        QCOMPARE(formMatch(queryWord(folded(query)), folded(word)), FormMatch::None);
    }

    void queryClitics() {
        // What the user typed is read strictly: a bare ف is the word's own letter.
        QCOMPARE(cliticSplits(folded(u"فيصل"_s), CliticSide::Query), QList<qsizetype>{0});
        QCOMPARE(cliticSplits(folded(u"فيصل"_s), CliticSide::Index), (QList<qsizetype>{0, 1}));
        // Two letters are not enough after a bare و, but are after the article.
        QCOMPARE(cliticSplits(folded(u"وفد"_s), CliticSide::Index), QList<qsizetype>{0});
        QCOMPARE(cliticSplits(folded(u"وبالموصل"_s), CliticSide::Query), (QList<qsizetype>{0, 1, 2, 4}));
        QCOMPARE(cliticSplits(u"kurdistan"_s, CliticSide::Index), QList<qsizetype>{0});
    }

    // The generated forms and the readings are one grammar: each form reads back to its base.
    void cliticFormsReadBackToTheirBase() {
        const QString base = folded(u"أربيل"_s);
        const QStringList forms = cliticForms(base);
        QCOMPARE(QSet<QString>(forms.cbegin(), forms.cend()).size(), forms.size());
        for (const QString& form : forms) {
            const QList<qsizetype> splits = cliticSplits(form, CliticSide::Index);
            QVERIFY2(splits.contains(form.size() - base.size()), qPrintable(form));
        }
    }

    void lightStem() {
        QCOMPARE(arabicLightStem(folded(u"موازنتها"_s)), arabicLightStem(folded(u"موازنة"_s)));
        QCOMPARE(arabicLightStem(folded(u"لبنان"_s)), folded(u"لبنان"_s)); // no dual ان
        QCOMPARE(arabicLightStem(folded(u"نفط"_s)), folded(u"نفط"_s));     // three letters stay
        QCOMPARE(stemOf(u"2024"_s), u"2024"_s);
        QCOMPARE(stemOf(u"delegations"_s), stemOf(u"delegation"_s));
    }
};

QTEST_GUILESS_MAIN(TstWordForms)
#include "tst_wordforms.moc"
