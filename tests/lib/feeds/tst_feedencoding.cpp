#include "feeds/Encoding.h"
#include "feeds/FeedParser.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;

namespace {
const QString arabic = u"استقبل رئيس الوزراء مصطفى الكاظمي وفداً من أربيل"_s;

QByteArray encode(const QString& text, const char* encoding) {
    QStringEncoder encoder(encoding);
    return encoder.encode(text);
}

} // namespace

class TestFeedEncoding : public QObject {
    Q_OBJECT
private slots:
    void detects_data();
    void detects();
    void decodesArabicEncodings_data();
    void decodesArabicEncodings();
    void charsetParameter();
    void utf8BodyIgnoresDeclaration_data();
    void utf8BodyIgnoresDeclaration();
    void invalidUtf8AfterBomIsReplaced();
    void utf8ValidationAgreesWithQt();
};

void TestFeedEncoding::detects_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    const QByteArray utf8 = arabic.toUtf8();
    const QByteArray cp1256 = encode(arabic, "windows-1256");
    QTest::newRow("utf-8 BOM beats everything")
        << QByteArray("\xEF\xBB\xBF") + utf8 << u"text/xml; charset=windows-1256"_s << u"UTF-8"_s;
    QTest::newRow("utf-16le BOM") << QByteArray("\xFF\xFE<\0") << QString() << u"UTF-16LE"_s;
    QTest::newRow("utf-16be BOM") << QByteArray("\xFE\xFF\0<", 4) << QString() << u"UTF-16BE"_s;
    QTest::newRow("http charset") << cp1256 << u"application/rss+xml; charset=windows-1256"_s
                                  << u"windows-1256"_s;
    QTest::newRow("quoted http charset")
        << cp1256 << u"text/xml; charset=\"ISO-8859-6\""_s << u"ISO-8859-6"_s;
    QTest::newRow("xml declaration") << QByteArray("<?xml version=\"1.0\" encoding=\"windows-1256\"?><a/>")
                                     << QString() << u"windows-1256"_s;
    QTest::newRow("single-quoted declaration")
        << QByteArray("<?xml version='1.0' encoding='ISO-8859-6'?><a/>") << QString() << u"ISO-8859-6"_s;
    QTest::newRow("http beats declaration")
        << QByteArray("<?xml version=\"1.0\" encoding=\"windows-1256\"?><a/>") << u"text/xml; charset=utf-8"_s
        << u"utf-8"_s;
    QTest::newRow("html meta") << QByteArray("<html><head><meta charset=\"windows-1256\">") << u"text/html"_s
                               << u"windows-1256"_s;
    QTest::newRow("json is utf-8") << QByteArray("{\"a\": 1}") << QString() << u"UTF-8"_s;
    QTest::newRow("undeclared valid utf-8") << utf8 << QString() << u"UTF-8"_s;
    QTest::newRow("undeclared invalid utf-8 is windows-1256") << cp1256 << QString() << u"windows-1256"_s;
    QTest::newRow("wrong latin-1 header, utf-8 body")
        << utf8 << u"text/xml; charset=ISO-8859-1"_s << u"UTF-8"_s;
    QTest::newRow("wrong utf-8 header, windows-1256 body")
        << cp1256 << u"text/xml; charset=utf-8"_s << u"windows-1256"_s;
    QTest::newRow("unknown charset falls through") << utf8 << u"text/xml; charset=x-bogus"_s << u"UTF-8"_s;
}

void TestFeedEncoding::detects() {
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QCOMPARE(detectEncoding(body, contentType), expected);
}

void TestFeedEncoding::decodesArabicEncodings_data() {
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("declareInXml");
    QTest::addColumn<bool>("declareInHttp");
    for (const char* enc : {"windows-1256", "ISO-8859-6"}) {
        QTest::addRow("%s in XML", enc) << QByteArray(enc) << true << false;
        QTest::addRow("%s in HTTP", enc) << QByteArray(enc) << false << true;
    }
    QTest::addRow("windows-1256 undeclared") << QByteArray("windows-1256") << false << false;
}

void TestFeedEncoding::decodesArabicEncodings() {
    QFETCH(QByteArray, encoding);
    QFETCH(bool, declareInXml);
    QFETCH(bool, declareInHttp);
    const QString title = arabic;
    const QString xml =
        u"<?xml version=\"1.0\"%1?><rss version=\"2.0\"><channel><title>%2</title>"
        "<item><title>%2</title></item></channel></rss>"_s.arg(
            declareInXml ? u" encoding=\"%1\""_s.arg(QString::fromLatin1(encoding)) : QString(), title);
    const QByteArray body = encode(xml, encoding.constData());
    QVERIFY(body.size() < xml.toUtf8().size()); // really a single-byte encoding
    const QString contentType = declareInHttp
                                    ? u"application/rss+xml; charset="_s + QString::fromLatin1(encoding)
                                    : u"application/rss+xml"_s;
    const auto decoded = decodeBody(body, contentType);
    QCOMPARE(decoded.text, xml);
    const auto feed = parseFeed(body, contentType);
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->title, title);
    QCOMPARE(feed->items.first().title, title);
}

void TestFeedEncoding::charsetParameter() {
    QCOMPARE(charsetFromContentType(u"text/xml;charset=UTF-8"_s), u"UTF-8"_s);
    QCOMPARE(charsetFromContentType(u"text/xml; Charset='windows-1256'; x=y"_s), u"windows-1256"_s);
    QCOMPARE(charsetFromContentType(u"text/xml"_s), QString());
}

// A body read as UTF-8 (BOM, HTTP charset) is UTF-8 whatever its XML declaration says, also when
// it goes to the XML reader as bytes; undeclared HTML entities are repaired the same way.
void TestFeedEncoding::utf8BodyIgnoresDeclaration_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    const QByteArray xml =
        u"<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel>"
        "<title>%1</title><item><title>%1&nbsp;</title></item></channel></rss>"_s.arg(arabic)
            .toUtf8();
    QTest::newRow("http charset") << xml << u"application/rss+xml; charset=utf-8"_s;
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF") + xml << u"application/rss+xml"_s;
}

void TestFeedEncoding::utf8BodyIgnoresDeclaration() {
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    const auto feed = parseFeed(body, contentType);
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->title, arabic);
    QCOMPARE(feed->items.first().title, arabic); // &nbsp; read, then trimmed
}

void TestFeedEncoding::invalidUtf8AfterBomIsReplaced() {
    const QByteArray body = "\xEF\xBB\xBF<rss version=\"2.0\"><channel><title>a\xFF"
                            "b</title></channel></rss>";
    const auto feed = parseFeed(body, {});
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->title, u"a\uFFFDb"_s);
}

// Every sequence of one to three bytes, and four-byte ones around every boundary, each alone,
// after ASCII runs of every length up to 17 (the eight-byte step) and cut short at the end.
void TestFeedEncoding::utf8ValidationAgreesWithQt() {
    int checked = 0;
    const auto agree = [&](const QByteArray& bytes) {
        ++checked;
        if (isValidUtf8(bytes) != QByteArrayView(bytes).isValidUtf8())
            QFAIL(qPrintable(u"disagrees on %1"_s.arg(QString::fromLatin1(bytes.toHex(' ')))));
    };
    QByteArray bytes(3, Qt::Uninitialized);
    for (int a = 0; a < 256; ++a) {
        bytes[0] = char(a);
        agree(bytes.left(1));
        for (int b = 0; b < 256; ++b) {
            bytes[1] = char(b);
            agree(bytes.left(2));
            for (int c = 0; c < 256; ++c) {
                bytes[2] = char(c);
                if (a >= 0xC0 || c >= 0x80 || c == 0) // the rest is two bytes and ASCII again
                    agree(bytes);
            }
        }
    }
    const QList<int> edges{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    QByteArray four(4, Qt::Uninitialized);
    for (int lead = 0xF0; lead <= 0xFF; ++lead) {
        four[0] = char(lead);
        for (int b : edges) {
            four[1] = char(b);
            for (int c : edges) {
                four[2] = char(c);
                for (int d : edges) {
                    four[3] = char(d);
                    agree(four);
                }
            }
        }
    }
    const QList<QByteArray> samples{"\xD8\xA7"_ba, "\xE2\x80\x8F"_ba, "\xF0\x9F\x98\x80"_ba, "\xD8"_ba,
                                    "\xE2\x80"_ba, "\xED\xA0\x80"_ba, "\xC0\xAF"_ba,         "\xFF"_ba};
    for (const QByteArray& sample : samples) {
        for (int run = 0; run <= 17; ++run) {
            const QByteArray ascii(run, 'a');
            agree(ascii + sample);
            agree(ascii + sample + ascii);
            agree(sample + ascii + sample);
            agree(ascii + ascii + sample.left(sample.size() - 1));
        }
    }
    QVERIFY(checked > 10'000'000);
}

QTEST_GUILESS_MAIN(TestFeedEncoding)
#include "tst_feedencoding.moc"
