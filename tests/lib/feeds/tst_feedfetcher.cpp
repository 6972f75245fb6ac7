#include "LoopbackHttpServer.h"
#include "feeds/FeedFetcher.h"
#include "feeds/FeedParser.h"
#include "feeds/FetchQueue.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad::feeds;
using Route = LoopbackHttpServer::Route;

namespace {
const QByteArray feedBody = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback</title>"
                            "<item><title>One</title><link>http://x.example/1</link></item></channel></rss>";

FetchResult fetch(const QUrl& url, const FetchOptions& options = {}, const QString& etag = {},
                  const QString& lastModified = {}) {
    return fetchBlocking({url, etag, lastModified, 7}, options);
}
} // namespace

class TestFeedFetcher : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fetchesWithHeaders();
    void conditionalGet();
    void gzipIsNegotiatedAndDecoded();
    void followsRedirects();
    void redirectLoopIsBounded();
    void permanentRedirects_data();
    void permanentRedirects();
    void conditionalGetAcrossRedirects();
    void refusedRedirects();
    void httpErrors_data();
    void httpErrors();
    void inactivityTimeout();
    void responseThatNeverFinishes();
    void endlessBodyHitsSizeCap();
    void announcedSizeOverCap();
    void tricklingBodyHitsDeadline();
    void wrongCharsetHeader();
    void refusesOtherSchemes();
    void refusedConnection();
    void queueLimitsConcurrency();
    void queueAbortAll();

private:
    LoopbackHttpServer m_server;
};

void TestFeedFetcher::initTestCase() {
    QVERIFY(m_server.start());
    Route feed;
    feed.body = feedBody;
    feed.etag = "\"v1\"";
    feed.lastModified = "Sun, 09 May 2021 12:15:00 GMT";
    m_server.setRoute("/feed.xml", feed);
    Route onlyDate;
    onlyDate.body = feedBody;
    onlyDate.lastModified = "Sun, 09 May 2021 12:15:00 GMT";
    m_server.setRoute("/dated.xml", onlyDate);
    Route gz;
    gz.body = feedBody.repeated(200);
    gz.gzipWhenAccepted = true;
    m_server.setRoute("/gzip.xml", gz);
    m_server.setRedirect("/r1", "/r2", 301);
    m_server.setRedirect("/r2", "/feed.xml");
    m_server.setRedirect("/loop-a", "/loop-b");
    m_server.setRedirect("/loop-b", "/loop-a");
    m_server.setRedirect("/p301", "/feed.xml", 301);
    m_server.setRedirect("/p308", "/feed.xml", 308);
    m_server.setRedirect("/t302", "/feed.xml", 302);
    m_server.setRedirect("/t303", "/feed.xml", 303);
    m_server.setRedirect("/t307", "/feed.xml", 307);
    m_server.setRedirect("/c1", "/c2", 301); // 301 -> 302 -> 301 -> feed
    m_server.setRedirect("/c2", "/c3", 302);
    m_server.setRedirect("/c3", "/feed.xml", 301);
    m_server.setRedirect("/d1", "/d2", 308); // 308 -> 301 -> feed
    m_server.setRedirect("/d2", "/feed.xml", 301);
    m_server.setRedirect("/e1", "/e2", 307); // 307 -> 301 -> feed
    m_server.setRedirect("/e2", "/feed.xml", 301);
    m_server.setRedirect("/to-ftp", "ftp://127.0.0.1/feed.xml", 301);
    m_server.setRedirect("/absolute", m_server.url(u"/feed.xml"_s).toEncoded(), 301);
    Route notFound;
    notFound.status = 404;
    notFound.body = "gone";
    m_server.setRoute("/404", notFound);
    Route serverError = notFound;
    serverError.status = 500;
    m_server.setRoute("/500", serverError);
    Route slow;
    slow.body = feedBody;
    slow.delayMs = 3000;
    m_server.setRoute("/slow", slow);
    Route stuck;
    stuck.body = feedBody;
    stuck.mode = Route::Mode::NeverFinish;
    m_server.setRoute("/stuck", stuck);
    Route endless;
    endless.mode = Route::Mode::Endless;
    m_server.setRoute("/endless", endless);
    Route trickle;
    trickle.mode = Route::Mode::Trickle;
    m_server.setRoute("/trickle", trickle);
    Route big;
    big.body = "x";
    big.announcedLength = 10 * 1024 * 1024;
    m_server.setRoute("/big", big);
    Route wrongCharset;
    wrongCharset.body =
        QStringEncoder("windows-1256")
            .encode(u"<rss version=\"2.0\"><channel><title>أخبار أربيل</title></channel></rss>"_s);
    wrongCharset.contentType = "application/rss+xml; charset=utf-8";
    m_server.setRoute("/cp1256", wrongCharset);
    for (int i = 0; i < 8; ++i) {
        Route r = slow;
        r.delayMs = 150;
        m_server.setRoute("/q" + QByteArray::number(i), r);
    }
}

void TestFeedFetcher::fetchesWithHeaders() {
    const FetchResult result = fetch(m_server.url(u"/feed.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.feedId, 7);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, feedBody);
    QCOMPARE(result.contentType, u"application/rss+xml; charset=utf-8"_s);
    QCOMPARE(result.etag, u"\"v1\""_s);
    QCOMPARE(result.lastModified, u"Sun, 09 May 2021 12:15:00 GMT"_s);
    QCOMPARE(result.finalUrl, m_server.url(u"/feed.xml"_s));
    const auto& request = m_server.requests().last();
    QCOMPARE(request.headers.value("user-agent"), QByteArray("Mirsad/" MIRSAD_VERSION));
    QVERIFY(request.headers.value("accept-encoding").contains("gzip"));
    QVERIFY(!request.headers.contains("if-none-match"));
}

void TestFeedFetcher::conditionalGet() {
    const FetchResult first = fetch(m_server.url(u"/feed.xml"_s));
    QVERIFY(first.ok());
    const FetchResult second = fetch(m_server.url(u"/feed.xml"_s), {}, first.etag, first.lastModified);
    QCOMPARE(second.status, FetchStatus::NotModified);
    QCOMPARE(second.httpStatus, 304);
    QVERIFY(second.body.isEmpty());
    QCOMPARE(second.etag, first.etag);
    QCOMPARE(m_server.requests().last().headers.value("if-none-match"), QByteArray("\"v1\""));
    const FetchResult stale = fetch(m_server.url(u"/feed.xml"_s), {}, u"\"v0\""_s);
    QVERIFY(stale.ok());
    QCOMPARE(stale.etag, u"\"v1\""_s);
    const FetchResult byDate =
        fetch(m_server.url(u"/dated.xml"_s), {}, {}, u"Sun, 09 May 2021 12:15:00 GMT"_s);
    QCOMPARE(byDate.status, FetchStatus::NotModified);
    QCOMPARE(m_server.requests().last().headers.value("if-modified-since"),
             QByteArray("Sun, 09 May 2021 12:15:00 GMT"));
}

void TestFeedFetcher::gzipIsNegotiatedAndDecoded() {
    const int before = m_server.gzipResponses();
    const FetchResult result = fetch(m_server.url(u"/gzip.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server.gzipResponses(), before + 1);
    QCOMPARE(result.body, feedBody.repeated(200));
}

void TestFeedFetcher::followsRedirects() {
    const FetchResult result = fetch(m_server.url(u"/r1"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.finalUrl, m_server.url(u"/feed.xml"_s));
    QCOMPARE(result.requestedUrl, m_server.url(u"/r1"_s));
    QCOMPARE(result.body, feedBody);
    FetchOptions noRedirects;
    noRedirects.maxRedirects = 1;
    QVERIFY(!fetch(m_server.url(u"/r1"_s), noRedirects).ok());
}

void TestFeedFetcher::redirectLoopIsBounded() {
    const FetchResult result = fetch(m_server.url(u"/loop-a"_s));
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"redirected more than 5 times"_s), qPrintable(result.error));
    QVERIFY(result.error.contains(m_server.url(u"/loop-a"_s).toDisplayString()));
}

// Only permanent redirects from the start move the feed: the stored address becomes the last one
// reached through them, and the first temporary one stops it.
void TestFeedFetcher::permanentRedirects_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("permanent");
    QTest::addColumn<int>("requests");
    QTest::newRow("none") << u"/feed.xml"_s << u"/feed.xml"_s << 1;
    QTest::newRow("301") << u"/p301"_s << u"/feed.xml"_s << 2;
    QTest::newRow("308") << u"/p308"_s << u"/feed.xml"_s << 2;
    QTest::newRow("302") << u"/t302"_s << u"/t302"_s << 2;
    QTest::newRow("303") << u"/t303"_s << u"/t303"_s << 2;
    QTest::newRow("307") << u"/t307"_s << u"/t307"_s << 2;
    QTest::newRow("301 302 301") << u"/c1"_s << u"/c2"_s << 4;
    QTest::newRow("308 301") << u"/d1"_s << u"/feed.xml"_s << 3;
    QTest::newRow("307 301") << u"/e1"_s << u"/e1"_s << 3;
    QTest::newRow("301 302") << u"/r1"_s << u"/r2"_s << 3;
    QTest::newRow("absolute Location") << u"/absolute"_s << u"/feed.xml"_s << 2;
}

void TestFeedFetcher::permanentRedirects() {
    QFETCH(QString, path);
    QFETCH(QString, permanent);
    QFETCH(int, requests);
    const qsizetype before = m_server.requests().size();
    const FetchResult result = fetch(m_server.url(path));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.body, feedBody); // not the redirects' own pages
    QCOMPARE(result.finalUrl, m_server.url(u"/feed.xml"_s));
    QCOMPARE(result.permanentUrl, m_server.url(permanent));
    QCOMPARE(result.movedPermanently(), permanent != path);
    QCOMPARE(m_server.requests().size(), before + requests);
}

// The validators go with every hop: a feed that moved still answers 304 when unchanged.
void TestFeedFetcher::conditionalGetAcrossRedirects() {
    const FetchResult result = fetch(m_server.url(u"/p301"_s), {}, u"\"v1\""_s);
    QCOMPARE(result.status, FetchStatus::NotModified);
    QCOMPARE(result.httpStatus, 304);
    QCOMPARE(result.permanentUrl, m_server.url(u"/feed.xml"_s));
    QVERIFY(result.movedPermanently());
    QCOMPARE(m_server.requests().last().path, QByteArray("/feed.xml"));
    QCOMPARE(m_server.requests().last().headers.value("if-none-match"), QByteArray("\"v1\""));
}

void TestFeedFetcher::refusedRedirects() {
    const QUrl secure(u"https://news.example/feed"_s);
    QCOMPARE(refusedRedirect(secure, secure, QUrl(u"http://news.example/feed"_s)),
             u"Fetching https://news.example/feed failed: it redirected from https to plain http, which "
             u"Mirsad does not follow."_s);
    QCOMPARE(refusedRedirect(secure, QUrl(u"http://a.example/"_s), QUrl(u"https://b.example/"_s)), QString());
    QCOMPARE(refusedRedirect(secure, secure, QUrl(u"https://b.example/feed"_s)), QString());
    // Through the fetcher: a redirect to another scheme is refused with its sentence.
    const FetchResult ftp = fetch(m_server.url(u"/to-ftp"_s));
    QCOMPARE(ftp.status, FetchStatus::Error);
    QCOMPARE(ftp.error, u"Fetching %1 failed: it redirected to ftp://127.0.0.1/feed.xml, which is not an "
                        u"http or https address."_s.arg(m_server.url(u"/to-ftp"_s).toDisplayString()));
}

void TestFeedFetcher::httpErrors_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404") << u"/404"_s << u"the server answered 404 (Not Found)."_s;
    QTest::newRow("500") << u"/500"_s << u"the server answered 500 (Internal Server Error)."_s;
    QTest::newRow("unknown path") << u"/nothing-here"_s << u"answered 404"_s;
}

void TestFeedFetcher::httpErrors() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const FetchResult result = fetch(m_server.url(path));
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY(result.body.isEmpty());
    QVERIFY2(result.error.startsWith(u"Fetching "_s + m_server.url(path).toDisplayString()),
             qPrintable(result.error));
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

void TestFeedFetcher::inactivityTimeout() {
    FetchOptions options;
    options.timeoutMs = 500;
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetch(m_server.url(u"/slow"_s), options);
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"nothing arrived for 0.5 seconds"_s), qPrintable(result.error));
    QVERIFY(timer.elapsed() < 2500);
}

void TestFeedFetcher::responseThatNeverFinishes() {
    FetchOptions options;
    options.timeoutMs = 500;
    const FetchResult result = fetch(m_server.url(u"/stuck"_s), options);
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"nothing arrived"_s), qPrintable(result.error));
    QVERIFY(result.body.isEmpty());
}

void TestFeedFetcher::endlessBodyHitsSizeCap() {
    FetchOptions options;
    options.maxBytes = 1024 * 1024;
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetch(m_server.url(u"/endless"_s), options);
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"larger than the limit of 1048576 bytes"_s), qPrintable(result.error));
    QVERIFY(result.body.isEmpty());
    QVERIFY(timer.elapsed() < 10000);
}

void TestFeedFetcher::announcedSizeOverCap() {
    FetchOptions options;
    options.maxBytes = 1024 * 1024;
    const FetchResult result = fetch(m_server.url(u"/big"_s), options);
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"announced 10485760 bytes"_s), qPrintable(result.error));
}

void TestFeedFetcher::tricklingBodyHitsDeadline() {
    FetchOptions options;
    options.timeoutMs = 500;
    options.deadlineMs = 1200;
    const FetchResult result = fetch(m_server.url(u"/trickle"_s), options);
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"took longer than"_s), qPrintable(result.error));
}

void TestFeedFetcher::wrongCharsetHeader() {
    const FetchResult result = fetch(m_server.url(u"/cp1256"_s));
    QVERIFY(result.ok());
    const auto feed = parseFeed(result.body, result.contentType, result.finalUrl);
    QVERIFY2(feed.ok(), qPrintable(feed.error()));
    QCOMPARE(feed->title, u"أخبار أربيل"_s);
}

void TestFeedFetcher::refusesOtherSchemes() {
    QNetworkAccessManager network;
    FeedFetcher fetcher(&network);
    bool finished = false;
    connect(&fetcher, &FeedFetcher::finished, this, [&] { finished = true; });
    fetcher.start({QUrl(u"file:///etc/passwd"_s), {}, {}, 1});
    QVERIFY(!finished); // never from inside start()
    QTRY_VERIFY(finished);
    QVERIFY(fetcher.result().error.contains(u"is not an http or https address"_s));
}

void TestFeedFetcher::refusedConnection() {
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const FetchResult result = fetch(QUrl(u"http://127.0.0.1:%1/feed"_s.arg(port)));
    QCOMPARE(result.status, FetchStatus::Error);
    QVERIFY2(result.error.contains(u"refused"_s), qPrintable(result.error));
}

void TestFeedFetcher::queueLimitsConcurrency() {
    LoopbackHttpServer server; // fresh, so the connection count is this test's own
    QVERIFY(server.start());
    Route slow;
    slow.body = feedBody;
    slow.delayMs = 150;
    QList<FetchRequest> requests;
    for (int i = 0; i < 8; ++i) {
        server.setRoute("/q" + QByteArray::number(i), slow);
        requests.append({server.url(u"/q%1"_s.arg(i)), {}, {}, 100 + i});
    }
    FetchQueue queue;
    queue.setMaxConcurrent(3);
    QList<FetchResult> results;
    QList<std::pair<int, int>> overall;
    int started = 0, allFinished = 0;
    qint64 progressBytes = 0;
    connect(&queue, &FetchQueue::fetchStarted, this, [&] { ++started; });
    connect(&queue, &FetchQueue::fetchProgress, this, [&](qint64, const QUrl&, qint64 received, qint64) {
        progressBytes = std::max(progressBytes, received);
    });
    connect(&queue, &FetchQueue::fetchFinished, this, [&](const FetchResult& r) { results.append(r); });
    connect(&queue, &FetchQueue::overallProgress, this, [&](int done, int total) {
        overall.append({done, total});
    });
    connect(&queue, &FetchQueue::allFinished, this, [&] { ++allFinished; });
    queue.enqueue(requests);
    QCOMPARE(queue.runningCount(), 3);
    QCOMPARE(queue.waitingCount(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(allFinished, 1, 10000);
    QCOMPARE(started, 8);
    QCOMPARE(results.size(), 8);
    QVERIFY(std::all_of(results.begin(), results.end(), [](const FetchResult& r) { return r.ok(); }));
    QList<qint64> ids;
    for (const FetchResult& r : results)
        ids.append(r.feedId);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<qint64>{100, 101, 102, 103, 104, 105, 106, 107}));
    QCOMPARE(overall.last(), std::make_pair(8, 8));
    QCOMPARE(server.maxSimultaneousConnections(), 3);
    QCOMPARE(progressBytes, feedBody.size());
    QVERIFY(queue.isIdle());
}

void TestFeedFetcher::queueAbortAll() {
    FetchQueue queue;
    queue.setMaxConcurrent(2);
    QList<FetchResult> results;
    int allFinished = 0;
    connect(&queue, &FetchQueue::fetchFinished, this, [&](const FetchResult& r) { results.append(r); });
    connect(&queue, &FetchQueue::allFinished, this, [&] { ++allFinished; });
    for (int i = 0; i < 5; ++i)
        queue.enqueue({m_server.url(u"/slow"_s), {}, {}, i});
    queue.abortAll();
    QTRY_COMPARE(allFinished, 1);
    QCOMPARE(results.size(), 2);
    QVERIFY(results[0].error.contains(u"was cancelled"_s));
}

QTEST_GUILESS_MAIN(TestFeedFetcher)
#include "tst_feedfetcher.moc"
