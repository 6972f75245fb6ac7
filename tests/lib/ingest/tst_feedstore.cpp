// Storing a feed: it is parsed on its own thread, its items are prepared in chunks on the
// thread pool a few chunks ahead of the writer, all written in the feed's one transaction.
// Large feeds, a failure in a late chunk, a feed broken or read again after much of it was
// stored, and a feed that repeats an item.

#include "AnalystState.h"
#include "TestSupport.h"
#include "articles/ContentHash.h"
#include "feeds/FeedParser.h"
#include "ingest/FeedImport.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "tagging/Tagger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

// An RSS feed of `count` items; every third names Erbil, and item `edited` (if any) comes twice
// with the same guid, the second time with another body.
QByteArray rss(int count, int edited = -1) {
    QString xml = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                  "<title>Chunks</title><link>https://site.example/</link>"_s;
    auto item = [&](int i, const QString& body) {
        xml += u"<item><guid>item-%1</guid><title>Item %1</title><pubDate>Mon, 01 Jan 2024 %2:%3:00 "
               "+0000</pubDate><description><![CDATA[<p>%4</p>]]></description></item>"_s.arg(i)
                   .arg(i / 60 % 24, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(body);
    };
    for (int i = 0; i < count; ++i) {
        item(i, i % 3 == 0 ? u"Talks in Erbil on item %1."_s.arg(i) : u"Budget talks, item %1."_s.arg(i));
        if (i == edited)
            item(i, u"Talks moved from Erbil to Duhok."_s);
    }
    return (xml + u"</channel></rss>"_s).toUtf8();
}

} // namespace

class TestFeedStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void largeFeedStoresEveryChunk() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        QVERIFY(job.tagger);
        Result<ingest::FeedStoreReport> stored =
            ingest::importFeedBody(temp.db(), rss(700), {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(stored->inserted, 700);
        QCOMPARE(temp.count(u"articles"_s), 700);
        // 234 of the 700 name Erbil: the index and its count agree, across chunk boundaries.
        QCOMPARE(temp.count(u"article_entities WHERE entity_id = 'erbil'"_s), 234);
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'erbil' AND articles = 234"_s), 1);
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"SELECT id FROM articles WHERE title = 'Item 699'"_s) && query.next());
        Result<Article> last = storage::loadArticle(temp.db(), query.value(0).toLongLong());
        QVERIFY2(last, qPrintable(last.error()));
        QCOMPARE(last->mentions.size(), 1);
        QCOMPARE(last->mentions.first().surface, u"Erbil"_s);
        Result<storage::FeedInfo> feed = storage::feedById(temp.db(), job.feedId);
        QVERIFY(feed);
        QCOMPARE(feed->title, u"Chunks"_s);
    }

    void failureInALateChunkStoresNothing() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        QVERIFY(ingest::importFeedBody(temp.db(), rss(10), {}, QUrl(u"https://site.example/feed"_s), job));
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"UPDATE articles SET read = 1"_s));
        // The writer fails on an item of a late chunk, while the next one is being prepared.
        // (PostgreSQL has no temporary triggers: a trigger of the test's own database.)
        const QString refuse =
            temp.isPostgres()
                ? u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  "RAISE EXCEPTION 'disk full'; END $$; CREATE TRIGGER refuse BEFORE INSERT ON articles "
                  "FOR EACH ROW WHEN (NEW.title = 'Item 600') EXECUTE FUNCTION refuse()"_s
                : u"CREATE TEMP TRIGGER refuse BEFORE INSERT ON articles "
                  "WHEN NEW.title = 'Item 600' BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s;
        QVERIFY2(query.exec(refuse), qPrintable(query.lastError().text()));
        Result<ingest::FeedStoreReport> stored =
            ingest::importFeedBody(temp.db(), rss(800), {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY(!stored);
        QVERIFY2(stored.error().contains(u"disk full"_s), qPrintable(stored.error()));
        QCOMPARE(temp.count(u"articles"_s), 10);
        QCOMPARE(temp.count(u"articles a WHERE %1 = 1"_s.arg(test::markOf(temp.isPostgres(), u"read"_s))),
                 10);
        QCOMPARE(temp.count(u"article_entities"_s), 4); // items 0, 3, 6, 9
        if (!temp.isPostgres()) {
            QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
            QCOMPARE(query.value(0).toString(), u"ok"_s);
        }
    }

    // The reader meets &nbsp; (undeclared in XML) long after the first chunks were written: the
    // document is read again with the entity made numeric, and every item is stored once.
    void undeclaredEntityLateInTheFeedIsReadAgain() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        QByteArray body = rss(500);
        body.replace("<title>Item 450</title>", "<title>Item&nbsp;450</title>");
        Result<ingest::FeedStoreReport> stored =
            ingest::importFeedBody(temp.db(), body, {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(stored->inserted, 500);
        QCOMPARE(stored->updated, 0);
        QCOMPARE(stored->unchanged, 0); // the first reading's 450 were rolled back, not kept
        QCOMPARE(stored->feedTitle, u"Chunks"_s);
        QCOMPARE(temp.count(u"articles"_s), 500);
        QCOMPARE(temp.count(u"articles WHERE title = 'Item 450'"_s), 1); // simplified: U+00A0 is a space
        QCOMPARE(temp.count(u"article_entities WHERE entity_id = 'erbil'"_s), 167);
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'erbil' AND articles = 167"_s), 1);
    }

    // Broken XML after hundreds of good items: the chunks already written are rolled back, and
    // the error says where the feed broke.
    void feedBrokenLateStoresNothing() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        QVERIFY(ingest::importFeedBody(temp.db(), rss(10), {}, QUrl(u"https://site.example/feed"_s), job));
        QByteArray body = rss(800);
        body.replace("<title>Item 700</title>", "<title>Item 700</titel>");
        Result<ingest::FeedStoreReport> stored =
            ingest::importFeedBody(temp.db(), body, {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY(!stored);
        QVERIFY2(stored.error().contains(u"not well-formed XML (line"_s), qPrintable(stored.error()));
        QCOMPARE(temp.count(u"articles"_s), 10);
        QCOMPARE(temp.count(u"article_entities"_s), 4);
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'erbil' AND articles = 4"_s), 1);
    }

    // A feed that carries one item twice stores it once, as its last version, indexed once.
    // Item 255's first version names Erbil, whose count is still being summed in memory when
    // the second version takes the first one's index rows away.
    void repeatedItemIsStoredOnce_data() {
        QTest::addColumn<int>("edited");
        QTest::addColumn<int>("erbilArticles");
        QTest::newRow("first version names nobody") << 256 << 101;
        QTest::newRow("first version names Erbil") << 255 << 100;
    }
    void repeatedItemIsStoredOnce() {
        QFETCH(int, edited);
        QFETCH(int, erbilArticles);
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        Result<ingest::FeedStoreReport> stored = ingest::importFeedBody(
            temp.db(), rss(300, edited), {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(stored->inserted, 300);
        QCOMPARE(stored->updated, 1);
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"SELECT id FROM articles WHERE title = 'Item %1'"_s.arg(edited)) && query.next());
        const qint64 id = query.value(0).toLongLong();
        QCOMPARE(storage::loadArticle(temp.db(), id)->text, u"Talks moved from Erbil to Duhok."_s);
        QCOMPARE(temp.count(u"article_entities WHERE article_id = %1"_s.arg(id)), 2);
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'duhok' AND articles = 1"_s), 1);
        QCOMPARE(temp.count(u"article_entities WHERE entity_id = 'erbil'"_s), erbilArticles);
        QCOMPARE(
            temp.count(u"entity_counts WHERE entity_id = 'erbil' AND articles = %1"_s.arg(erbilArticles)), 1);
    }

    // Index rows go in several per statement, counted as new. Where the index already held one
    // (it disagreed with the articles), the count is taken from the table instead.
    void countsFollowTheIndexWhenARowExisted() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        QSqlQuery query(temp.db());
        // Item 0 (2024-01-01 00:00 UTC) will be article 1 and names Erbil: its row is there already.
        QVERIFY(query.exec(u"INSERT INTO article_entities VALUES ('erbil', 1704067200, 1)"_s));
        QVERIFY(
            query.exec(u"INSERT INTO entity_counts (entity_id, articles, unread) VALUES ('erbil', 1, 1)"_s));
        Result<ingest::FeedStoreReport> stored =
            ingest::importFeedBody(temp.db(), rss(10), {}, QUrl(u"https://site.example/feed"_s), job);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(temp.count(u"article_entities WHERE entity_id = 'erbil'"_s), 4); // items 0, 3, 6, 9
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'erbil' AND articles = 4"_s), 1);
        QCOMPARE(temp.count(u"region_counts r WHERE articles <> (SELECT count(*) FROM article_regions "
                            "WHERE region_id = r.region_id)"_s),
                 0);
        // Recounted, the unread count is that of the index rows' articles (all new, all unread).
        QCOMPARE(temp.count(u"entity_counts WHERE entity_id = 'erbil' AND unread = 4"_s), 1);
        QVERIFY(temp.count(u"article_regions"_s) > 0);
    }

    // Articles stored before the fingerprint changed carry a SHA-1 one: the same content seen
    // again is unchanged (and gets the new form), edited content is an edit.
    void legacyFingerprintsAreHonoured() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        const QUrl url(u"https://site.example/feed"_s);
        QVERIFY(ingest::importFeedBody(temp.db(), rss(5), {}, url, job));
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"SELECT id, title, author, tags, content_hash FROM articles"_s));
        QList<std::pair<qint64, QByteArray>> legacy;
        while (query.next()) {
            QVERIFY(query.value(4).toString().startsWith(u"x3:"_s));
            QCOMPARE(query.value(4).toString().size(), 35);
            Result<Article> article = storage::loadArticle(temp.db(), query.value(0).toLongLong());
            QVERIFY2(article, qPrintable(article.error()));
            const QByteArray parts[] = {query.value(1).toString().toUtf8(),
                                        query.value(2).toString().toUtf8(), article->html.toUtf8(),
                                        article->text.toUtf8(), query.value(3).toString().toUtf8()};
            legacy.append({query.value(0).toLongLong(),
                           legacyContentHash({parts[0], parts[1], parts[2], parts[3], parts[4]})});
        }
        QCOMPARE(legacy.size(), 5);
        for (const auto& [id, hash] : legacy) {
            QVERIFY(isLegacyContentHash(hash));
            QVERIFY(query.exec(u"UPDATE articles SET content_hash = '%1' WHERE id = %2"_s.arg(
                QString::fromLatin1(hash), QString::number(id))));
        }
        // Item 2 comes back edited, the other four as they were.
        QByteArray edited = rss(5);
        edited.replace("Budget talks, item 2.", "Budget talks moved, item 2.");
        Result<ingest::FeedStoreReport> again = ingest::importFeedBody(temp.db(), edited, {}, url, job);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->unchanged, 4);
        QCOMPARE(again->updated, 1);
        QCOMPARE(temp.count(u"articles WHERE content_hash LIKE 'x3:%'"_s), 5);
        // Once upgraded, the same feed again changes nothing.
        again = ingest::importFeedBody(temp.db(), edited, {}, url, job);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->unchanged, 5);
    }

private:
    // A feed that does not allow remote content keeps its images out of the stored html, but the
    // article still knows them, so that the reader can offer to load them.
    void remoteImagesAreKeptWithTheArticle_data() {
        QTest::addColumn<bool>("allowed");
        QTest::newRow("blocked") << false;
        QTest::newRow("allowed") << true;
    }
    void remoteImagesAreKeptWithTheArticle() {
        QFETCH(bool, allowed);
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        ingest::FeedStoreJob job = jobFor(temp.db());
        job.allowRemoteContent = allowed;
        const QByteArray feed =
            "<rss version=\"2.0\"><channel><title>Images</title><item><guid>1</guid><title>Sinjar</title>"
            "<description><![CDATA[<p>Sinjar.</p><img src=\"/sinjar.jpg\"><img "
            "src=\"data:image/png;base64,AA\">"
            "<img src=\"https://cdn.example/pixel.gif\"><img src=\"/sinjar.jpg\">]]></description></item>"
            "</channel></rss>";
        QVERIFY(ingest::importFeedBody(temp.db(), feed, {}, QUrl(u"https://site.example/feed"_s), job));
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(u"SELECT id FROM articles"_s) && query.next());
        Result<Article> article = storage::loadArticle(temp.db(), query.value(0).toLongLong());
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->remoteImages,
                 (QStringList{u"https://site.example/sinjar.jpg"_s, u"https://cdn.example/pixel.gif"_s}));
        QCOMPARE(article->html.contains(u"<img"_s), allowed);
    }

    static ingest::FeedStoreJob jobFor(QSqlDatabase& db) {
        ingest::FeedStoreJob job;
        Result<qint64> feed = storage::addFeed(db, u"https://site.example/feed"_s, {});
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
        if (feed && tagger) {
            job.feedId = *feed;
            job.tagger = *tagger;
        }
        return job;
    }
};

QTEST_GUILESS_MAIN(TestFeedStore)
#include "tst_feedstore.moc"
