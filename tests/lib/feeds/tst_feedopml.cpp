#include "TestSupport.h"
#include "feeds/Opml.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;

class TestFeedOpml : public QObject {
    Q_OBJECT
private slots:
    void parsesFolders();
    void roundTrip();
    void errors_data();
    void errors();
};

void TestFeedOpml::parsesFolders() {
    const auto doc = parseOpml(mirsad::test::feedFixture(u"subscriptions.opml"_s));
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    QCOMPARE(doc->title, u"Analyst subscriptions"_s);
    QCOMPARE(doc->outlines.size(), 3);
    const OpmlOutline& iraq = doc->outlines[0];
    QVERIFY(iraq.isFolder());
    QCOMPARE(iraq.title, u"Iraq"_s);
    QCOMPARE(iraq.children.size(), 2);
    QCOMPARE(iraq.children[0].title, u"Shafaq News"_s);
    QCOMPARE(iraq.children[0].xmlUrl, QUrl(u"https://shafaq.example/en/feed"_s));
    QCOMPARE(iraq.children[0].htmlUrl, QUrl(u"https://shafaq.example/en"_s));
    QVERIFY(iraq.children[1].isFolder());
    QCOMPARE(iraq.children[1].children[0].xmlUrl, QUrl(u"https://baghdad.example/rss?lang=en&cat=1"_s));
    QCOMPARE(doc->outlines[1].children[0].title, u"Rudaw English"_s); // title wins over text
    QVERIFY(!doc->outlines[2].isFolder());
}

void TestFeedOpml::roundTrip() {
    const auto original = parseOpml(mirsad::test::feedFixture(u"subscriptions.opml"_s));
    QVERIFY(original.ok());
    OpmlDocument doc = *original;
    doc.outlines.append({u"كردستان & <عربي>"_s, QUrl(u"https://ar.example/rss?a=1&b=2"_s), {}, {}});
    const QByteArray written = writeOpml(doc);
    QVERIFY(written.contains("version=\"2.0\""));
    const auto again = parseOpml(written);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(writeOpml(*again).size(), written.size());
    QCOMPARE(again->outlines.size(), 4);
    QCOMPARE(again->outlines[0].children[1].children[0].xmlUrl,
             doc.outlines[0].children[1].children[0].xmlUrl);
    QCOMPARE(again->outlines[3].title, u"كردستان & <عربي>"_s);
    QCOMPARE(again->outlines[3].xmlUrl, QUrl(u"https://ar.example/rss?a=1&b=2"_s));
}

void TestFeedOpml::errors_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not opml") << QByteArray("<rss/>") << u"not an OPML file"_s;
    QTest::newRow("broken") << QByteArray("<opml><body><outline text='a'></body></opml>")
                            << u"not well-formed XML (line 1"_s;
    QTest::newRow("entity bomb") << QByteArray("<!DOCTYPE opml [<!ENTITY a \"aaaa\">]><opml>&a;</opml>")
                                 << u"refuses to expand"_s;
    QTest::newRow("empty") << QByteArray() << u"is empty"_s;
    QTest::newRow("too deep") << QByteArray("<opml><body>") + QByteArray("<outline text='x'>").repeated(100)
                              << u"more than 64 levels"_s;
    // Read as a feed with an invalid URL, it was imported as "" and written back as a folder
    // (found by fuzz_opml).
    QTest::newRow("feed address no URL")
        << QByteArray(
               "<opml><body>\n<outline text='Shafaq' xmlUrl='https://shafaq.exa&amp;|om.xml'/></body></opml>")
        << u"lists the feed “Shafaq” at “https://shafaq.exa&|om.xml”, which is not a valid address (line 2)"_s;
}

void TestFeedOpml::errors() {
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const auto doc = parseOpml(data);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().contains(expected), qPrintable(doc.error()));
}

QTEST_GUILESS_MAIN(TestFeedOpml)
#include "tst_feedopml.moc"
