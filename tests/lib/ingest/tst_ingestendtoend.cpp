// End to end through the real pipeline: the mirsadctl binary fetching from a loopback HTTP
// server into a fresh database (conditional GET, gzip, redirects, discovery, dedupe and edits,
// Arabic encodings), and every kind of bad input leaving what was stored before intact.

#include "AnalystState.h"
#include "CtlRunner.h"
#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "storage/ArticleQueries.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;
using Route = LoopbackHttpServer::Route;

Q_DECLARE_METATYPE(LoopbackHttpServer::Route)

namespace {

struct Item {
    QString guid;
    QString title;
    QString body;
    QString date; // RFC 822, or empty for none
};

QString rssText(const QString& title, const QList<Item>& items, const QString& encoding = u"UTF-8"_s) {
    QString xml = u"<?xml version=\"1.0\" encoding=\"%1\"?>\n<rss version=\"2.0\"><channel><title>%2</title>"
                  u"<link>https://site.example/</link>\n"_s.arg(encoding, title);
    for (const Item& item : items) {
        xml += u"<item><guid isPermaLink=\"false\">%1</guid><title>%2</title>"_s.arg(item.guid, item.title);
        if (!item.date.isEmpty())
            xml += u"<pubDate>%1</pubDate>"_s.arg(item.date);
        xml += u"<description><![CDATA[<p>%1</p>]]></description></item>\n"_s.arg(item.body);
    }
    return xml + u"</channel></rss>\n"_s;
}

QByteArray rss(const QString& title, const QList<Item>& items) {
    return rssText(title, items).toUtf8();
}

Route feedRoute(const QByteArray& body) {
    Route route;
    route.body = body;
    return route;
}

// Articles of one feed from `list --json`, by title, without fields that change on their own.
QJsonArray articlesOf(const QJsonArray& all, const QString& feed) {
    QJsonArray out;
    for (const QJsonValue& value : all) {
        if (value[u"feed"_s].toString() == feed)
            out.append(value);
    }
    return out;
}

} // namespace

class TestIngestEndToEnd : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void importThenRefreshIsConditional();
    void gzipAndRedirects();
    void discoversFeedFromHtmlPage();
    void editedItemUpdatedInPlace();
    void missingDateFallsBackToFirstSeen();
    void arabicEncodings_data();
    void arabicEncodings();
    void badInput_data();
    void badInput();
    void badNewSubscriptionIsNotKept();
    void permanentMoveUpdatesTheAddress();
    void temporaryRedirectKeepsTheAddress();
    void chainStopsAtTheFirstTemporaryHop();
    void movedToAFeedSubscribedAlready();
    void opmlAddressMovedToAFeedSubscribedAlready();
    void refreshMovingOntoAnotherFeedKeepsBoth();

private:
    QString database() const { return m_db->path(); }
    qint64 count(const QString& sql) {
        QSqlQuery query(m_db->db());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }
    QString url(const char* path) const { return m_server.url(QString::fromLatin1(path)).toString(); }
    QStringList feedUrls() {
        QStringList urls;
        QSqlQuery query(m_db->db());
        if (query.exec(u"SELECT url FROM feeds WHERE kind = 'feed' ORDER BY url"_s))
            while (query.next())
                urls << query.value(0).toString();
        return urls;
    }

    LoopbackHttpServer m_server;
    std::unique_ptr<test::TempDatabase> m_db;
};

void TestIngestEndToEnd::initTestCase() {
    test::isolateFromUserData();
    QVERIFY(m_server.start());
}

void TestIngestEndToEnd::init() {
    m_db = std::make_unique<test::TempDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void TestIngestEndToEnd::importThenRefreshIsConditional() {
    Route route = feedRoute(rss(u"Conditional"_s, {{u"c1"_s, u"One"_s, u"First body"_s, {}},
                                                   {u"c2"_s, u"Two"_s, u"Second body"_s, {}}}));
    route.etag = "\"v1\"";
    route.lastModified = "Sun, 09 May 2021 12:15:00 GMT";
    m_server.setRoute("/conditional.xml", route);

    const test::CtlResult imported = test::runCtl(database(), {u"import"_s, url("/conditional.xml")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(u"2 new"_s), qPrintable(imported.out));
    QCOMPARE(test::listArticles(database()).size(), 2);

    const qsizetype before = m_server.requests().size();
    const test::CtlResult refreshed = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(refreshed.exitCode, 0);
    QVERIFY2(refreshed.out.contains(u"not modified"_s), qPrintable(refreshed.out));
    QCOMPARE(m_server.requests().size(), before + 1);
    const LoopbackHttpServer::Request& request = m_server.requests().last();
    QCOMPARE(request.headers.value("if-none-match"), QByteArray("\"v1\""));
    QCOMPARE(request.headers.value("if-modified-since"), QByteArray("Sun, 09 May 2021 12:15:00 GMT"));
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 2);
}

void TestIngestEndToEnd::gzipAndRedirects() {
    Route route = feedRoute(rss(u"Zipped"_s, {{u"z1"_s, u"Zipped item"_s, QString(2000, u'z'), {}}}));
    route.gzipWhenAccepted = true;
    m_server.setRoute("/zipped.xml", route);
    m_server.setRedirect("/old", "/moved", 301);
    m_server.setRedirect("/moved", "/zipped.xml", 302);
    const int gzipped = m_server.gzipResponses();

    const test::CtlResult imported = test::runCtl(database(), {u"import"_s, url("/old")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(u"1 new"_s), qPrintable(imported.out + imported.err));
    QCOMPARE(m_server.gzipResponses(), gzipped + 1);
    const QJsonArray articles = test::listArticles(database());
    QCOMPARE(articles.size(), 1);
    QCOMPARE(articles[0][u"title"_s].toString(), u"Zipped item"_s);
}

void TestIngestEndToEnd::discoversFeedFromHtmlPage() {
    m_server.setRoute("/announced.xml",
                      feedRoute(rss(u"Announced"_s, {{u"a1"_s, u"Found by discovery"_s, u"Body"_s, {}}})));
    Route page;
    page.contentType = "text/html; charset=utf-8";
    page.body = "<!DOCTYPE html><html><head><title>Site</title>"
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/announced.xml\"></head>"
                "<body><p>Welcome</p></body></html>";
    m_server.setRoute("/home", page);

    const test::CtlResult imported = test::runCtl(database(), {u"import"_s, url("/home")});
    QCOMPARE(imported.exitCode, 0);
    QCOMPARE(test::listArticles(database())[0][u"title"_s].toString(), u"Found by discovery"_s);
    QSqlQuery feeds(m_db->db());
    QVERIFY(feeds.exec(u"SELECT url FROM feeds"_s) && feeds.next());
    QCOMPARE(feeds.value(0).toString(), url("/announced.xml")); // subscribed to the feed, not the page
}

void TestIngestEndToEnd::editedItemUpdatedInPlace() {
    const QList<Item> first = {{u"e1"_s, u"Stays"_s, u"Unchanged body"_s, u"Sun, 09 May 2021 12:00:00 GMT"_s},
                               {u"e2"_s, u"Edited"_s, u"Old wording"_s, u"Sun, 09 May 2021 13:00:00 GMT"_s},
                               {u"e3"_s, u"Third"_s, u"Body three"_s, u"Sun, 09 May 2021 14:00:00 GMT"_s}};
    m_server.setRoute("/edits.xml", feedRoute(rss(u"Edits"_s, first)));
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/edits.xml")}).exitCode, 0);
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 3);

    // The analyst's work on the article that will be edited.
    const qint64 id = count(u"SELECT id FROM articles WHERE guid = 'e2'"_s);
    QVERIFY(id > 0);
    QSqlQuery work(m_db->db());
    QVERIFY(work.exec(u"UPDATE articles SET read = 1, starred = 1 WHERE id = %1"_s.arg(id)));
    QVERIFY(work.exec(
        u"INSERT INTO highlights (article_id, color, quote, prefix, start, \"end\", created, updated) "
        u"VALUES (%1, 'yellow', 'wording', 'Old ', 4, 11, 0, 0)"_s.arg(id)));
    QVERIFY(work.exec(
        u"INSERT INTO notes (article_id, body, created, updated) VALUES (%1, 'keep me', 0, 0)"_s.arg(id)));

    // Re-fetching the same feed stores nothing new.
    const test::CtlResult same = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(same.exitCode, 0);
    QVERIFY2(same.out.contains(u"0 new, 0 updated, 3 unchanged"_s), qPrintable(same.out));

    QList<Item> second = first;
    second[1].body = u"After a correction, the wording is new"_s;
    m_server.setRoute("/edits.xml", feedRoute(rss(u"Edits"_s, second)));
    const test::CtlResult edited = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(edited.exitCode, 0);
    QVERIFY2(edited.out.contains(u"0 new, 1 updated, 2 unchanged"_s), qPrintable(edited.out));

    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 3);
    QCOMPARE(count(u"SELECT id FROM articles WHERE guid = 'e2'"_s), id);
    QCOMPARE(count(u"SELECT %1 + %2 FROM articles a WHERE id = %3"_s
                       .arg(test::markOf(m_db->isPostgres(), u"read"_s),
                            test::markOf(m_db->isPostgres(), u"starred"_s))
                       .arg(id)),
             2);
    QCOMPARE(count(u"SELECT count(*) FROM notes WHERE article_id = %1 AND body = 'keep me'"_s.arg(id)), 1);
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE article_id = %1"_s.arg(id)), 1);
    Result<Article> article = storage::loadArticle(m_db->db(), id);
    QVERIFY2(article, qPrintable(article.error()));
    QVERIFY(article->text.contains(u"correction"_s));
    // The highlight follows its passage into the new text.
    const qint64 wording = article->text.indexOf(u"wording"_s);
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE article_id = %1 AND start = %2 AND \"end\" = %3 "
                   u"AND orphaned = 0"_s.arg(id)
                       .arg(wording)
                       .arg(wording + 7)),
             1);
    // The search index follows the edit.
    // The search index holds the new text once (PostgreSQL's is a tsvector, storage/PostgresSearch.h).
    const QString matches =
        m_db->isPostgres() ? u"document @@ '%1'::tsquery"_s : u"article_search MATCH '%1'"_s;
    QCOMPARE(count(u"SELECT count(*) FROM article_search WHERE "_s + matches.arg(u"correction"_s)), 1);
    QCOMPARE(count(u"SELECT count(*) FROM article_search WHERE "_s + matches.arg(u"wording"_s)), 1);
}

void TestIngestEndToEnd::missingDateFallsBackToFirstSeen() {
    m_server.setRoute("/undated.xml",
                      feedRoute(rss(u"Undated"_s, {{u"u1"_s, u"No date"_s, u"First version"_s, {}}})));
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/undated.xml")}).exitCode, 0);
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    const qint64 firstSeen = count(u"SELECT sort_time FROM articles"_s);
    QVERIFY(firstSeen >= before && firstSeen <= after);
    QCOMPARE(count(u"SELECT fetched FROM articles"_s), firstSeen);

    QTest::qWait(1100); // a later second
    m_server.setRoute("/undated.xml",
                      feedRoute(rss(u"Undated"_s, {{u"u1"_s, u"No date"_s, u"Second version"_s, {}}})));
    const test::CtlResult refreshed = test::runCtl(database(), {u"refresh"_s});
    QVERIFY2(refreshed.out.contains(u"1 updated"_s), qPrintable(refreshed.out + refreshed.err));
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);
    QCOMPARE(count(u"SELECT sort_time FROM articles"_s), firstSeen);
    QCOMPARE(count(u"SELECT fetched FROM articles"_s), firstSeen);
    QCOMPARE(count(u"SELECT count(*) FROM articles WHERE published IS NULL"_s), 1);
}

void TestIngestEndToEnd::arabicEncodings_data() {
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("declared"); // in the XML declaration; empty: none
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("windows-1256, HTTP says ISO-8859-1")
        << QByteArray("windows-1256") << u"windows-1256"_s << QByteArray("text/xml; charset=ISO-8859-1");
    QTest::newRow("windows-1256, nothing declared")
        << QByteArray("windows-1256") << QString() << QByteArray("application/rss+xml");
    QTest::newRow("windows-1256, HTTP wrongly says UTF-8")
        << QByteArray("windows-1256") << u"windows-1256"_s << QByteArray("application/xml; charset=utf-8");
    QTest::newRow("ISO-8859-6, HTTP says nothing")
        << QByteArray("ISO-8859-6") << u"ISO-8859-6"_s << QByteArray("text/xml");
    QTest::newRow("ISO-8859-6, HTTP wrongly says UTF-8")
        << QByteArray("ISO-8859-6") << u"ISO-8859-6"_s << QByteArray("text/xml; charset=UTF-8");
}

void TestIngestEndToEnd::arabicEncodings() {
    QFETCH(QByteArray, encoding);
    QFETCH(QString, declared);
    QFETCH(QByteArray, contentType);
    const QString title = u"الكاظمي يستقبل وفدا من أربيل"_s;
    QString xml = rssText(u"شفق نيوز"_s, {{u"ar1"_s, title, u"رئيس الوزراء مصطفى الكاظمي"_s, {}}}, declared);
    if (declared.isEmpty())
        xml.replace(u" encoding=\"\""_s, QString());
    QStringEncoder encoder(encoding.constData());
    QVERIFY(encoder.isValid());
    Route route;
    route.body = encoder.encode(xml);
    QVERIFY(!encoder.hasError());
    route.contentType = contentType;
    m_server.setRoute("/arabic.xml", route);

    const test::CtlResult imported = test::runCtl(database(), {u"import"_s, url("/arabic.xml")});
    QCOMPARE(imported.exitCode, 0);
    const QJsonArray articles = test::listArticles(database());
    QCOMPARE(articles.size(), 1);
    QCOMPARE(articles[0][u"title"_s].toString(), title);
    QCOMPARE(articles[0][u"feed"_s].toString(), u"شفق نيوز"_s);
    // The decoded text is tagged: the name is found in the body.
    bool kadhimi = false;
    for (const QJsonValue& entity : articles[0][u"entities"_s].toArray())
        kadhimi = kadhimi || entity[u"name"_s].toString().contains(u"Kadhimi"_s);
    QVERIFY(kadhimi);
}

void TestIngestEndToEnd::badInput_data() {
    QTest::addColumn<Route>("bad");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expected"); // part of the error sentence

    auto fixture = [](const char* name) {
        Route route;
        route.body = test::readFile(test::dataPath(u"feeds/"_s + QLatin1String(name)));
        return route;
    };
    QTest::newRow("broken XML") << fixture("broken.xml") << QStringList() << u"not well-formed"_s;
    Route page;
    page.contentType = "text/html";
    page.body = "<!DOCTYPE html><html><head><title>No feed</title></head><body><p>Hi</p></body></html>";
    QTest::newRow("HTML page") << page << QStringList() << u"HTML page"_s;
    QTest::newRow("billion laughs") << fixture("billion-laughs.xml") << QStringList() << u"entit"_s;
    QTest::newRow("external entity") << fixture("external-entity.xml") << QStringList() << u"entit"_s;
    Route missing;
    missing.status = 404;
    missing.body = "gone";
    QTest::newRow("404") << missing << QStringList() << u"404"_s;
    Route broken;
    broken.status = 500;
    broken.body = "oops";
    QTest::newRow("500") << broken << QStringList() << u"500"_s;
    Route never;
    never.mode = Route::Mode::NeverFinish;
    never.body = rss(u"Never"_s, {});
    QTest::newRow("never finishes") << never << QStringList{u"--timeout"_s, u"1"_s} << u"nothing arrived"_s;
    Route endless;
    endless.mode = Route::Mode::Endless;
    QTest::newRow("endless body") << endless << QStringList{u"--max-size"_s, u"1"_s} << u"limit"_s;
}

void TestIngestEndToEnd::badInput() {
    QFETCH(Route, bad);
    QFETCH(QStringList, options);
    QFETCH(QString, expected);
    // Two good feeds; one of them later turns bad, the other gets a new item.
    const QList<Item> goodItems = {{u"g1"_s, u"Good one"_s, u"Body"_s, u"Sun, 09 May 2021 12:00:00 GMT"_s}};
    m_server.setRoute("/good.xml", feedRoute(rss(u"Good"_s, goodItems)));
    m_server.setRoute("/turns-bad.xml",
                      feedRoute(rss(u"Turns bad"_s, {{u"b1"_s, u"Stored before"_s, u"Kept"_s, {}},
                                                     {u"b2"_s, u"Also before"_s, u"Kept too"_s, {}}})));
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/good.xml"), url("/turns-bad.xml")}).exitCode, 0);
    const QJsonArray before = test::listArticles(database());
    QCOMPARE(before.size(), 3);
    const qint64 searchRows = count(u"SELECT count(*) FROM article_search"_s);

    m_server.setRoute("/turns-bad.xml", bad);
    m_server.setRoute(
        "/good.xml",
        feedRoute(rss(u"Good"_s, goodItems + QList<Item>{{u"g2"_s, u"Good two"_s, u"More"_s,
                                                          u"Sun, 09 May 2021 13:00:00 GMT"_s}})));
    const test::CtlResult refreshed = test::runCtl(database(), QStringList{u"refresh"_s} + options);
    QCOMPARE(refreshed.exitCode, 1);
    QVERIFY2(refreshed.err.contains(url("/turns-bad.xml")) || refreshed.err.contains(u"Turns bad"_s),
             qPrintable(refreshed.err));
    QVERIFY2(refreshed.err.contains(expected, Qt::CaseInsensitive), qPrintable(refreshed.err));
    QVERIFY2(refreshed.out.contains(u"Good: 1 new"_s),
             qPrintable(refreshed.out)); // the other feed carried on

    const QJsonArray after = test::listArticles(database());
    QCOMPARE(after.size(), 4);
    QCOMPARE(articlesOf(after, u"Turns bad"_s), articlesOf(before, u"Turns bad"_s));
    QCOMPARE(count(u"SELECT count(*) FROM article_search"_s), searchRows + 1);
    // The error is kept with the feed for the GUI, and the next refresh carries on.
    QVERIFY(count(u"SELECT count(*) FROM feeds WHERE last_error != ''"_s) == 1);
    m_server.setRoute("/turns-bad.xml",
                      feedRoute(rss(u"Turns bad"_s, {{u"b1"_s, u"Stored before"_s, u"Kept"_s, {}},
                                                     {u"b3"_s, u"Recovered"_s, u"Back"_s, {}}})));
    const test::CtlResult recovered = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(recovered.exitCode, 0);
    QCOMPARE(test::listArticles(database()).size(), 5);
    QCOMPARE(count(u"SELECT count(*) FROM feeds WHERE last_error != ''"_s), 0);
}

void TestIngestEndToEnd::badNewSubscriptionIsNotKept() {
    m_server.setRoute("/fine.xml", feedRoute(rss(u"Fine"_s, {{u"f1"_s, u"Fine item"_s, u"Body"_s, {}}})));
    Route broken;
    broken.body = test::readFile(test::dataPath(u"feeds/broken.xml"_s));
    m_server.setRoute("/broken-new.xml", broken);
    const test::CtlResult imported =
        test::runCtl(database(), {u"import"_s, url("/broken-new.xml"), url("/fine.xml")});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains(url("/broken-new.xml")), qPrintable(imported.err));
    QCOMPARE(count(u"SELECT count(*) FROM feeds"_s), 1);
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);
}

// A 301 (or 308) moves the subscription: the next refresh goes straight to the new address,
// still conditional.
void TestIngestEndToEnd::permanentMoveUpdatesTheAddress() {
    Route route = feedRoute(rss(u"Moved"_s, {{u"m1"_s, u"Moved item"_s, u"Body"_s, {}}}));
    route.etag = "\"m1\"";
    m_server.setRoute("/moved-here.xml", route);
    m_server.setRedirect("/was-here.xml", "/moved-here.xml", 301);

    const test::CtlResult imported = test::runCtl(database(), {u"import"_s, url("/was-here.xml")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(
        imported.out.contains(u"%1 moved permanently to %2; the subscription now uses the new address."_s.arg(
            url("/was-here.xml"), url("/moved-here.xml"))),
        qPrintable(imported.out + imported.err));
    QVERIFY2(imported.out.contains(u"1 new"_s), qPrintable(imported.out));
    QCOMPARE(feedUrls(), QStringList{url("/moved-here.xml")});

    const qsizetype before = m_server.requests().size();
    const test::CtlResult refreshed = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(refreshed.exitCode, 0);
    QVERIFY2(refreshed.out.contains(u"not modified"_s), qPrintable(refreshed.out + refreshed.err));
    QCOMPARE(m_server.requests().size(), before + 1); // no detour through the old address
    QCOMPARE(m_server.requests().last().path, QByteArray("/moved-here.xml"));
    QCOMPARE(m_server.requests().last().headers.value("if-none-match"), QByteArray("\"m1\""));
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);

    // Importing the old address again is that feed: nothing stored twice.
    const test::CtlResult again = test::runCtl(database(), {u"import"_s, url("/was-here.xml")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(u"which is already subscribed as «Moved»"_s),
             qPrintable(again.out + again.err));
    QCOMPARE(feedUrls(), QStringList{url("/moved-here.xml")});
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);
}

void TestIngestEndToEnd::temporaryRedirectKeepsTheAddress() {
    m_server.setRoute("/today.xml", feedRoute(rss(u"Today"_s, {{u"t1"_s, u"Today item"_s, u"Body"_s, {}}})));
    m_server.setRedirect("/stable-302.xml", "/today.xml", 302);
    m_server.setRedirect("/stable-307.xml", "/today.xml", 307);
    const test::CtlResult imported =
        test::runCtl(database(), {u"import"_s, url("/stable-302.xml"), url("/stable-307.xml")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(!imported.out.contains(u"moved"_s), qPrintable(imported.out));
    QCOMPARE(feedUrls(), (QStringList{url("/stable-302.xml"), url("/stable-307.xml")}));
}

void TestIngestEndToEnd::chainStopsAtTheFirstTemporaryHop() {
    m_server.setRoute("/chain-end.xml",
                      feedRoute(rss(u"Chain"_s, {{u"k1"_s, u"Chain item"_s, u"Body"_s, {}}})));
    m_server.setRedirect("/chain-1", "/chain-2", 301);
    m_server.setRedirect("/chain-2", "/chain-3", 302);
    m_server.setRedirect("/chain-3", "/chain-end.xml", 308);
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/chain-1")}).exitCode, 0);
    QCOMPARE(feedUrls(), QStringList{url("/chain-2")});
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);
}

// The tester's case: an address answering 301 to one subscribed already stored nothing twice.
void TestIngestEndToEnd::movedToAFeedSubscribedAlready() {
    m_server.setRoute("/wire-b.xml", feedRoute(rss(u"Wire B"_s, {{u"b1"_s, u"B one"_s, u"Body"_s, {}},
                                                                 {u"b2"_s, u"B two"_s, u"Body"_s, {}}})));
    m_server.setRedirect("/old-wire-b.xml", "/wire-b.xml", 301);
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/wire-b.xml")}).exitCode, 0);
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 2);

    const test::CtlResult again = test::runCtl(database(), {u"import"_s, url("/old-wire-b.xml")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(u"%1 moved to %2, which is already subscribed as «Wire B»."_s.arg(
                 url("/old-wire-b.xml"), url("/wire-b.xml"))),
             qPrintable(again.out + again.err));
    QCOMPARE(feedUrls(), QStringList{url("/wire-b.xml")});
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 2);
}

// An OPML file subscribes first and fetches later: the first refresh finds the duplicate, which
// holds nothing yet, and removes it.
void TestIngestEndToEnd::opmlAddressMovedToAFeedSubscribedAlready() {
    m_server.setRoute("/wire-c.xml", feedRoute(rss(u"Wire C"_s, {{u"c1"_s, u"C one"_s, u"Body"_s, {}}})));
    m_server.setRedirect("/old-wire-c.xml", "/wire-c.xml", 308);
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/wire-c.xml")}).exitCode, 0);
    QTemporaryDir dir;
    const QString opml = dir.filePath(u"subscriptions.opml"_s);
    QFile file(opml);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        u"<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Old list</title></head><body>"
        u"<outline text=\"Old C\" type=\"rss\" xmlUrl=\"%1\"/></body></opml>"_s.arg(url("/old-wire-c.xml"))
            .toUtf8());
    file.close();
    QCOMPARE(test::runCtl(database(), {u"import"_s, opml}).exitCode, 0);
    QCOMPARE(feedUrls().size(), 2); // not fetched yet

    const test::CtlResult refreshed = test::runCtl(database(), {u"refresh"_s});
    QCOMPARE(refreshed.exitCode, 0);
    QVERIFY2(refreshed.out.contains(u"%1 moved to %2, which is already subscribed as «Wire C»."_s.arg(
                 url("/old-wire-c.xml"), url("/wire-c.xml"))),
             qPrintable(refreshed.out + refreshed.err));
    QCOMPARE(feedUrls(), QStringList{url("/wire-c.xml")});
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 1);
}

// Feed A, with articles of its own, starts redirecting for good to feed B's address: merging
// would mix two histories and removing either could lose notes, so both stay as they are, A is
// not refreshed, and its error says why until the user unsubscribes from one.
void TestIngestEndToEnd::refreshMovingOntoAnotherFeedKeepsBoth() {
    m_server.setRoute("/desk-a.xml", feedRoute(rss(u"Desk A"_s, {{u"a1"_s, u"A one"_s, u"Body"_s, {}}})));
    m_server.setRoute("/desk-b.xml", feedRoute(rss(u"Desk B"_s, {{u"b1"_s, u"B one"_s, u"Body"_s, {}},
                                                                 {u"b2"_s, u"B two"_s, u"Body"_s, {}}})));
    QCOMPARE(test::runCtl(database(), {u"import"_s, url("/desk-a.xml"), url("/desk-b.xml")}).exitCode, 0);
    QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 3);

    m_server.setRedirect("/desk-a.xml", "/desk-b.xml", 301);
    for (int round = 0; round < 2; ++round) {
        const test::CtlResult refreshed = test::runCtl(database(), {u"refresh"_s});
        QCOMPARE(refreshed.exitCode, 1);
        const QString clash =
            u"%1 moved to %2, which is already subscribed as «Desk B»; both subscriptions are "
            u"kept and this one was not refreshed: unsubscribe from the one you no longer want."_s.arg(
                url("/desk-a.xml"), url("/desk-b.xml"));
        QVERIFY2(refreshed.err.contains(clash), qPrintable(refreshed.err));
        QCOMPARE(feedUrls(), (QStringList{url("/desk-a.xml"), url("/desk-b.xml")}));
        QCOMPARE(count(u"SELECT count(*) FROM articles"_s), 3);
        QCOMPARE(count(u"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id "
                       u"WHERE f.url LIKE '%desk-a.xml'"_s),
                 1);
        QSqlQuery error(m_db->db());
        QVERIFY(error.exec(u"SELECT last_error FROM feeds WHERE url LIKE '%desk-a.xml'"_s) && error.next());
        QCOMPARE(error.value(0).toString(), clash);
    }
}

QTEST_GUILESS_MAIN(TestIngestEndToEnd)
#include "tst_ingestendtoend.moc"
