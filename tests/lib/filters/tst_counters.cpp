// The unread and total counts per entity and per region (migration 013) are kept, not counted:
// after every change that moves them (imports, edits and re-fetches, a changed date, re-tagging,
// read/unread, mark-feed-read, mark-all-read and its undo, deletions, a rebuilt region index)
// they equal a full recount over the articles' rows, and countArticles answers a single name or
// region, unread or not, from them with the same figure as the general query.

#include "CounterCheck.h"
#include "FilterFixture.h"
#include "ingest/ArticleImport.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestCounters : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    QHash<QString, qint64> m_ids;
    QHash<QString, qint64> m_feeds;

    // The counters equal the recount, and countArticles agrees with the general query.
    void verify(const char* step) {
        const QStringList wrong = test::counterMismatches(m_db->db());
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(u"after %1: %2"_s.arg(QLatin1String(step), wrong.join(u"; "_s))));
        QSqlQuery keys(m_db->db());
        QVERIFY(keys.exec(u"SELECT 'region', region_id FROM region_counts UNION ALL "
                          "SELECT 'entity', entity_id FROM entity_counts"_s));
        while (keys.next()) {
            for (bool unread : {false, true}) {
                ArticleFilter kept;
                if (keys.value(0).toString() == u"region"_s)
                    kept.regions << keys.value(1).toString();
                else
                    kept.entityGroups << QStringList{keys.value(1).toString()};
                kept.unreadOnly = unread;
                // A date bound no article is outside of: the same articles, counted row by row.
                ArticleFilter counted = kept;
                counted.since = QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC);
                const Result<qint64> fromCounter = storage::countArticles(m_db->db(), kept);
                const Result<qint64> fromRows = storage::countArticles(m_db->db(), counted);
                QVERIFY(fromCounter && fromRows);
                QVERIFY2(*fromCounter == *fromRows,
                         qPrintable(u"after %1: %2 %3%4: %5 kept, %6 counted"_s.arg(QLatin1String(step))
                                        .arg(keys.value(0).toString(), keys.value(1).toString(),
                                             unread ? u" unread"_s : QString())
                                        .arg(*fromCounter)
                                        .arg(*fromRows)));
            }
        }
    }

    Article fixtureArticle(const QString& key) {
        for (const test::FixtureArticle& f : test::fixtureArticles()) {
            if (f.key != key)
                continue;
            Article article;
            article.feedId = m_feeds.value(f.feed);
            article.guid = f.key;
            article.title = f.title;
            article.text = f.text;
            article.published = f.published;
            article.fetched = f.published;
            return article;
        }
        return {};
    }

    qint64 unreadIn(const QString& region) {
        QSqlQuery query(m_db->db());
        // On a server: the team's articles less the analyst's reads (migration 010).
        query.prepare(m_db->isPostgres()
                          ? u"SELECT articles - coalesce((SELECT r.read FROM region_reads r WHERE "
                            "r.analyst = current_user::text AND r.region_id = c.region_id), 0) FROM "
                            "region_counts c WHERE region_id = ?"_s
                          : u"SELECT unread FROM region_counts WHERE region_id = ?"_s);
        query.addBindValue(region);
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

private slots:
    void init() {
        test::isolateFromUserData();
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db(), &m_feeds);
        QCOMPARE(m_ids.size(), 5);
    }
    void cleanup() {
        delete m_db;
        m_db = nullptr;
    }

    void importedAndMarked() {
        verify("the fixture's import and read state");
        // Two of the fixture's articles mention the Kurdistan Region's places, both unread.
        QCOMPARE(unreadIn(u"kurdistan-region"_s), 2);
        QVERIFY(storage::setRead(m_db->db(), m_ids.value(u"duhok"_s), true));
        QCOMPARE(unreadIn(u"kurdistan-region"_s), 1);
        verify("marking one read");
        QVERIFY(storage::setRead(m_db->db(), m_ids.value(u"baghdad-ar"_s), false));
        QVERIFY(storage::setRead(m_db->db(), m_ids.value(u"baghdad-ar"_s), false)); // unchanged
        verify("marking one unread");
        ArticleFilter feed;
        feed.feedIds << m_feeds.value(u"ar"_s);
        Result<QList<qint64>> feedRead = storage::setReadWhere(m_db->db(), feed, true);
        QVERIFY(feedRead && !feedRead->isEmpty());
        verify("mark feed read");
        Result<QList<qint64>> allRead = storage::setReadWhere(m_db->db(), ArticleFilter{}, true);
        QVERIFY(allRead && !allRead->isEmpty());
        QCOMPARE(unreadIn(u"kurdistan-region"_s), 0);
        verify("mark all read");
        QVERIFY(storage::setReadIds(m_db->db(), *allRead, false));
        verify("undoing mark all read");
    }

    // An article that names a place twice, and two places of one region, counts once in each
    // name and region when many articles are marked at once.
    void namesMentionedTwiceCountOnce() {
        Article article;
        article.feedId = m_feeds.value(u"en"_s);
        article.guid = u"twice"_s;
        article.title = u"Erbil and Duhok"_s;
        article.text = u"Officials in Erbil met the governor of Duhok. Erbil asked Baghdad, and Baghdad "
                       "answered."_s;
        article.published = QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::UTC);
        article.fetched = article.published;
        Result<storage::UpsertResult> stored = ingest::storeArticle(m_db->db(), article);
        QVERIFY2(stored, qPrintable(stored.error()));
        verify("storing an article that names places twice");
        Result<QList<qint64>> allRead = storage::setReadWhere(m_db->db(), ArticleFilter{}, true);
        QVERIFY(allRead && allRead->contains(stored->id));
        verify("mark all read");
        QVERIFY(storage::setReadIds(m_db->db(), *allRead, false));
        verify("undoing it");
        QCOMPARE(unreadIn(u"kurdistan-region"_s), 3);
    }

    void editedRefetchedAndRetagged() {
        storage::Transaction transaction(m_db->db());
        storage::ArticleWriter writer(m_db->db());
        // New articles in one batch, one of them edited again within it.
        for (int i = 0; i < 3; ++i) {
            Article article;
            article.feedId = m_feeds.value(u"en"_s);
            article.guid = u"new-%1"_s.arg(i);
            article.title = u"New %1"_s.arg(i);
            article.text = u"Talks in Erbil and Kirkuk, version %1."_s.arg(i);
            article.published = test::utc(2021, 6, 1 + i, 9);
            article.mentions = {{u"erbil"_s, 9, 14, u"Erbil"_s}, {u"kirkuk"_s, 19, 25, u"Kirkuk"_s}};
            QVERIFY(writer.upsert(article));
            if (i == 2) {
                article.text = u"Talks moved to Duhok."_s;
                article.mentions = {{u"duhok"_s, 15, 20, u"Duhok"_s}};
                Result<storage::UpsertResult> edited = writer.upsert(article);
                QVERIFY(edited && edited->outcome == storage::UpsertOutcome::Updated);
            }
        }
        // Re-fetched with new text: a read article and an unread one, and a new date.
        QVERIFY(writer.finish());
        QVERIFY(transaction.commit());
        verify("a batch of new articles, one edited within it");

        for (const QString& key : {u"baghdad-ar"_s, u"kirkuk"_s}) {
            Article article = fixtureArticle(key);
            article.text = u"The talks moved from there to Erbil and Duhok."_s;
            article.published = article.published.addDays(3); // the list's order changes too
            Result<storage::UpsertResult> stored = ingest::storeArticle(m_db->db(), article);
            QVERIFY2(stored, qPrintable(stored.error()));
            QCOMPARE(stored->outcome, storage::UpsertOutcome::Updated);
        }
        verify("re-fetches that change the text, the names and the date");

        storage::ArticleWriter retagger(m_db->db());
        QVERIFY(retagger.replaceMentions(m_ids.value(u"erbil-ar"_s), {{u"basra"_s, 0, 3, u"x"_s}}, u"v2"_s));
        QVERIFY(retagger.replaceMentions(m_ids.value(u"baghdad-ar"_s), {}, u"v2"_s));
        QVERIFY(retagger.finish());
        verify("re-tagging a read and an unread article");
        QVERIFY(storage::setRead(m_db->db(), m_ids.value(u"erbil-ar"_s), true));
        verify("marking a re-tagged article read");
    }

    void deletedAndRebuilt() {
        QSqlQuery query(m_db->db());
        query.prepare(u"DELETE FROM articles WHERE id = ?"_s);
        query.addBindValue(m_ids.value(u"erbil-ar"_s)); // unread
        QVERIFY(query.exec());
        query.addBindValue(m_ids.value(u"baghdad-ar"_s)); // read
        QVERIFY(query.exec());
        verify("deleting articles");
        QVERIFY(storage::deleteFeed(m_db->db(), m_feeds.value(u"en"_s)));
        verify("deleting a feed with its articles");
        QCOMPARE(m_db->count(u"articles"_s), 0);
    }

    void rebuiltRegionIndex() {
        // As after a new gazetteer: the region index and its counts are rebuilt.
        QVERIFY(storage::setRead(m_db->db(), m_ids.value(u"duhok"_s), true));
        QSqlQuery reset(m_db->db());
        QVERIFY(reset.exec(u"DELETE FROM meta WHERE key = 'region_index_version'"_s));
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(m_db->db());
        QVERIFY(tagger);
        QVERIFY(tagging::syncRegionIndex(m_db->db(), (*tagger)->gazetteer()));
        verify("rebuilding the region index");
    }
};

QTEST_GUILESS_MAIN(TestCounters)
#include "tst_counters.moc"
