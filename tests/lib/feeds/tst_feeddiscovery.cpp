#include "TestSupport.h"
#include "feeds/FeedDiscovery.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;

class TestFeedDiscovery : public QObject {
    Q_OBJECT
private slots:
    void findsAlternateLinks();
    void resolvesAgainstPageWithoutBase();
    void nothingToFind();
};

void TestFeedDiscovery::findsAlternateLinks() {
    QFile file(mirsad::test::dataPath(u"feeds/page-with-alternates.html"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto feeds = discoverFeeds(file.readAll(), QUrl(u"https://shafaq.example/ar/index.html"_s));
    QCOMPARE(feeds.size(), 4);
    QCOMPARE(feeds[0].url, QUrl(u"https://shafaq.example/ar/feed/"_s)); // relative to <base href>
    QCOMPARE(feeds[0].title, u"RSS"_s);
    QCOMPARE(feeds[0].type, u"application/rss+xml"_s);
    QCOMPARE(feeds[1].url, QUrl(u"https://shafaq.example/feed.atom"_s));
    QCOMPARE(feeds[2].url, QUrl(u"https://cdn.example/feed.json"_s));
    QCOMPARE(feeds[2].type, u"application/feed+json"_s);
    QCOMPARE(feeds[3].url, QUrl(u"https://shafaq.example/ar/api.json"_s)); // upper-case markup
}

void TestFeedDiscovery::resolvesAgainstPageWithoutBase() {
    const QByteArray html =
        "<html><head><link rel='alternate feed' type='application/atom+xml; charset=utf-8' "
        "href='../atom.xml'></head></html>";
    const auto feeds = discoverFeeds(html, QUrl(u"https://news.example/section/page"_s));
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds[0].url, QUrl(u"https://news.example/atom.xml"_s));
}

void TestFeedDiscovery::nothingToFind() {
    QVERIFY(
        discoverFeeds("<html><link rel=stylesheet href=a.css><p>x", QUrl(u"https://e.example/"_s)).isEmpty());
    QVERIFY(discoverFeeds({}, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestFeedDiscovery)
#include "tst_feeddiscovery.moc"
