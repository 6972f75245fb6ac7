#include "text/TextFind.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::text;

class TestTextFind : public QObject {
    Q_OBJECT
private slots:
    void findsThroughFolding_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<QStringList>("found"); // the original text of each match
        QTest::newRow("hamza and clitic") << u"وصل الوفد إلى بغداد وأربيل ثم عاد إلى أربيل."_s << u"اربيل"_s
                                          << QStringList{u"أربيل"_s, u"أربيل"_s};
        QTest::newRow("diacritics and tatweel")
            << u"مُصْطَفَى الكاظـــمي"_s << u"مصطفى الكاظمي"_s << QStringList{u"مُصْطَفَى الكاظـــمي"_s};
        QTest::newRow("Latin case and accents") << u"Kadhimi met KADHIMI's aide in Hawlêr."_s << u"kadhimi"_s
                                                << QStringList{u"Kadhimi"_s, u"KADHIMI"_s};
        QTest::newRow("accent") << u"Hawlêr"_s << u"hawler"_s << QStringList{u"Hawlêr"_s};
        QTest::newRow("not there") << u"Erbil and Duhok"_s << u"Kirkuk"_s << QStringList{};
        QTest::newRow("blank needle") << u"Erbil"_s << u"  "_s << QStringList{};
        QTest::newRow("no overlaps") << u"aaaa"_s << u"aa"_s << QStringList{u"aa"_s, u"aa"_s};
    }
    void findsThroughFolding() {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        QFETCH(QStringList, found);
        QStringList actual;
        for (const Span& span : findFolded(text, needle))
            actual << text.mid(span.start, span.end - span.start);
        QCOMPARE(actual, found);
    }
};

QTEST_GUILESS_MAIN(TestTextFind)
#include "tst_textfind.moc"
