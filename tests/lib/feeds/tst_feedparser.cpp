#include "TestSupport.h"
#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;
using mirsad::Article;

namespace {
QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::UTC);
}
} // namespace

class TestFeedParser : public QObject {
    Q_OBJECT
private slots:
    void fixtures_data();
    void fixtures();
    void arabicRss();
    void englishRssExtensions();
    void atomXmlBaseAndXhtml();
    void rdf();
    void jsonFeed();
    void rss091WithNetscapeDtd();
    void undeclaredHtmlEntitiesAreRepaired();
    void errors_data();
    void errors();
    void toArticleSanitises();
};

void TestFeedParser::fixtures_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("items");
    QTest::newRow("rss 2.0 arabic windows-1256")
        << u"rss2-arabic-windows1256.xml"_s << u"application/rss+xml"_s << u"RSS 2.0"_s << u"شفق نيوز"_s << 2;
    QTest::newRow("rss 2.0 english") << u"rss2-english.xml"_s << QString() << u"RSS 2.0"_s
                                     << u"Shafaq News & Analysis"_s << 2;
    QTest::newRow("atom") << u"atom-xmlbase-xhtml.xml"_s << u"application/atom+xml"_s << u"Atom 1.0"_s
                          << u"Kurdistan 24"_s << 3;
    QTest::newRow("rdf") << u"rdf.xml"_s << QString() << u"RSS 1.0"_s << u"Rudaw (RDF)"_s << 2;
    QTest::newRow("json feed") << u"jsonfeed-1.1.json"_s << u"application/feed+json"_s << u"JSON Feed 1.1"_s
                               << u"Iraq Desk"_s << 2;
    QTest::newRow("rss 0.91") << u"rss091.xml"_s << u"text/xml"_s << u"RSS 0.91"_s << u"Old Wire Service"_s
                              << 1;
    QTest::newRow("served as text/html") << u"rss2-english.xml"_s << u"text/html; charset=utf-8"_s
                                         << u"RSS 2.0"_s << u"Shafaq News & Analysis"_s << 2;
}

void TestFeedParser::fixtures() {
    QFETCH(QString, file);
    QFETCH(QString, contentType);
    QFETCH(QString, format);
    QFETCH(QString, title);
    QFETCH(int, items);
    const auto feed =
        parseFeed(mirsad::test::feedFixture(file), contentType, QUrl(u"https://feeds.example/feed"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->formatName, format);
    QCOMPARE(feed->title, title);
    QCOMPARE(feed->items.size(), items);
}

void TestFeedParser::arabicRss() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"rss2-arabic-windows1256.xml"_s), {},
                                QUrl(u"https://shafaq.example/ar/rss"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->language, u"ar"_s);
    QCOMPARE(feed->siteLink, QUrl(u"https://shafaq.example/ar"_s));
    const FeedItem& item = feed->items.at(0);
    QCOMPARE(item.title, u"الكاظمي يستقبل وفداً من أربيل"_s);
    QCOMPARE(item.link, QUrl(u"https://shafaq.example/ar/politics/kadhimi-erbil"_s)); // relative, resolved
    QCOMPARE(item.guid, u"shafaq-2021-05-09-1515"_s);
    QCOMPARE(item.published, utc(2021, 5, 9, 12, 15));
    QCOMPARE(item.author, u"شفق نيوز"_s);
    QCOMPARE(item.tags, (QStringList{u"سياسة"_s, u"إقليم كوردستان"_s}));
    QVERIFY(item.contentHtml.contains(u"<b>مصطفى الكاظمي</b>"_s)); // content:encoded preferred
    QVERIFY(item.summary.startsWith(u"<p>استقبل"_s));
    QCOMPARE(item.thumbnail, QUrl(u"https://shafaq.example/img/kadhimi-small.jpg"_s));
    const FeedItem& second = feed->items.at(1);
    QCOMPARE(second.published, utc(2021, 5, 9, 15, 15)); // "2021-05-09 15:15", naive = UTC
    QCOMPARE(second.thumbnail, QUrl(u"https://shafaq.example/img/kirkuk.jpg"_s)); // enclosure
    QCOMPARE(second.contentHtml, second.summary);
}

void TestFeedParser::englishRssExtensions() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"rss2-english.xml"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    const FeedItem& item = feed->items.at(0);
    QCOMPARE(item.author, u"Shafaq Desk"_s);
    QCOMPARE(item.tags.size(), 3);
    QCOMPARE(item.thumbnail, QUrl(u"https://shafaq.example/img/photo.jpg"_s)); // the image in media:group
    QCOMPARE(item.published, utc(2021, 5, 9, 12, 15));
    const FeedItem& second = feed->items.at(1);
    QCOMPARE(second.link, QUrl(u"https://shafaq.example/?p=1002"_s)); // guid is a permalink
    QCOMPARE(second.author, u"Staff"_s);
    QCOMPARE(second.published, utc(2021, 5, 8, 7, 0)); // dc:date
    QVERIFY(!second.updated.isValid());
}

void TestFeedParser::atomXmlBaseAndXhtml() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"atom-xmlbase-xhtml.xml"_s), {},
                                QUrl(u"https://mirror.example/k24.xml"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->language, u"en"_s);
    QCOMPARE(feed->description, u"News from the Kurdistan Region"_s);
    QCOMPARE(feed->siteLink, QUrl(u"https://kurdistan24.example/"_s));
    const FeedItem& first = feed->items.at(0);
    QCOMPARE(first.link, QUrl(u"https://kurdistan24.example/news/2021/barzani-un"_s));
    QCOMPARE(first.thumbnail, QUrl(u"https://kurdistan24.example/news/2021/images/barzani.jpg"_s));
    QCOMPARE(first.published, utc(2021, 5, 9, 12, 15));
    QCOMPARE(first.updated, utc(2021, 5, 9, 13, 0));
    QCOMPARE(first.author, u"Kurdistan24 Desk"_s);
    QCOMPARE(first.tags, (QStringList{u"Politics"_s, u"erbil"_s}));
    QCOMPARE(first.summary, u"<p>Summary &lt;not markup&gt;</p>"_s);
    QCOMPARE(first.contentHtml,
             u"<p>The <a href=\"../duhok\">Duhok</a> meeting &amp; more.</p><img src=\"photo.jpg\"></img>"_s);
    QCOMPARE(first.baseUrl, QUrl(u"https://kurdistan24.example/news/2021/barzani-un/"_s));
    const Article article = toArticle(first, *feed, true);
    QVERIFY2(article.html.contains(u"href=\"https://kurdistan24.example/news/2021/duhok\""_s),
             qPrintable(article.html));
    QVERIFY2(article.html.contains(u"src=\"https://kurdistan24.example/news/2021/barzani-un/photo.jpg\""_s),
             qPrintable(article.html));
    const FeedItem& second = feed->items.at(1);
    QCOMPARE(second.link, QUrl(u"https://kurdistan24.example/news/suli"_s));
    QCOMPARE(second.contentHtml, u"<p>Voting in <em>Sulaymaniyah</em>.</p>"_s);
    QVERIFY(!second.published.isValid());
    QCOMPARE(toArticle(second, *feed).published, utc(2021, 5, 8, 9, 0)); // falls back to updated
    QCOMPARE(feed->items.at(2).contentHtml, u"<p>Line one &amp; two</p>"_s);
}

void TestFeedParser::rdf() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"rdf.xml"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->language, u"en"_s);
    QCOMPARE(feed->items.at(0).guid, u"https://rudaw.example/a1"_s);
    QCOMPARE(feed->items.at(0).published, utc(2021, 5, 9, 8, 30));
    QCOMPARE(feed->items.at(0).tags, QStringList{u"Duhok"_s});
    QCOMPARE(feed->items.at(0).author, u"Rudaw"_s);
    QCOMPARE(feed->items.at(1).contentHtml, u"<p>Full text</p>"_s);
    QCOMPARE(feed->items.at(1).published, utc(2021, 3, 16));
}

void TestFeedParser::jsonFeed() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"jsonfeed-1.1.json"_s), {},
                                QUrl(u"https://iraqdesk.example/feed.json"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->siteLink, QUrl(u"https://iraqdesk.example/"_s));
    const FeedItem& first = feed->items.at(0);
    QCOMPARE(first.guid, u"1"_s);
    QCOMPARE(first.author, u"Layla"_s);
    QCOMPARE(first.thumbnail, QUrl(u"https://iraqdesk.example/img/basra.jpg"_s));
    QCOMPARE(first.published, utc(2021, 5, 9, 12, 15));
    QCOMPARE(first.updated, utc(2021, 5, 10, 9, 0));
    QCOMPARE(first.tags, (QStringList{u"Basra"_s, u"Economy"_s}));
    const FeedItem& second = feed->items.at(1);
    QCOMPARE(second.guid, u"2"_s);
    QCOMPARE(second.link, QUrl(u"https://elsewhere.example/mosul"_s));
    QCOMPARE(second.author, u"Iraq Desk"_s); // the feed's author
    QCOMPARE(second.contentHtml, u"<p>First paragraph.</p><p>Second &lt;paragraph&gt;.</p>"_s);
    const auto v10 = parseFeed(R"({"version":"https://jsonfeed.org/version/1","title":"t","items":[]})");
    QVERIFY(v10.ok());
    QCOMPARE(v10->formatName, u"JSON Feed 1.0"_s);
}

void TestFeedParser::rss091WithNetscapeDtd() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"rss091.xml"_s));
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->description, u"Café news édition"_s);
    QCOMPARE(feed->items.at(0).title, u"Mosul report"_s); // &nbsp; from the external DTD, simplified
    QVERIFY(!feed->items.at(0).published.isValid());
}

void TestFeedParser::undeclaredHtmlEntitiesAreRepaired() {
    const auto feed =
        parseFeed("<rss version=\"2.0\"><channel><title>A&nbsp;&eacute;&amp;</title></channel></rss>");
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->title, u"A é&"_s);
}

void TestFeedParser::errors_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    QTest::newRow("html page") << mirsad::test::feedFixture(u"page-with-alternates.html"_s) << u"text/html"_s
                               << u"The feed at https://feeds.example/feed is an HTML page, not a feed."_s;
    QTest::newRow("html without doctype")
        << QByteArray("\n<html><body>hi</body></html>") << QString() << u"is an HTML page, not a feed."_s;
    QTest::newRow("broken html as text/html")
        << QByteArray("<p>Hello<br>world") << u"text/html"_s << u"is an HTML page, not a feed."_s;
    QTest::newRow("broken xml") << mirsad::test::feedFixture(u"broken.xml"_s) << QString()
                                << u"is not well-formed XML (line 5, column"_s;
    QTest::newRow("billion laughs") << mirsad::test::feedFixture(u"billion-laughs.xml"_s) << QString()
                                    << u"declares entities in its DTD, which Mirsad refuses to expand"_s;
    QTest::newRow("external entity") << mirsad::test::feedFixture(u"external-entity.xml"_s) << QString()
                                     << u"declares entities in its DTD"_s;
    QTest::newRow("empty") << QByteArray("  \n") << QString()
                           << u"The feed at https://feeds.example/feed is empty."_s;
    QTest::newRow("not xml") << QByteArray("hello") << u"text/plain"_s << u"is neither XML nor JSON"_s;
    QTest::newRow("other xml") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << QString()
                               << u"its root element is <svg>"_s;
    QTest::newRow("truncated") << QByteArray("<rss version=\"2.0\"><channel><title>x</title>") << QString()
                               << u"is not well-formed XML"_s;
    QTest::newRow("broken json") << QByteArray("{\"version\": ") << QString() << u"is not valid JSON"_s;
    QTest::newRow("json not a feed") << QByteArray("{\"a\": 1}") << QString()
                                     << u"is JSON but not a JSON Feed"_s;
}

void TestFeedParser::errors() {
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    const auto feed = parseFeed(body, contentType, QUrl(u"https://feeds.example/feed"_s));
    QVERIFY(!feed.ok());
    QVERIFY2(feed.error().contains(expected), qPrintable(feed.error()));
    QVERIFY2(feed.error().startsWith(u"The feed at https://feeds.example/feed "_s), qPrintable(feed.error()));
}

void TestFeedParser::toArticleSanitises() {
    const auto feed = parseFeed(mirsad::test::feedFixture(u"rss2-arabic-windows1256.xml"_s), {},
                                QUrl(u"https://shafaq.example/ar/rss"_s));
    QVERIFY(feed.ok());
    const Article article = toArticle(feed->items.at(0), *feed);
    QCOMPARE(article.source, u"شفق نيوز"_s);
    QCOMPARE(article.guid, u"shafaq-2021-05-09-1515"_s);
    QVERIFY(!article.html.contains(u"script"_s));
    QVERIFY(!article.html.contains(u"<img"_s));
    QCOMPARE(article.text, u"استقبل رئيس الوزراء مصطفى الكاظمي وفداً من أربيل."_s);
    QVERIFY(article.html.contains(u"dir=\"rtl\""_s));
    const Article english =
        toArticle(parseFeed(mirsad::test::feedFixture(u"rss2-english.xml"_s))->items.at(0), *feed);
    QVERIFY2(!english.text.contains(u"Share"_s), qPrintable(english.text));
    QVERIFY2(english.html.contains(u"href=\"https://shafaq.example/en/people/kadhimi\""_s),
             qPrintable(english.html));
    QVERIFY(!english.html.contains(u"onclick"_s));
}

QTEST_GUILESS_MAIN(TestFeedParser)
#include "tst_feedparser.moc"
