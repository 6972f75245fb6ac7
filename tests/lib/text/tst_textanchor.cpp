#include "text/TextAnchor.h"

#include <QTest>

using namespace mirsad;
using namespace mirsad::text;

Q_DECLARE_METATYPE(mirsad::text::AnchorMethod)

static const QString original = QStringLiteral(
    "Prime Minister Mustafa Al-Kadhimi met a delegation from the Kurdistan Region in Baghdad on Sunday. "
    "The delegation discussed the budget. Later, the delegation discussed the disputed areas and Sinjar.");

class TestTextAnchor : public QObject {
    Q_OBJECT
private slots:
    void selectorKeepsContext() {
        const qsizetype start = original.indexOf(QStringLiteral("Kurdistan Region"));
        const TextSelector s = selectorFor(original, start, start + 16);
        QCOMPARE(s.quote, QStringLiteral("Kurdistan Region"));
        QCOMPARE(s.prefix.size(), selectorContext);
        QVERIFY(s.prefix.endsWith(QStringLiteral("from the ")));
        QVERIFY(s.suffix.startsWith(QStringLiteral(" in Baghdad")));
        QCOMPARE(s.start, start);
        QCOMPARE(s.end, start + 16);
        // At the edges the context is shorter, never out of range.
        const TextSelector first = selectorFor(original, 0, 5);
        QCOMPARE(first.prefix, QString());
        const TextSelector last = selectorFor(original, original.size() - 7, original.size() + 40);
        QCOMPARE(last.quote, QStringLiteral("Sinjar."));
        QCOMPARE(last.suffix, QString());
    }

    void reanchors_data() {
        QTest::addColumn<QString>("quote");
        QTest::addColumn<int>("occurrence"); // which occurrence of the quote was highlighted
        QTest::addColumn<QString>("changed");
        QTest::addColumn<QString>("expected"); // the passage found in `changed`, empty: orphaned
        QTest::addColumn<int>("expectedOccurrence");
        QTest::addColumn<AnchorMethod>("method");

        QTest::newRow("unchanged") << QStringLiteral("Kurdistan Region") << 0 << original
                                   << QStringLiteral("Kurdistan Region") << 0 << AnchorMethod::Position;
        QTest::newRow("text inserted before")
            << QStringLiteral("Kurdistan Region") << 0 << (QStringLiteral("BREAKING: ") + original)
            << QStringLiteral("Kurdistan Region") << 0 << AnchorMethod::Quote;
        // "the delegation discussed" occurs twice: the second one stays the second one, by its
        // context, even though an insertion moved both.
        QTest::newRow("repeated quote keeps its context")
            << QStringLiteral("delegation discussed the") << 1
            << QString(original).replace(QStringLiteral("Later,"), QStringLiteral("Later that evening,"))
            << QStringLiteral("delegation discussed the") << 1 << AnchorMethod::Quote;
        QTest::newRow("spacing and case changed")
            << QStringLiteral("discussed the budget") << 0
            << QString(original).replace(QStringLiteral("discussed the budget"),
                                         QStringLiteral("discussed  THE budget"))
            << QStringLiteral("discussed  THE budget") << 0 << AnchorMethod::Normalized;
        QTest::newRow("a word fixed inside the quote")
            << QStringLiteral("met a delegation from the Kurdistan Region") << 0
            << QString(original).replace(QStringLiteral("met a delegation"),
                                         QStringLiteral("met the delegation"))
            << QStringLiteral("met the delegation from the Kurdistan Region") << 0 << AnchorMethod::Fuzzy;
        QTest::newRow("passage removed")
            << QStringLiteral("discussed the budget. ") << 0
            << QString(original).remove(QStringLiteral("The delegation discussed the budget. ")) << QString()
            << 0 << AnchorMethod::Position;
    }

    void reanchors() {
        QFETCH(QString, quote);
        QFETCH(int, occurrence);
        QFETCH(QString, changed);
        QFETCH(QString, expected);
        QFETCH(int, expectedOccurrence);
        QFETCH(AnchorMethod, method);

        qsizetype start = -1;
        for (int i = 0; i <= occurrence; ++i)
            start = original.indexOf(quote, start + 1);
        QVERIFY(start >= 0);
        const TextSelector selector = selectorFor(original, start, start + quote.size());
        const std::optional<TextAnchor> anchor = anchorSelector(changed, selector);
        if (expected.isEmpty()) {
            QVERIFY2(!anchor, qPrintable(anchor ? changed.mid(anchor->start, anchor->end - anchor->start)
                                                : QString()));
            return;
        }
        QVERIFY(anchor);
        QCOMPARE(changed.mid(anchor->start, anchor->end - anchor->start), expected);
        qsizetype want = -1;
        for (int i = 0; i <= expectedOccurrence; ++i)
            want = changed.indexOf(expected, want + 1);
        QCOMPARE(anchor->start, want);
        QCOMPARE(anchor->method, method);
    }

    void arabicDiacriticsAdded() {
        const QString text =
            QStringLiteral("التقى رئيس الوزراء مصطفى الكاظمي وفدا من اقليم كوردستان في بغداد");
        const qsizetype start = text.indexOf(QStringLiteral("اقليم كوردستان"));
        const TextSelector selector = selectorFor(text, start, start + 14);
        // The re-fetched text adds a hamza and harakat.
        const QString changed =
            QStringLiteral("التقى رئيس الوزراء مصطفى الكاظمي وفداً من إقليم كوردستان في بغداد");
        const std::optional<TextAnchor> anchor = anchorSelector(changed, selector);
        QVERIFY(anchor);
        QCOMPARE(changed.mid(anchor->start, anchor->end - anchor->start), QStringLiteral("إقليم كوردستان"));
    }
};

QTEST_GUILESS_MAIN(TestTextAnchor)
#include "tst_textanchor.moc"
