#include "feeds/DateParser.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using mirsad::feeds::parseDate;

class TestFeedDateParser : public QObject {
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
};

static QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::UTC);
}

void TestFeedDateParser::parses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime seed = utc(2021, 5, 9, 12, 15);
    QTest::newRow("rfc1123 numeric zone") << u"Sun, 9 May 2021 15:15:00 +0300"_s << seed;
    QTest::newRow("rfc1123 GMT") << u"Sun, 09 May 2021 12:15:00 GMT"_s << seed;
    QTest::newRow("UT") << u"Sun, 09 May 2021 12:15:00 UT"_s << seed;
    QTest::newRow("UTC") << u"Sun, 09 May 2021 12:15:00 UTC"_s << seed;
    QTest::newRow("Z") << u"Sun, 09 May 2021 12:15:00 Z"_s << seed;
    QTest::newRow("EST") << u"Sun, 09 May 2021 07:15:00 EST"_s << seed;
    QTest::newRow("EDT") << u"Sun, 09 May 2021 08:15:00 EDT"_s << seed;
    QTest::newRow("CST") << u"Sun, 09 May 2021 06:15:00 CST"_s << seed;
    QTest::newRow("CDT") << u"Sun, 09 May 2021 07:15:00 CDT"_s << seed;
    QTest::newRow("MST") << u"Sun, 09 May 2021 05:15:00 MST"_s << seed;
    QTest::newRow("MDT") << u"Sun, 09 May 2021 06:15:00 MDT"_s << seed;
    QTest::newRow("PST") << u"Sun, 09 May 2021 04:15:00 PST"_s << seed;
    QTest::newRow("PDT") << u"Sun, 09 May 2021 05:15:00 PDT"_s << seed;
    QTest::newRow("military letter (RFC 5322: +0000)") << u"Sun, 09 May 2021 12:15:00 A"_s << seed;
    QTest::newRow("military Z") << u"09 May 2021 12:15 Z"_s << seed;
    QTest::newRow("negative zone") << u"Sun, 09 May 2021 07:15:00 -0500"_s << seed;
    QTest::newRow("zone with colon") << u"Sun, 09 May 2021 15:15:00 +03:00"_s << seed;
    QTest::newRow("missing seconds") << u"Sun, 09 May 2021 15:15 +0300"_s << seed;
    QTest::newRow("missing weekday") << u"9 May 2021 15:15:00 +0300"_s << seed;
    QTest::newRow("wrong weekday") << u"Fri, 09 May 2021 12:15:00 GMT"_s << seed;
    QTest::newRow("full weekday and month") << u"Sunday, 9 May 2021 12:15:00 GMT"_s << seed;
    QTest::newRow("two-digit year") << u"Sun, 09 May 21 12:15:00 GMT"_s << seed;
    QTest::newRow("two-digit year 1999") << u"Sun, 09 May 99 12:15:00 GMT"_s << utc(1999, 5, 9, 12, 15);
    QTest::newRow("rfc850 dashes") << u"Sunday, 09-May-21 12:15:00 GMT"_s << seed;
    QTest::newRow("asctime") << u"Sun May  9 12:15:00 2021"_s << seed;
    QTest::newRow("comment after zone") << u"Sun, 09 May 2021 15:15:00 +0300 (AST)"_s << seed;
    QTest::newRow("GMT+0300") << u"Sun, 09 May 2021 15:15:00 GMT+0300"_s << seed;
    QTest::newRow("no zone is UTC") << u"Sun, 09 May 2021 12:15:00"_s << seed;
    QTest::newRow("lower-case month") << u"09 may 2021 12:15"_s << seed;
    QTest::newRow("month first with comma") << u"May 9, 2021 12:15 PM"_s << seed;
    QTest::newRow("am") << u"May 9, 2021 12:15 AM"_s << utc(2021, 5, 9, 0, 15);
    QTest::newRow("date only") << u"09 May 2021"_s << utc(2021, 5, 9);
    QTest::newRow("day/month/year") << u"09/05/2021 12:15"_s << seed;
    QTest::newRow("iso Z") << u"2021-05-09T12:15:00Z"_s << seed;
    QTest::newRow("iso lower-case") << u"2021-05-09t12:15:00z"_s << seed;
    QTest::newRow("iso offset") << u"2021-05-09T15:15:00+03:00"_s << seed;
    QTest::newRow("iso offset no colon") << u"2021-05-09T15:15:00+0300"_s << seed;
    QTest::newRow("iso hour-only offset") << u"2021-05-09T15:15:00+03"_s << seed;
    QTest::newRow("iso fraction") << u"2021-05-09T12:15:00.250Z"_s << utc(2021, 5, 9, 12, 15, 0, 250);
    QTest::newRow("iso long fraction")
        << u"2021-05-09T12:15:00.123456789Z"_s << utc(2021, 5, 9, 12, 15, 0, 123);
    QTest::newRow("iso no zone") << u"2021-05-09T12:15:00"_s << seed;
    QTest::newRow("iso space") << u"2021-05-09 12:15:00"_s << seed;
    QTest::newRow("seed format") << u"2021-05-09 15:15"_s << utc(2021, 5, 9, 15, 15);
    QTest::newRow("iso date only") << u"2021-05-09"_s << utc(2021, 5, 9);
    QTest::newRow("iso slashes") << u"2021/05/09 12:15"_s << seed;
    QTest::newRow("iso space before zone") << u"2021-05-09 15:15:00 +0300"_s << seed;
    QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s << utc(2016, 12, 31, 23, 59, 59);
    QTest::newRow("surrounding spaces") << u"  2021-05-09T12:15:00Z \n"_s << seed;
    QTest::newRow("arabic-indic digits iso") << u"٢٠٢١-٠٥-٠٩ ١٥:١٥"_s << utc(2021, 5, 9, 15, 15);
    QTest::newRow("persian digits") << u"۲۰۲۱-۰۵-۰۹ ۱۵:۱۵"_s << utc(2021, 5, 9, 15, 15);
    QTest::newRow("arabic month egyptian") << u"٩ مايو ٢٠٢١"_s << utc(2021, 5, 9);
    QTest::newRow("arabic month levantine") << u"الأحد، 9 أيار 2021 15:15"_s << utc(2021, 5, 9, 15, 15);
    QTest::newRow("arabic two-word month") << u"1 كانون الثاني 2021"_s << utc(2021, 1, 1);
    QTest::newRow("arabic tishreen") << u"5 تشرين الأول 2020"_s << utc(2020, 10, 5);
    QTest::newRow("upper-case month, lower-case zone") << u"SUN, 09 MAY 2021 12:15:00 gmt"_s << seed;
    QTest::newRow("two spaces") << u"Sun, 09 May 2021  12:15:00 GMT"_s << seed;
    QTest::newRow("crosses midnight") << u"Sun, 09 May 2021 01:00:00 +0300"_s << utc(2021, 5, 8, 22, 0);
}

void TestFeedDateParser::parses() {
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = parseDate(text);
    QVERIFY2(parsed.isValid(), qPrintable(text));
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed, expected);
}

void TestFeedDateParser::rejects_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("words") << u"yesterday afternoon"_s;
    QTest::newRow("impossible day") << u"31 Feb 2021"_s;
    QTest::newRow("impossible hour") << u"2021-05-09T25:00:00Z"_s;
    QTest::newRow("iso trailing junk") << u"2021-05-09T12:15:00Z garbage"_s;
    QTest::newRow("impossible rfc822 day") << u"Sun, 31 Feb 2021 12:00:00 GMT"_s;
    QTest::newRow("impossible rfc822 hour") << u"Sun, 09 May 2021 24:00:00 +0000"_s;
    QTest::newRow("zone past +14") << u"Sun, 09 May 2021 12:00:00 +1500"_s;
    QTest::newRow("rfc822 trailing junk") << u"Sun, 09 May 2021 12:00:00 GMT junk"_s;
    QTest::newRow("month only") << u"May"_s;
    QTest::newRow("number only") << u"12345"_s;
}

void TestFeedDateParser::rejects() {
    QFETCH(QString, text);
    QVERIFY(!parseDate(text).isValid());
}

QTEST_GUILESS_MAIN(TestFeedDateParser)
#include "tst_feeddateparser.moc"
