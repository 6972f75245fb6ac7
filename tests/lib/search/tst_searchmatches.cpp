#include "search/QueryParser.h"
#include "search/SearchMatches.h"

#include <QTest>

using namespace mirsad;
using namespace mirsad::search;
using namespace Qt::StringLiterals;

static QStringList marked(const QString& text, const QString& query) {
    const auto parsed = parseQuery(query);
    QStringList words;
    for (const text::Span& span : QueryMatcher(*parsed).spans(text))
        words << text.mid(span.start, span.end - span.start);
    return words;
}

class TstSearchMatches : public QObject {
    Q_OBJECT
private slots:
    void cliticFormsAreMarked() {
        const QString text = u"اجتماع بين بغداد وأربيل، ثم وصل الوفد إلى أربيل وبالموصل."_s;
        QCOMPARE(marked(text, u"اربيل"_s), (QStringList{u"وأربيل"_s, u"أربيل"_s}));
        QCOMPARE(marked(text, u"موصل"_s), QStringList{u"وبالموصل"_s});
    }
    void inflectionsAndPhrases() {
        const QString text = u"The delegations talked. A delegation of protesters, the Kurdistan Region."_s;
        QCOMPARE(marked(text, u"delegation"_s), (QStringList{u"delegations"_s, u"delegation"_s}));
        QCOMPARE(marked(text, u"\"Kurdistan Region\""_s), (QStringList{u"Kurdistan"_s, u"Region"_s}));
        QCOMPARE(marked(text, u"\"Region Kurdistan\""_s), QStringList{});
        QCOMPARE(marked(text, u"prot*"_s), QStringList{u"protesters"_s});
        QCOMPARE(marked(text, u"talk -delegation"_s), QStringList{u"talked"_s});
    }
    void markCoversTheWholeWordWithMarks() {
        const QString text = u"في المَوْصِلِ اليوم"_s;
        const QStringList words = marked(text, u"الموصل"_s);
        QCOMPARE(words, QStringList{u"المَوْصِلِ"_s});
    }
    void snippetAroundTheMatches() {
        QString text;
        for (int i = 0; i < 60; ++i)
            text += u"filler words here "_s;
        text += u"the Erbil delegation met in Erbil. "_s;
        for (int i = 0; i < 60; ++i)
            text += u"more filler "_s;
        const auto parsed = parseQuery(u"erbil"_s);
        const QList<text::Span> spans = QueryMatcher(*parsed).spans(text);
        QCOMPARE(spans.size(), 2);
        const Snippet snippet = snippetOf(text, spans, 120);
        QVERIFY(snippet.text.startsWith(u"… "_s));
        QVERIFY(snippet.text.endsWith(u" …"_s));
        QCOMPARE(snippet.marks.size(), 2);
        for (const text::Span& mark : snippet.marks)
            QCOMPARE(snippet.text.mid(mark.start, mark.end - mark.start), u"Erbil"_s);
        QVERIFY(markedSnippet(snippet).contains(u"the **Erbil** delegation met in **Erbil**."_s));
    }
    void snippetWithoutMatchesIsTheBeginning() {
        const Snippet snippet = snippetOf(u"Short text\non two lines."_s, {}, 180);
        QCOMPARE(snippet.text, u"Short text on two lines."_s);
        QVERIFY(snippet.marks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSearchMatches)
#include "tst_searchmatches.moc"
