// The feed list's unread and total counts come from an index, never from the article rows: on a
// large archive those rows are the whole file, and the feed list is painted before anything else.

#include "TestSupport.h"
#include "storage/FeedQueries.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestFeedCounts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void countsUseACoveringIndex() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        Result<QStringList> plan = storage::explainListFeeds(temp.db());
        QVERIFY2(plan, qPrintable(plan.error()));
        // Both correlated counts search the index alone; no step reads the articles table itself.
        int covering = 0;
        for (const QString& step : std::as_const(*plan)) {
            if (step.contains(u"SEARCH a"_s)) {
                QVERIFY2(step.contains(u"USING COVERING INDEX"_s), qPrintable(plan->join(u'\n')));
                ++covering;
            }
            QVERIFY2(!step.startsWith(u"SCAN a"_s), qPrintable(plan->join(u'\n')));
        }
        QCOMPARE(covering, 2);
    }

    void countsFollowTheReadState() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        Result<qint64> alpha = storage::addFeed(temp.db(), u"https://alpha.example/feed"_s, {});
        Result<qint64> beta = storage::addFeed(temp.db(), u"https://beta.example/feed"_s, {});
        QVERIFY(alpha && beta);
        QSqlQuery insert(temp.db());
        insert.prepare(
            u"INSERT INTO articles (feed_id, dedupe_key, title, fetched, sort_time, content_hash, read) "
            "VALUES (?, ?, 't', 0, 0, 'h', ?)"_s);
        int key = 0;
        for (const auto& [feed, read] :
             {std::pair{*alpha, 0}, std::pair{*alpha, 1}, std::pair{*alpha, 0}, std::pair{*beta, 1}}) {
            insert.addBindValue(feed);
            insert.addBindValue(QString::number(key++));
            insert.addBindValue(read);
            QVERIFY(insert.exec());
        }
        Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(temp.db());
        QVERIFY2(feeds, qPrintable(feeds.error()));
        QHash<qint64, std::pair<int, int>> counts;
        for (const storage::FeedInfo& feed : std::as_const(*feeds))
            counts.insert(feed.id, {feed.unread, feed.total});
        QCOMPARE(counts.value(*alpha), std::pair(2, 3));
        QCOMPARE(counts.value(*beta), std::pair(0, 1));
    }
};

QTEST_GUILESS_MAIN(TestFeedCounts)
#include "tst_feedcounts.moc"
