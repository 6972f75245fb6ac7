// Lifting long text out of a feed before the XML reader sees it (feeds/LiftedText) must not
// change a single item: every document here (all UTF-8, the only bodies lifted) is read both
// ways, lifted through parseFeed() and decoded first through the string reader (which never
// lifts), and the feeds must be equal.
// Also: what lifting must leave alone, and restoring what it lifted.

#include "TestSupport.h"
#include "feeds/FeedParser.h"
#include "feeds/LiftedText.h"
#include "feeds/XmlFeedReader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;
using mirsad::Result;

namespace {

QString para(int n) {
    return u"الكاظمي يصل إلى أربيل لبحث ملف الموازنة مع حكومة إقليم كوردستان، الفقرة %1. "
           "Al-Kadhimi arrives in Erbil (Hawler) to discuss the budget; paragraph %1. "_s.arg(n);
}

QByteArray rss(const QString& itemBody) {
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
            "<link>https://site.example/</link>"_s +
            itemBody + u"</channel></rss>"_s)
        .toUtf8();
}

QString item(int n, const QString& description, const QString& encoded) {
    return u"<item><guid>g%1</guid><title>Item %1</title><link>https://site.example/%1</link>"
           "<description>%2</description><content:encoded>%3</content:encoded></item>"_s.arg(n)
               .arg(description, encoded);
}

void compareFeeds(const ParsedFeed& a, const QList<FeedItem>& aItems, const ParsedFeed& b,
                  const QList<FeedItem>& bItems) {
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.siteLink, b.siteLink);
    QCOMPARE(a.description, b.description);
    QCOMPARE(aItems.size(), bItems.size());
    for (qsizetype i = 0; i < aItems.size(); ++i) {
        const FeedItem& x = aItems[i];
        const FeedItem& y = bItems[i];
        QCOMPARE(x.guid, y.guid);
        QCOMPARE(x.link, y.link);
        QCOMPARE(x.title, y.title);
        QCOMPARE(x.author, y.author);
        QCOMPARE(x.published, y.published);
        QCOMPARE(x.updated, y.updated);
        QCOMPARE(x.contentHtml, y.contentHtml);
        QCOMPARE(x.summary, y.summary);
        QCOMPARE(x.tags, y.tags);
        QCOMPARE(x.thumbnail, y.thumbnail);
        QCOMPARE(x.baseUrl, y.baseUrl);
    }
}

} // namespace

class TestLiftedText : public QObject {
    Q_OBJECT
private slots:
    void sameFeedEitherWay_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("lifts");
        QTest::newRow("rss2-english fixture") << mirsad::test::feedFixture(u"rss2-english.xml"_s) << true;
        QTest::newRow("atom xml:base xhtml fixture")
            << mirsad::test::feedFixture(u"atom-xmlbase-xhtml.xml"_s) << false;
        QTest::newRow("rdf fixture") << mirsad::test::feedFixture(u"rdf.xml"_s) << false;

        const QString longText = para(1) + para(2) + para(3);
        QTest::newRow("CDATA bodies") << rss(item(1, u"<![CDATA[<p>"_s + longText + u"</p>]]>"_s,
                                                  u"<![CDATA[<p>"_s + longText + u"<b>x</b></p>]]>"_s) +
                                             item(2, u"short"_s, u"<![CDATA[short]]>"_s))
                                      << true;
        QTest::newRow("escaped bodies with references")
            << rss(item(1,
                        (u"&lt;p&gt;"_s + longText +
                         u"&amp;amp; &#1575;&#x644; &quot;q&quot; &apos;a&apos;&lt;/p&gt;"_s),
                        u"&lt;p class=&quot;x&quot;&gt;"_s + longText + u"&#x1F600; &#65;&lt;/p&gt;"_s))
            << true;
        QTest::newRow("line ends") << rss(item(1, longText + u"\r\nline\rline\r\n\r\n"_s,
                                               u"<![CDATA["_s + longText + u"\r\na\rb\r\n]]>"_s))
                                   << true;
        QTest::newRow("text around CDATA")
            << rss(item(1, longText + u"<![CDATA[ <i>"_s + longText + u"</i> ]]>"_s + longText,
                        u"<![CDATA["_s + longText + u"]]><![CDATA[]]]]><![CDATA[>]]>"_s))
            << true;
        QTest::newRow("markup that looks like CDATA")
            << rss(u"<!-- <![CDATA[ not a section ]]> -->"_s + u"<?pi <![CDATA[ ?>"_s +
                   item(1, u"<![CDATA["_s + longText + u"]]>"_s, u"x"_s)
                       .replace(u"<item>"_s, u"<item a='>' b=\"/>\">"_s))
            << true;
        // &nbsp; is undeclared: the run stays for the reader, which fails, and the document is
        // read again with the entity made numeric, as without lifting.
        QTest::newRow("undeclared entity in a long run")
            << rss(item(1, longText + u"&nbsp;"_s + longText, u"<![CDATA["_s + longText + u"]]>"_s)) << true;
        QTest::newRow("character XML forbids")
            << rss(item(1, u"<![CDATA["_s + longText + QChar(0x1) + u"]]>"_s, longText)) << true;
        QTest::newRow("bad character reference")
            << rss(item(1, longText + u"&#0;"_s, u"<![CDATA["_s + longText + u"]]>"_s)) << true;

        // decode() copies ASCII eight bytes at a time: each character that ends such a run, at
        // each offset in it, escaped and in CDATA.
        const QString ascii = u"The budget talks in Erbil went on; "_s.repeated(6);
        const QList<std::pair<const char*, QString>> stoppers = {
            {"LF", u"\n"_s},           {"CR LF", u"\r\n"_s},       {"tab", u"\t"_s},
            {"U+0001", u"\u0001"_s},   {"e acute", u"\u00e9"_s},   {"alef with hamza", u"\u0623"_s},
            {"euro", u"\u20ac"_s},     {"emoji", u"\U0001F600"_s}, {"&amp;", u"&amp;"_s},
            {"&#1575;", u"&#1575;"_s}, {"DEL", u"\u007f"_s}};
        for (const auto& [name, stop] : stoppers) {
            QString items;
            for (int offset = 0; offset < 17; ++offset) {
                const QString text = ascii.left(40 + offset) + stop + ascii.mid(40 + offset);
                QString cdata = text;
                cdata.replace(u"&amp;"_s, u"&"_s);
                items += item(offset, text, u"<![CDATA["_s + cdata + u"]]>"_s);
            }
            QTest::addRow("ASCII runs ended by %s", name) << rss(items) << true;
        }

        // Atom with escaped HTML content, the other half of the benchmark's corpus.
        QString atom =
            u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
            "xml:lang=\"ar\"><title>أخبار</title><link href=\"https://news.example.net/\"/>"_s;
        for (int i = 0; i < 3; ++i) {
            atom += u"<entry><title>عنوان %1</title><link rel=\"alternate\" "
                    u"href=\"https://news.example.net/%1\"/>"
                    "<id>tag:%1</id><updated>2024-06-01T08:00:00Z</updated><summary>%2</summary>"
                    "<content type=\"html\">&lt;p&gt;%2 &lt;a href=&quot;https://x.example/%1&quot;&gt;رابط"
                    "&lt;/a&gt;&lt;/p&gt;</content></entry>"_s.arg(i)
                        .arg(longText.toHtmlEscaped());
        }
        atom +=
            u"<entry><id>x</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"_s +
            longText + u"</p></div></content></entry></feed>"_s;
        QTest::newRow("atom escaped html and xhtml") << atom.toUtf8() << true;
    }

    void sameFeedEitherWay() {
        QFETCH(QByteArray, body);
        QFETCH(bool, lifts);
        QCOMPARE(detail::LiftedText::lift(body).has_value(), lifts);

        const Result<ParsedFeed> lifted = parseFeed(body, {}, QUrl(u"https://site.example/feed"_s));
        CollectingSink plain;
        const Result<ParsedFeed> decoded = detail::parseXmlFeed(
            QString::fromUtf8(body), QUrl(u"https://site.example/feed"_s), u"The feed"_s, plain);
        QCOMPARE(lifted.ok(), decoded.ok());
        if (!decoded.ok())
            return;
        QVERIFY(!plain.items.isEmpty());
        compareFeeds(*lifted, lifted->items, *decoded, plain.items);
    }

    void errorsReadAsBefore() {
        QByteArray body = rss(item(1, u"<![CDATA["_s + para(1) + para(2) + u"]]>"_s, para(3) + para(4)));
        body.replace("</item>", "</itme>");
        QVERIFY(detail::LiftedText::lift(body).has_value());
        const Result<ParsedFeed> lifted = parseFeed(body);
        CollectingSink plain;
        const Result<ParsedFeed> decoded =
            detail::parseXmlFeed(QString::fromUtf8(body), QUrl(), u"The feed"_s, plain);
        QVERIFY(!lifted.ok() && !decoded.ok());
        QCOMPARE(lifted.error(), decoded.error()); // the same line and column
    }

    void documentsLeftAlone() {
        const QString longText = para(1) + para(2);
        QVERIFY(!detail::LiftedText::lift(rss(item(1, u"<![CDATA["_s + longText + u"]]>"_s, u"x"_s))
                                              .replace("<rss", "<!DOCTYPE rss><rss"))
                     .has_value());
        QVERIFY(!detail::LiftedText::lift(rss(item(1, longText + QChar(0xE000), u"x"_s))).has_value());
        QVERIFY(!detail::LiftedText::lift(rss(item(1, u"short"_s, u"x"_s))).has_value());
        QVERIFY(!detail::LiftedText::lift(rss(item(1, u"<![CDATA["_s + longText, u"x"_s))).has_value());
    }

    void restoreReplacesOnlyPlaceholders() {
        const QByteArray body = rss(item(1, u"<![CDATA[<p>"_s + para(1) + para(2) + u"</p>]]>"_s, u"x"_s));
        std::optional<detail::LiftedText::Lifted> lifted = detail::LiftedText::lift(body);
        QVERIFY(lifted);
        QVERIFY(lifted->document.size() < body.size() / 2);
        QVERIFY(lifted->document.contains("\xEE\x80\x80"
                                          "0\xEE\x80\x81"));
        QCOMPARE(lifted->text.restore(u"a"_s + QChar(0xE000) + u"0"_s + QChar(0xE001) + u"b"_s),
                 u"a<p>"_s + para(1) + para(2) + u"</p>b"_s);
        QCOMPARE(lifted->text.restore(u"no placeholder"_s), u"no placeholder"_s);
        QVERIFY(!lifted->text.restore(QChar(0xE000) + u"7"_s + QChar(0xE001)));
    }
};

QTEST_GUILESS_MAIN(TestLiftedText)
#include "tst_liftedtext.moc"
