#include "text/TextDirection.h"
#include "text/TextNormalizer.h"

#include <QTest>

using namespace mirsad::text;
using namespace Qt::StringLiterals;

class TestNormalizer : public QObject {
    Q_OBJECT

private slots:
    void folds_data();
    void folds();
    void originMapsBack_data();
    void originMapsBack();
    void originOfExpansionsAndSurrogates();
    void originalSpanCoversMarksAndExpansions();
    void searchFoldsTheSameWay();
    void paragraphDirection_data();
    void paragraphDirection();
};

void TestNormalizer::folds_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    // Arabic
    QTest::newRow("harakat and shadda") << u"الكَاظِمِيّ"_s << u"الكاظمي"_s;
    QTest::newRow("superscript alef") << u"هٰذا"_s << u"هذا"_s;
    QTest::newRow("tatweel") << u"بـغداد"_s << u"بغداد"_s;
    QTest::newRow("hamza above alef") << u"أربيل"_s << u"اربيل"_s;
    QTest::newRow("hamza below alef") << u"إقليم"_s << u"اقليم"_s;
    QTest::newRow("madda") << u"آمرلي"_s << u"امرلي"_s;
    QTest::newRow("alef wasla") << u"ٱلعراق"_s << u"العراق"_s;
    QTest::newRow("decomposed hamza") << u"ا\u0654ربيل"_s << u"اربيل"_s;
    QTest::newRow("hamza on waw and ya") << u"رؤساء هيئة"_s << u"روساء هييه"_s;
    QTest::newRow("alef maksura") << u"مستشفى"_s << u"مستشفي"_s;
    QTest::newRow("ta marbuta") << u"مدينة"_s << u"مدينه"_s;
    QTest::newRow("presentation forms") << u"ﺑﻐﺪﺍﺩ"_s << u"بغداد"_s;
    QTest::newRow("lam-alef ligature") << u"ﻻ"_s << u"لا"_s;
    // Kurdish and Persian letters
    QTest::newRow("Kurdish Hewler") << u"هەولێر"_s << u"ههولير"_s; // ە is a letter of its own
    QTest::newRow("keheh and farsi yeh") << u"کوردستانی"_s << u"كوردستاني"_s;
    QTest::newRow("reh with v, lam with v") << u"ڕێكخراوی گەڵ"_s << u"ريكخراوي كهل"_s;
    QTest::newRow("oe and heh doachashmee") << u"دهۆک ھەولێر"_s << u"دهوك ههولير"_s;
    QTest::newRow("peh, tcheh, veh, jeh") << u"پچڤژ"_s << u"بجفز"_s;
    // Digits
    QTest::newRow("Arabic-Indic digits") << u"٢٠٢١"_s << u"2021"_s;
    QTest::newRow("Persian digits") << u"۱۴۰۰"_s << u"1400"_s;
    // Invisible controls
    QTest::newRow("ZWNJ, ZWJ, bidi") << u"\u200Fبغ\u200Cد\u200Dاد\u202B\u2066x\u2069"_s << u"بغدادx"_s;
    QTest::newRow("BOM and soft hyphen") << u"\uFEFFEr\u00ADbil"_s << u"erbil"_s;
    // Latin
    QTest::newRow("case") << u"ERBIL Erbil"_s << u"erbil erbil"_s;
    QTest::newRow("accents") << u"Hewlêr Şengal Kâzımî"_s << u"hewler sengal kazimi"_s;
    QTest::newRow("dotted capital I") << u"İRBİL"_s << u"irbil"_s;
    QTest::newRow("sharp s") << u"Straße"_s << u"strasse"_s;
    QTest::newRow("hyphen") << u"Al-Kazemi"_s << u"al kazemi"_s;
    QTest::newRow("apostrophes") << u"Sadr's Ba’ath"_s << u"sadr s ba ath"_s;
    QTest::newRow("quotes and dashes") << u"“Erbil”—«Duhok»"_s << u" erbil   duhok "_s;
    QTest::newRow("transliteration ayn") << u"Shiʿa"_s << u"shia"_s;
    QTest::newRow("fullwidth") << u"ＥＲＢＩＬ"_s << u"erbil"_s;
    QTest::newRow("no-break space") << u"Sadr\u00A0City"_s << u"sadr city"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestNormalizer::folds() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeForMatching(input).text, expected);
}

void TestNormalizer::originMapsBack_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("Arabic with marks") << u"قال الكَاظِمِيّ في بـغداد"_s;
    QTest::newRow("emoji") << u"😀 Erbil 🇮🇶 أربيل"_s;
    QTest::newRow("ligatures") << u"ﻻ ﷲ ﷺ"_s;
    QTest::newRow("controls") << u"\u200Fبغ\u200Cداد\u202C"_s;
    QTest::newRow("decomposed Latin") << u"Hewle\u0302r"_s;
    QTest::newRow("lone surrogate") << (u"a"_s + QChar(0xD800) + u"b"_s);
}

// Every normalised unit comes from a character at or after the previous one's, inside the input.
void TestNormalizer::originMapsBack() {
    QFETCH(QString, input);
    const NormalizedText n = normalizeForMatching(input);
    QCOMPARE(n.origin.size(), n.text.size() + 1);
    QCOMPARE(n.origin.last(), input.size());
    for (qsizetype i = 0; i < n.text.size(); ++i) {
        QVERIFY(n.origin[i] >= 0 && n.origin[i] < input.size());
        QVERIFY(n.origin[i] <= n.origin[i + 1]);
        QVERIFY(!input[n.origin[i]].isLowSurrogate()); // never the middle of a pair
    }
}

void TestNormalizer::originOfExpansionsAndSurrogates() {
    const NormalizedText emoji = normalizeForMatching(u"😀Erbil"_s);
    QCOMPARE(emoji.text, u"😀erbil"_s);
    QCOMPARE(emoji.origin, (QList<qsizetype>{0, 0, 2, 3, 4, 5, 6, 7}));

    const NormalizedText ligature = normalizeForMatching(u"xﻻy"_s);
    QCOMPARE(ligature.text, u"xلاy"_s);
    QCOMPARE(ligature.origin, (QList<qsizetype>{0, 1, 1, 2, 3}));

    const NormalizedText marks = normalizeForMatching(u"بـغ"_s);
    QCOMPARE(marks.text, u"بغ"_s);
    QCOMPARE(marks.origin, (QList<qsizetype>{0, 2, 3}));
}

void TestNormalizer::originalSpanCoversMarksAndExpansions() {
    const QString input = u"قال الكَاظِمِيّ."_s;
    const NormalizedText n = normalizeForMatching(input);
    const qsizetype start = n.text.indexOf(u"الكاظمي"_s);
    const Span span = originalSpan(n, start, start + 7);
    QCOMPARE(input.mid(span.start, span.end - span.start), u"الكَاظِمِيّ"_s);

    const QString ligature = u"xﻻy"_s;
    const NormalizedText l = normalizeForMatching(ligature);
    const Span inside = originalSpan(l, 1, 2); // only ل of لا: the whole ligature
    QCOMPARE(inside.start, 1);
    QCOMPARE(inside.end, 2);
}

void TestNormalizer::searchFoldsTheSameWay() {
    QCOMPARE(normalizeForSearch(u"وأربيل"_s), u"واربيل"_s);
    QCOMPARE(normalizeForSearch(u"Al-Kazemi’s visit to HAWLER"_s), u"al kazemi s visit to hawler"_s);
    const QString mixed = u"الكَاظِمِيّ في أربيل، Erbil ٢٠٢١"_s;
    QCOMPARE(normalizeForSearch(mixed), normalizeForMatching(mixed).text);
}

void TestNormalizer::paragraphDirection_data() {
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<Qt::LayoutDirection>("expected");
    QTest::newRow("Arabic") << u"قال الكاظمي إن Erbil"_s << Qt::RightToLeft;
    QTest::newRow("English with Arabic") << u"Erbil (أربيل) is"_s << Qt::LeftToRight;
    QTest::newRow("digits then Arabic") << u"2021 - بغداد"_s << Qt::RightToLeft;
    QTest::newRow("quote then Arabic") << u"«بغداد»"_s << Qt::RightToLeft;
    QTest::newRow("Hebrew") << u"ירושלים"_s << Qt::RightToLeft;
    QTest::newRow("Kurdish") << u"هەولێر"_s << Qt::RightToLeft;
    QTest::newRow("emoji then Latin") << u"😀 Erbil"_s << Qt::LeftToRight;
    QTest::newRow("neutral only") << u"2021 — !"_s << Qt::LeftToRight;
    QTest::newRow("empty") << QString() << Qt::LeftToRight;
}

void TestNormalizer::paragraphDirection() {
    QFETCH(QString, paragraph);
    QFETCH(Qt::LayoutDirection, expected);
    QCOMPARE(mirsad::text::paragraphDirection(paragraph), expected);
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
