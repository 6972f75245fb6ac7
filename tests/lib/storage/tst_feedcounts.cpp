// The feed list's unread and total counts are kept on the feed's row (migration 016), never counted
// from the articles: on a large archive that count read millions of index entries on the reader
// thread, ahead of the first article. These tests hold the counters to a recount after every kind
// of change an article goes through.

#include "AnalystState.h"
#include "TestSupport.h"
#include "articles/Article.h"
#include "storage/ArticleFilter.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/FeedQueries.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

using Counts = QMap<qint64, std::pair<qint64, qint64>>; // feed id -> (unread, total)

Counts listed(QSqlDatabase& db) {
    Counts counts;
    Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db);
    if (!feeds)
        qFatal("%s", qPrintable(feeds.error()));
    for (const storage::FeedInfo& feed : std::as_const(*feeds))
        counts.insert(feed.id, {feed.unread, feed.total});
    return counts;
}

Counts recounted(QSqlDatabase& db) {
    Counts counts;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT f.id, count(a.id) - coalesce(sum(%1), 0), count(a.id) "
                    "FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id"_s.arg(
                        test::markOf(storage::isPostgres(db), u"read"_s))))
        qFatal("%s", qPrintable(query.lastError().text()));
    while (query.next())
        counts.insert(query.value(0).toLongLong(),
                      {query.value(1).toLongLong(), query.value(2).toLongLong()});
    return counts;
}

Article article(qint64 feed, const QString& guid, const QString& text) {
    Article a;
    a.feedId = feed;
    a.guid = guid;
    a.title = u"Title "_s + guid;
    a.text = text;
    a.html = u"<p>"_s + text + u"</p>"_s;
    a.fetched = QDateTime(QDate(2024, 3, 1), QTime(12, 0), QTimeZone::UTC);
    a.published = a.fetched.addSecs(guid.size() * 60);
    return a;
}

} // namespace

class TestFeedCounts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void countsAreReadFromTheFeedRow() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        Result<QStringList> plan = storage::explainListFeeds(temp.db());
        QVERIFY2(plan, qPrintable(plan.error()));
        for (const QString& step : std::as_const(*plan))
            QVERIFY2(!step.contains(u" a "_s) && !step.contains(u"articles"_s),
                     qPrintable(plan->join(u'\n')));
    }

    void countsMatchARecountThroughEveryChange() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        QSqlDatabase& db = temp.db();
        Result<qint64> alpha = storage::addFeed(db, u"https://alpha.example/feed"_s, {});
        Result<qint64> beta = storage::addFeed(db, u"https://beta.example/feed"_s, {});
        QVERIFY(alpha && beta);
        auto same = [&](const char* step) {
            const Counts expected = recounted(db);
            QVERIFY2(listed(db) == expected, step);
        };

        // Imports through the writer, as the ingest line stores them.
        QList<qint64> ids;
        {
            storage::ArticleWriter writer(db);
            for (int i = 0; i < 12; ++i) {
                Result<storage::UpsertResult> stored = writer.upsert(article(
                    i % 3 ? *alpha : *beta, u"item-%1"_s.arg(i), u"Erbil and Baghdad, item %1."_s.arg(i)));
                QVERIFY2(stored, qPrintable(stored.error()));
                ids << stored->id;
            }
            QVERIFY(writer.finish());
        }
        same("after an import");
        QCOMPARE(listed(db).value(*alpha), std::pair(qint64(8), qint64(8)));

        // Read state: one article, a filter, an undo by ids, and a second read of a read article.
        QVERIFY(storage::setRead(db, ids[1], true));
        QVERIFY(storage::setRead(db, ids[1], true));
        same("after reading one article");
        ArticleFilter betaOnly;
        betaOnly.feedIds << *beta;
        Result<QList<qint64>> changed = storage::setReadWhere(db, betaOnly, true);
        QVERIFY2(changed, qPrintable(changed.error()));
        same("after marking a feed read");
        QCOMPARE(listed(db).value(*beta).first, 0);
        QVERIFY(storage::setReadIds(db, *changed, false));
        same("after undoing it");

        // An edit: the same item fetched again with new text, and an article moved to another feed.
        {
            storage::ArticleWriter writer(db);
            QVERIFY(writer.upsert(article(*alpha, u"item-1"_s, u"Erbil, corrected."_s)));
            QVERIFY(writer.finish());
        }
        same("after a re-fetch");
        QSqlQuery query(db);
        QVERIFY(query.exec(u"UPDATE articles SET feed_id = %1 WHERE id = %2"_s.arg(*beta).arg(ids[2])));
        same("after moving an article");

        // Deletions: one article, then a whole feed with its articles.
        QVERIFY(query.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(ids[4])));
        same("after deleting an article");
        QVERIFY(storage::deleteFeed(db, *beta));
        same("after deleting a feed");

        // A transaction that never commits (the writer killed mid-batch) leaves no trace.
        QVERIFY(db.transaction());
        {
            storage::ArticleWriter writer(db);
            QVERIFY(writer.upsert(article(*alpha, u"lost"_s, u"Never committed."_s)));
        }
        QVERIFY(storage::setRead(db, ids[5], true));
        QVERIFY(db.rollback());
        same("after a rolled-back transaction");
        QCOMPARE(listed(db).value(*alpha).second, 6); // 8 imported, one moved, one deleted
    }
};

QTEST_GUILESS_MAIN(TestFeedCounts)
#include "tst_feedcounts.moc"
