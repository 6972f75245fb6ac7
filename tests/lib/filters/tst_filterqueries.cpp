// Filters on a small tagged archive: regions are transitive, names match in both scripts,
// conditions combine, dates respect time zones, full-text search folds Arabic orthography,
// the filter index follows deletions and re-tagging, and watchlists persist.

#include "AnalystState.h"
#include "FilterFixture.h"
#include "filters/FilterChips.h"
#include "filters/SearchHighlight.h"
#include "filters/Watchlist.h"
#include "search/SearchText.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/ParallelRank.h"
#include "storage/PostgresSearch.h"
#include "storage/SearchVocabulary.h"
#include "text/TextDirection.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

using namespace mirsad;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(mirsad::ArticleFilter)

class TestFilterQueries : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    test::TempDatabase* m_rankDb = nullptr; // an archive for relevanceIsBm25sTopPage
    QHash<QString, qint64> m_ids;
    QHash<QString, qint64> m_feeds;
    qint64 m_folder = 0;

    QStringList keysOf(const QList<storage::ArticleSummary>& articles) const {
        QStringList keys;
        for (const storage::ArticleSummary& article : articles)
            keys << m_ids.key(article.id);
        return keys;
    }

    // 600 articles of words drawn with a skew (the first words common), some read, a few
    // starred: the archive of the relevance tests, made once. Null when it could not be made.
    test::TempDatabase* rankArchive() {
        if (m_rankDb)
            return m_rankDb;
        auto db = std::make_unique<test::TempDatabase>();
        if (!db->ok())
            return nullptr;
        Result<qint64> feed = storage::addFeed(db->db(), u"https://rank.example/feed"_s, u"Rank"_s);
        if (!feed)
            return nullptr;
        const QStringList words{u"oil"_s, u"exports"_s,  u"export"_s, u"budget"_s,   u"talks"_s, u"the"_s,
                                u"in"_s,  u"pipeline"_s, u"النفط"_s,  u"الموازنة"_s, u"نفط"_s,   u"of"_s};
        QRandomGenerator random(18);
        storage::Transaction transaction(db->db());
        storage::ArticleWriter writer(db->db());
        for (int i = 0; i < 600; ++i) {
            auto sentence = [&](int n) {
                QStringList picked;
                for (int w = 0; w < n; ++w) // skewed: the first words are the common ones
                    picked
                        << words[qMin<qsizetype>(random.bounded(words.size()), random.bounded(words.size()))];
                return picked.join(u' ');
            };
            Article article;
            article.feedId = *feed;
            article.guid = u"rank-%1"_s.arg(i);
            article.title = sentence(2 + int(random.bounded(8)));
            article.text = sentence(5 + int(random.bounded(120)));
            article.published = test::utc(2024, 1, 1, 0).addSecs(3600 * i);
            if (!writer.upsert(article))
                return nullptr;
        }
        if (!writer.finish() || !transaction.commit())
            return nullptr;
        QSqlQuery marks(db->db());
        if (!marks.exec(u"UPDATE articles SET read = CASE WHEN id % 3 = 0 THEN 1 ELSE 0 END, "
                        "starred = CASE WHEN id % 40 = 0 THEN 1 ELSE 0 END"_s))
            return nullptr;
        m_rankDb = db.release();
        return m_rankDb;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db(), &m_feeds, &m_folder);
        QCOMPARE(m_ids.size(), 5);
    }
    void cleanupTestCase() {
        delete m_db;
        delete m_rankDb;
    }

    void filters_data() {
        QTest::addColumn<ArticleFilter>("filter");
        QTest::addColumn<QStringList>("expected"); // newest first
        auto f = [](auto fill) {
            ArticleFilter filter;
            fill(filter);
            return filter;
        };
        const QStringList sudani{QStringLiteral("mohammed-shia-al-sudani")};
        QTest::newRow("everything") << ArticleFilter{}
                                    << QStringList{u"basra"_s, u"baghdad-ar"_s, u"kirkuk"_s, u"erbil-ar"_s,
                                                   u"duhok"_s};
        QTest::newRow("region: Kurdistan Region finds Duhok and أربيل")
            << f([](ArticleFilter& a) { a.regions << u"kurdistan-region"_s; })
            << QStringList{u"erbil-ar"_s, u"duhok"_s};
        QTest::newRow("region: Duhok governorate finds the city")
            << f([](ArticleFilter& a) { a.regions << u"duhok-governorate"_s; }) << QStringList{u"duhok"_s};
        QTest::newRow("region: disputed territories find Kirkuk")
            << f([](ArticleFilter& a) { a.regions << u"disputed-territories"_s; })
            << QStringList{u"kirkuk"_s};
        QTest::newRow("region: Iraq finds every place")
            << f([](ArticleFilter& a) { a.regions << u"iraq"_s; })
            << QStringList{u"basra"_s, u"baghdad-ar"_s, u"kirkuk"_s, u"erbil-ar"_s, u"duhok"_s};
        QTest::newRow("place exactly: Erbil governorate is not Erbil")
            << f([](ArticleFilter& a) { a.entityGroups << QStringList{u"erbil-governorate"_s}; })
            << QStringList{};
        QTest::newRow("person in both scripts") << f([&](ArticleFilter& a) { a.entityGroups << sudani; })
                                                << QStringList{u"kirkuk"_s, u"erbil-ar"_s};
        QTest::newRow("person + region") << f([&](ArticleFilter& a) {
            a.entityGroups << sudani;
            a.regions << u"kurdistan-region"_s;
        }) << QStringList{u"erbil-ar"_s};
        QTest::newRow("two regions: both")
            << f([](ArticleFilter& a) { a.regions << u"kurdistan-region"_s << u"disputed-territories"_s; })
            << QStringList{};
        QTest::newRow("group: any of its names") << f([](ArticleFilter& a) {
            a.entityGroups << QStringList{u"basra"_s, u"duhok"_s};
        }) << QStringList{u"basra"_s, u"duhok"_s};
        QTest::newRow("person + text + starred") << f([&](ArticleFilter& a) {
            a.entityGroups << sudani;
            a.text = u"oil"_s;
            a.starredOnly = true;
        }) << QStringList{u"kirkuk"_s};
        QTest::newRow("text: اربيل finds أربيل")
            << f([](ArticleFilter& a) { a.text = u"اربيل"_s; }) << QStringList{u"erbil-ar"_s};
        QTest::newRow("text: tatweel in the article")
            << f([](ArticleFilter& a) { a.text = u"بغداد"_s; }) << QStringList{u"baghdad-ar"_s};
        QTest::newRow("text: diacritics in the query")
            << f([](ArticleFilter& a) { a.text = u"بَغْدَاد"_s; }) << QStringList{u"baghdad-ar"_s};
        QTest::newRow("text: prefix")
            << f([](ArticleFilter& a) { a.text = u"expo*"_s; }) << QStringList{u"basra"_s, u"kirkuk"_s};
        QTest::newRow("text: every word")
            << f([](ArticleFilter& a) { a.text = u"exports port"_s; }) << QStringList{u"basra"_s};
        QTest::newRow("text: operators in small letters are words")
            << f([](ArticleFilter& a) { a.text = u"oil or not"_s; }) << QStringList{};
        QTest::newRow("text: FTS5 operators are words")
            << f([](ArticleFilter& a) { a.text = u"oil NOT NEAR"_s; }) << QStringList{};
        QTest::newRow("unread") << f([](ArticleFilter& a) { a.unreadOnly = true; })
                                << QStringList{u"basra"_s, u"kirkuk"_s, u"erbil-ar"_s, u"duhok"_s};
        QTest::newRow("has notes") << f([](ArticleFilter& a) { a.withNotesOnly = true; })
                                   << QStringList{u"basra"_s};
        // 2021-05-10 00:00 in Baghdad (UTC+3) is 2021-05-09 21:00 UTC: the Arabic article of
        // 22:30 UTC is already on the 10th there.
        QTest::newRow("since midnight in Baghdad") << f([](ArticleFilter& a) {
            a.since = QDateTime(QDate(2021, 5, 10), QTime(0, 0), QTimeZone("Asia/Baghdad"));
            a.until = QDateTime(QDate(2021, 5, 11), QTime(0, 0), QTimeZone("Asia/Baghdad"));
        }) << QStringList{u"kirkuk"_s, u"erbil-ar"_s};
        QTest::newRow("the 10th in UTC") << f([](ArticleFilter& a) {
            a.since = test::utc(2021, 5, 10, 0);
            a.until = test::utc(2021, 5, 11, 0);
        }) << QStringList{u"kirkuk"_s};
    }
    void filters() {
        QFETCH(ArticleFilter, filter);
        QFETCH(QStringList, expected);
        Result<QList<storage::ArticleSummary>> articles = storage::listArticles(m_db->db(), filter, 50);
        QVERIFY2(articles.ok(), qPrintable(articles.error()));
        QCOMPARE(keysOf(*articles), expected);
        Result<qint64> count = storage::countArticles(m_db->db(), filter);
        QVERIFY2(count.ok(), qPrintable(count.error()));
        QCOMPARE(*count, expected.size());
    }

    void feedsAndFolders() {
        ArticleFilter byFeed;
        byFeed.feedIds << m_feeds.value(u"ar"_s);
        QCOMPARE(keysOf(*storage::listArticles(m_db->db(), byFeed, 50)),
                 (QStringList{u"baghdad-ar"_s, u"erbil-ar"_s}));
        ArticleFilter byFolder;
        byFolder.folderIds << m_folder;
        QCOMPARE(keysOf(*storage::listArticles(m_db->db(), byFolder, 50)),
                 (QStringList{u"baghdad-ar"_s, u"erbil-ar"_s}));
    }

    void pagesFollowOneAnother() {
        QStringList seen;
        std::optional<storage::PageCursor> after;
        for (int page = 0; page < 4; ++page) {
            Result<QList<storage::ArticleSummary>> rows = storage::listArticles(m_db->db(), {}, 2, after);
            QVERIFY(rows.ok());
            if (rows->isEmpty())
                break;
            seen += keysOf(*rows);
            after = storage::PageCursor{rows->last().sortTime, rows->last().id};
        }
        QCOMPARE(seen, (QStringList{u"basra"_s, u"baghdad-ar"_s, u"kirkuk"_s, u"erbil-ar"_s, u"duhok"_s}));
    }

    // A text matching thousands of articles takes the chunked path; with arrival order far from
    // publication order (ids random against time) the pages must still be exact.
    void commonTextPagesAreExact() {
        test::TempDatabase db;
        Result<qint64> feed = storage::addFeed(db.db(), u"https://x.example/feed"_s, u"X"_s);
        QVERIFY(feed.ok());
        QRandomGenerator random(42);
        {
            storage::Transaction transaction(db.db());
            storage::ArticleWriter writer(db.db());
            for (int i = 0; i < 3600; ++i) {
                Article article;
                article.feedId = *feed;
                article.guid = QString::number(i);
                article.title = u"Item %1"_s.arg(i);
                article.text = (i % 3 ? u"common words here"_s : u"other words"_s) + u" tail"_s;
                article.published = test::utc(2020, 1, 1, 0).addSecs(qint64(random.bounded(86400 * 365)));
                if (i % 5 == 0)
                    article.mentions << StoredMention{u"basra"_s, 0, 4, u"Item"_s};
                QVERIFY(writer.upsert(article).ok());
            }
            QVERIFY(writer.finish().ok());
            QVERIFY(transaction.commit().ok());
        }
        for (bool withName : {false, true}) {
            ArticleFilter filter;
            filter.text = u"commo*"_s;
            if (withName)
                filter.entityGroups << QStringList{u"basra"_s};
            QSqlQuery reference(db.db());
            const QString sql =
                db.isPostgres()
                    ? u"SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_search WHERE "
                      "document @@ '''commo'':*'::tsquery) %1 ORDER BY sort_time DESC, id DESC"_s.arg(
                          withName ? u"AND id IN (SELECT a.id FROM articles a, "
                                     u"jsonb_array_elements(a.mentions::jsonb) "
                                     "m WHERE m ->> 0 = 'basra')"_s
                                   : QString())
                    : u"SELECT id FROM articles WHERE id IN (SELECT rowid FROM article_search WHERE "
                      "article_search MATCH '\"commo\"*') %1 ORDER BY sort_time DESC, id DESC"_s.arg(
                          withName ? u"AND id IN (SELECT a.id FROM articles a, json_each(a.mentions) m WHERE "
                                     "m.value ->> 0 = 'basra')"_s
                                   : QString());
            QVERIFY2(reference.exec(sql), qPrintable(reference.lastError().text()));
            QList<qint64> expected;
            while (reference.next())
                expected << reference.value(0).toLongLong();
            QCOMPARE(expected.size(), withName ? 480 : 2400); // more than one chunk of matches
            QList<qint64> listed;
            std::optional<storage::PageCursor> after;
            while (true) {
                Result<QList<storage::ArticleSummary>> page =
                    storage::listArticles(db.db(), filter, 150, after);
                QVERIFY2(page.ok(), qPrintable(page.error()));
                for (const storage::ArticleSummary& article : *page)
                    listed << article.id;
                if (page->size() < 150)
                    break;
                after = storage::PageCursor{page->last().sortTime, page->last().id};
            }
            QCOMPARE(listed, expected);
            QCOMPARE(*storage::countArticles(db.db(), filter), expected.size());
        }
    }

    // Relevance by the text alone reads only the matches that may be among the page's rows
    // (storage/SearchRank.h); what it returns must be a top page by FTS5's own bm25 all the same,
    // with each word's forms as one term: bm25 of the match with the alternatives ("a" OR "b") made
    // one phrase of synonyms ("a|b") scores exactly that (while no form is an inflection).
    void relevanceIsBm25sTopPage_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("state"); // another condition: "", "unread" or "starred" (rare)
        QTest::newRow("one common word") << u"oil"_s << 10 << QString();
        QTest::newRow("one common word, a long page") << u"oil"_s << 60 << QString();
        QTest::newRow("a prefix") << u"exp*"_s << 10 << QString();
        QTest::newRow("two words") << u"oil budget"_s << 15 << QString();
        QTest::newRow("three words, one excluded") << u"oil talks -pipeline"_s << 15 << QString();
        QTest::newRow("Arabic, folded") << u"النفط"_s << 10 << QString();
        QTest::newRow("fewer matches than the page") << u"pipeline"_s << 500 << QString();
        QTest::newRow("unread") << u"oil"_s << 20 << u"unread"_s;
        QTest::newRow("starred: few of the best") << u"oil"_s << 8 << u"starred"_s;
        QTest::newRow("starred: fewer than the page") << u"the"_s << 50 << u"starred"_s;
    }
    void relevanceIsBm25sTopPage() {
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QString, state);
        test::TempDatabase* db = rankArchive();
        QVERIFY(db);
        // bm25's scores of every match, best first. On PostgreSQL relevance is ts_rank's (with the
        // title weighing three times the body, storage/PostgresSearch.h), not bm25: there the page
        // must be the top page by that score, computed for every match.
        QSqlQuery reference(db->db());
        const QString condition = state == u"unread"_s ? test::markOf(db->isPostgres(), u"read"_s) + u" = 0"_s
                                  : state == u"starred"_s
                                      ? test::markOf(db->isPostgres(), u"starred"_s) + u" = 1"_s
                                      : u"1 = 1"_s;
        const Result<storage::CompiledSearch> compiled = storage::compileSearch(db->db(), text);
        QVERIFY(compiled);
        QVERIFY2(!compiled->terms.contains(u"0.5"_s), "bm25 cannot weigh inflections: not a case for it");
        if (db->isPostgres()) {
            reference.prepare(
                u"SELECT a.id, %1 FROM article_search s JOIN articles a ON a.id = s.article_id "
                "WHERE s.document @@ ?::tsquery AND %2 ORDER BY 2 DESC"_s.arg(
                    storage::postgresRankExpression(u"s.document"_s, compiled->groups, compiled->typedGroups),
                    condition));
        } else {
            reference.prepare(u"SELECT a.id, bm25(article_search, 3.0, 1.0) FROM article_search "
                              "JOIN articles a ON a.id = article_search.rowid "
                              "WHERE article_search MATCH ? AND %1 ORDER BY 2"_s.arg(condition));
        }
        QString synonyms = compiled->match;
        static const QRegularExpression alternatives(u"\\((\"[^\"]*\"(?: OR \"[^\"]*\")+)\\)"_s);
        for (QRegularExpressionMatch m = alternatives.match(synonyms); !db->isPostgres() && m.hasMatch();
             m = alternatives.match(synonyms))
            synonyms.replace(m.capturedStart(), m.capturedLength(),
                             u'"' + m.captured(1).remove(u'"').replace(u" OR "_s, u"|"_s) + u'"');
        reference.addBindValue(synonyms);
        QVERIFY2(reference.exec(), qPrintable(reference.lastError().text()));
        QHash<qint64, double> scoreOf;
        QList<double> best;
        while (reference.next()) {
            scoreOf.insert(reference.value(0).toLongLong(), reference.value(1).toDouble());
            best << reference.value(1).toDouble();
        }
        QVERIFY(best.size() > 3);
        ArticleFilter filter;
        filter.text = text;
        filter.unreadOnly = state == u"unread"_s;
        filter.starredOnly = state == u"starred"_s;
        Result<QList<storage::ArticleSummary>> ranked =
            storage::listArticles(db->db(), filter, limit, {}, storage::ArticleOrder::Relevance);
        QVERIFY2(ranked, qPrintable(ranked.error()));
        QCOMPARE(ranked->size(), qMin<qsizetype>(limit, best.size()));
        // Position by position, the score of the k-th best (ties may come in either order).
        for (qsizetype i = 0; i < ranked->size(); ++i) {
            const qint64 id = ranked->at(i).id;
            QVERIFY2(scoreOf.contains(id), qPrintable(QString::number(id)));
            // (ts_rank computes in single precision: equal scores agree to its digits.)
            const double tolerance = db->isPostgres() ? 1e-6 : 1e-9;
            QVERIFY2(qAbs(scoreOf.value(id) - best.at(i)) <= tolerance * qAbs(best.at(i)),
                     qPrintable(u"row %1: article %2 scores %3, the %1th best %4"_s.arg(i)
                                    .arg(id)
                                    .arg(scoreOf.value(id))
                                    .arg(best.at(i))));
        }
    }

    // Ranking an archive in slices, each on a connection of its own (storage/ParallelRank.h),
    // gives the ranking of the whole: the same matches in the same order with the same scores.
    void rankingInSlicesIsRankingTheWhole_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("keep");
        QTest::newRow("a common word") << u"oil"_s << 25;
        QTest::newRow("a prefix, a long list") << u"exp*"_s << 120;
        QTest::newRow("two words, one excluded") << u"oil talks -pipeline"_s << 15;
        QTest::newRow("Arabic with its forms") << u"نفط"_s << 10;
        QTest::newRow("more kept than there are matches") << u"pipeline"_s << 5000;
    }
    void rankingInSlicesIsRankingTheWhole() {
        QFETCH(QString, text);
        QFETCH(int, keep);
        test::TempDatabase* db = rankArchive();
        QVERIFY(db);
        if (db->isPostgres())
            QSKIP("SQLite's FTS5 ranking: PostgreSQL ranks in one query on the server");
        const Result<storage::CompiledSearch> compiled = storage::compileSearch(db->db(), text);
        QVERIFY(compiled);
        const Result<QList<storage::RankedMatch>> whole =
            storage::rankMatches(db->db(), compiled->match, compiled->terms, keep, 1);
        QVERIFY2(whole, qPrintable(whole.error()));
        QVERIFY(whole->size() > 3);
        QVERIFY(whole->size() <= keep);
        for (int parts : {2, 3, 7}) {
            const Result<QList<storage::RankedMatch>> sliced =
                storage::rankMatches(db->db(), compiled->match, compiled->terms, keep, parts);
            QVERIFY2(sliced, qPrintable(sliced.error()));
            QCOMPARE(*sliced, *whole);
        }
    }

    // A word's inflections are found with it but weigh half: of two articles alike but for the
    // form, the one with the word as typed ranks first, whichever form is typed.
    void relevanceRanksTheTypedFormFirst() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        Result<qint64> feed = storage::addFeed(db.db(), u"https://forms.example/feed"_s, u"Forms"_s);
        QVERIFY(feed);
        storage::ArticleWriter writer(db.db());
        const QStringList forms{u"delegation"_s, u"delegations"_s, u"المحافظة"_s, u"المحافظات"_s};
        for (qsizetype i = 0; i < forms.size(); ++i) {
            Article article;
            article.feedId = *feed;
            article.guid = forms[i];
            article.title = u"News of the day"_s;
            article.text = u"A %1 arrived in the city this morning for talks"_s.arg(forms[i]);
            article.published = test::utc(2024, 2, 1, int(i));
            QVERIFY(writer.upsert(article));
        }
        QVERIFY(writer.finish());
        for (const QString& typed : forms) {
            const QString other = forms[forms.indexOf(typed) ^ 1];
            ArticleFilter filter;
            filter.text = typed;
            Result<QList<storage::ArticleSummary>> ranked =
                storage::listArticles(db.db(), filter, 10, {}, storage::ArticleOrder::Relevance);
            QVERIFY2(ranked, qPrintable(ranked.error()));
            QCOMPARE(ranked->size(), 2);
            QCOMPARE(storage::compileSearch(db.db(), typed)->terms, u"1,0.5"_s);
            QCOMPARE(ranked->at(0).title, u"News of the day"_s);
            Result<Article> first = storage::loadArticle(db.db(), ranked->at(0).id);
            Result<Article> second = storage::loadArticle(db.db(), ranked->at(1).id);
            QVERIFY(first && second);
            QCOMPARE(first->guid, typed);
            QCOMPARE(second->guid, other);
        }
    }

    void relevanceRanksTitleMatchesFirst() {
        ArticleFilter filter;
        filter.text = u"exports"_s;
        Result<QList<storage::ArticleSummary>> ranked =
            storage::listArticles(m_db->db(), filter, 10, {}, storage::ArticleOrder::Relevance);
        QVERIFY2(ranked.ok(), qPrintable(ranked.error()));
        QCOMPARE(keysOf(*ranked).value(0), u"basra"_s); // in its title
        QCOMPARE(ranked->size(), 2);
    }

    void everyFilterIsAnIndexedQuery() {
        ArticleFilter filter;
        filter.regions << u"kurdistan-region"_s;
        filter.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        filter.text = u"oil"_s;
        if (m_db->isPostgres()) {
            // PostgreSQL's planner rightly scans five rows; what must hold is that it need not:
            // with sequential scans priced out, every step has an index to use.
            QSqlQuery off(m_db->db());
            QVERIFY(off.exec(u"SET enable_seqscan = off"_s));
            Result<QStringList> plan = storage::explainListArticles(m_db->db(), filter);
            QVERIFY(off.exec(u"RESET enable_seqscan"_s));
            QVERIFY2(plan.ok(), qPrintable(plan.error()));
            QVERIFY2(!plan->join(u'\n').contains(u"Seq Scan"_s), qPrintable(plan->join(u'\n')));
            return;
        }
        Result<QStringList> plan = storage::explainListArticles(m_db->db(), filter);
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        for (const QString& step : *plan)
            QVERIFY2(!step.startsWith(u"SCAN a"_s) && !step.startsWith(u"SCAN articles"_s),
                     qPrintable(plan->join(u'\n')));
    }

    // The list's first page walks articles_by_time and stops after a page, whatever the
    // planner's statistics say. A million-article archive once had statistics for every index but
    // a new one (migration 012), and the planner scanned the feeds first, then sorted every article:
    // 13.6 s before the first article showed.
    void newestFirstNeverSortsTheArchive() {
        if (test::testingPostgres())
            QSKIP("SQLite's planner statistics (sqlite_stat1); PostgreSQL's are its own, measured by "
                  "bench_filters");
        test::TempDatabase db;
        test::storeFixture(db.db());
        QSqlQuery query(db.db());
        for (const char* sql :
             {"ANALYZE", "DELETE FROM sqlite_stat1 WHERE tbl IN ('articles', 'feeds')",
              "INSERT INTO sqlite_stat1 VALUES ('articles', 'articles_by_time', '1000000 1 1'), "
              "('articles', 'articles_by_feed', '1000000 41667 1'), "
              "('articles', 'sqlite_autoindex_articles_1', '1000000 41667 1'), "
              "('articles', 'articles_unread', '110491 110491 1'), ('feeds', 'sqlite_autoindex_feeds_1', '24 "
              "1')",
              "ANALYZE sqlite_schema"})
            QVERIFY2(query.exec(QString::fromLatin1(sql)), qPrintable(query.lastError().text()));
        ArticleFilter unread;
        unread.unreadOnly = true;
        ArticleFilter starred;
        starred.starredOnly = true;
        for (const ArticleFilter& filter : {ArticleFilter{}, unread, starred}) {
            Result<QStringList> plan = storage::explainListArticles(db.db(), filter);
            QVERIFY2(plan.ok(), qPrintable(plan.error()));
            const QString steps = plan->join(u'\n');
            QVERIFY2(!steps.contains(u"TEMP B-TREE FOR ORDER BY"_s) && !steps.contains(u"SCAN f"_s),
                     qPrintable(steps));
        }
    }

    void indexFollowsDeletionAndRetagging() {
        test::TempDatabase db;
        QHash<QString, qint64> ids = test::storeFixture(db.db());
        auto regionCount = [&](const QString& region) {
            ArticleFilter filter;
            filter.regions << region;
            return *storage::countArticles(db.db(), filter);
        };
        QCOMPARE(regionCount(u"kurdistan-region"_s), 2);
        QSqlQuery query(db.db());
        query.prepare(u"DELETE FROM articles WHERE id = ?"_s);
        query.addBindValue(ids.value(u"duhok"_s));
        QVERIFY(query.exec());
        QCOMPARE(regionCount(u"kurdistan-region"_s), 1);
        // Re-tagging the Arabic article without its places leaves only the person.
        storage::ArticleWriter writer(db.db());
        QVERIFY(writer.replaceMentions(ids.value(u"erbil-ar"_s),
                                       {{u"mohammed-shia-al-sudani"_s, 0, 3, u"x"_s}}, u"v"_s));
        QVERIFY(writer.finish().ok());
        QCOMPARE(regionCount(u"kurdistan-region"_s), 0);
        QCOMPARE(db.count(u"article_regions WHERE region_id = 'iraq'"_s), 3); // kirkuk, baghdad, basra
        ArticleFilter person;
        person.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        QCOMPARE(*storage::countArticles(db.db(), person), 2);
        // Re-tagging back, twice in one batch (the second wins), and an edit of the article.
        storage::ArticleWriter again(db.db());
        for (const QString& place : {u"duhok"_s, u"erbil"_s})
            QVERIFY(again.replaceMentions(ids.value(u"erbil-ar"_s), {{place, 0, 3, u"x"_s}}, u"v"_s));
        QVERIFY(again.finish().ok());
        QCOMPARE(regionCount(u"kurdistan-region"_s), 1);
        QCOMPARE(*storage::countArticles(db.db(), person), 1);
        // The sidebar's counts are kept, not counted: they must equal the rows they count.
        QSqlQuery check(db.db());
        for (const QString& sql :
             {u"SELECT count(*) FROM (SELECT entity_id, count(*) AS n FROM article_entities GROUP BY 1) t "
              "FULL JOIN (SELECT entity_id, articles AS n FROM entity_counts WHERE articles > 0) c "
              "USING (entity_id) WHERE t.n IS DISTINCT FROM c.n"_s,
              u"SELECT count(*) FROM (SELECT region_id, count(*) AS n FROM article_regions GROUP BY 1) t "
              "FULL JOIN (SELECT region_id, articles AS n FROM region_counts WHERE articles > 0) c "
              "USING (region_id) WHERE t.n IS DISTINCT FROM c.n"_s}) {
            QVERIFY2(check.exec(sql) && check.next(), qPrintable(check.lastError().text()));
            QCOMPARE(check.value(0).toInt(), 0);
        }
    }

    void searchMatches_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("marked");
        QTest::newRow("hamza folded") << u"زار أربيل ثم عاد"_s << u"اربيل"_s << QStringList{u"أربيل"_s};
        QTest::newRow("tatweel and diacritics")
            << u"من بغـــداد وبَغْدَاد"_s << u"بغداد"_s << QStringList{u"بغـــداد"_s, u"وبَغْدَاد"_s};
        QTest::newRow("whole word for a prefix")
            << u"Oil exports and exporters"_s << u"export*"_s << QStringList{u"exports"_s, u"exporters"_s};
        QTest::newRow("case") << u"KIRKUK and Kirkuk"_s << u"kirkuk"_s
                              << QStringList{u"KIRKUK"_s, u"Kirkuk"_s};
        QTest::newRow("nothing") << u"Basra"_s << u"   "_s << QStringList{};
    }
    void searchMatches() {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(QStringList, marked);
        QStringList found;
        for (const text::Span& span : filters::searchMatches(text, query))
            found << text.mid(span.start, span.end - span.start);
        QCOMPARE(found, marked);
    }

    // The index is given searchTextUtf8(), written in one pass: it must be searchText() in UTF-8,
    // surrogates, marks and all.
    void searchTextUtf8IsSearchTextInUtf8_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ASCII") << u"Oil exports, up 3% (Reuters)."_s;
        QTest::newRow("Latin accents and case") << u"CAFÉ Straße İstanbul ǅ"_s;
        QTest::newRow("Arabic diacritics and tatweel") << u"مُحَمَّد العـــراق أإآ ة ى ﻻ ٣٤"_s;
        QTest::newRow("bidi marks") << u"\u200Fنص\u200E text \u061C\u202B"_s;
        QTest::newRow("Arabic punctuation") << u"النفط،والغاز؛ ماذا؟ «الإطار»"_s;
        QTest::newRow("emoji and astral letters")
            << u"oil\U0001F6E2exports \U0001D400\U0001D401 \U000F0000"_s;
        QTest::newRow("lone surrogates")
            << u"a"_s + QChar(0xD800) + u"b"_s + QChar(0xDC00) + u"c"_s + QChar(0xD83D);
        QTest::newRow("a pair made by a dropped mark")
            << u"x"_s + QChar(0xD835) + QChar(0x064E) + QChar(0xDC00) + u"y"_s;
        QTest::newRow("separators") << u"a\u00A0b\u2003c\u3000d\u2028e\u0085f\uFEFFg"_s;
        QTest::newRow("not null, empty") << u""_s;
        QString everyUnit; // each BMP unit once, between letters: expansions, drops, lone halves
        for (char32_t unit = 1; unit < 0x10000; ++unit)
            everyUnit += QChar(char16_t(unit)) + u"b"_s;
        QTest::newRow("every BMP unit") << everyUnit;
    }

    void searchTextUtf8IsSearchTextInUtf8() {
        QFETCH(QString, text);
        const QByteArray expected = search::searchText(text).toUtf8();
        const QByteArray utf8 = search::searchTextUtf8(text);
        QCOMPARE(utf8, expected);
        QCOMPARE(utf8.isNull(), expected.isNull());
    }

    void searchTextFoldsArabicForTheIndex() {
        QCOMPARE(search::searchTextUtf8(u"العـــراق، أربيل"_s), u"العراق  اربيل"_s.toUtf8());
    }

    // The index's tokenizer only knows ASCII separators and ASCII case; searchText must turn every
    // other separator into a space and lower-case the rest, or words glue together.
    void searchSplitsWordsLikeUnicode_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found");
        QTest::newRow("Arabic comma") << u"النفط،والغاز"_s << u"والغاز"_s << true;
        QTest::newRow("Arabic semicolon and question mark") << u"الموازنة؛ ماذا؟"_s << u"ماذا"_s << true;
        QTest::newRow("guillemets") << u"«الإطار»التنسيقي"_s << u"التنسيقي"_s << true;
        QTest::newRow("no-break space") << u"Kirkuk\u00a0oil"_s << u"oil"_s << true;
        QTest::newRow("em dash") << u"Duhok—Zakho"_s << u"zakho"_s << true;
        QTest::newRow("curly quotes") << u"the \u201cdeal\u201d"_s << u"deal"_s << true;
        QTest::newRow("emoji between words") << u"oil\U0001F6E2exports"_s << u"exports"_s << true;
        QTest::newRow("Greek case") << u"ΑΘΗΝΑ talks"_s << u"αθηνα"_s << true;
        QTest::newRow("Cyrillic case") << u"МОСКВА talks"_s << u"москва"_s << true;
        QTest::newRow("Latin accents") << u"Café Erbil"_s << u"CAFE"_s << true;
        QTest::newRow("inside a word is not a word") << u"petroleum"_s << u"troleum"_s << false;
    }

    void searchSplitsWordsLikeUnicode() {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(bool, found);
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        Result<qint64> feed = storage::addFeed(db.db(), u"https://t.example/feed"_s, {});
        QVERIFY(feed);
        Article article;
        article.feedId = *feed;
        article.guid = u"1"_s;
        article.title = u"Title"_s;
        article.text = text;
        storage::ArticleWriter writer(db.db());
        QVERIFY(writer.upsert(article).ok());
        QVERIFY(writer.finish().ok());
        ArticleFilter filter;
        filter.text = query;
        Result<qint64> count = storage::countArticles(db.db(), filter);
        QVERIFY2(count, qPrintable(count.error()));
        QCOMPARE(*count, found ? 1 : 0);
    }

    void watchlistsRoundTripAndPersist() {
        ArticleFilter filter;
        filter.feedIds << 3;
        filter.folderIds << 1;
        filter.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s} << QStringList{u"a"_s, u"b"_s};
        filter.regions << u"kirkuk"_s;
        filter.text = u"نفط"_s;
        filter.since = test::utc(2024, 1, 1, 0);
        filter.until = test::utc(2024, 2, 1, 12, 30);
        filter.unreadOnly = filter.starredOnly = filter.withNotesOnly = true;
        filter.noteTags << u"KRG"_s << u"أمن"_s;
        Result<ArticleFilter> back = filters::filterFromJson(filters::filterToJson(filter));
        QVERIFY(back.ok());
        QCOMPARE(*back, filter);
        QVERIFY(!filters::filterFromJson(QJsonDocument::fromJson(R"({"regions": "kirkuk"})").object()).ok());

        QString path;
        {
            test::TempDatabase db;
            test::storeFixture(db.db());
            ArticleFilter kurdistan;
            kurdistan.regions << u"kurdistan-region"_s;
            Result<qint64> id = filters::addWatchlist(db.db(), u"Kurdistan"_s, kurdistan);
            QVERIFY(id.ok());
            QVERIFY(!filters::addWatchlist(db.db(), u"  "_s, kurdistan).ok());
            QVERIFY(filters::addWatchlist(db.db(), u"Everything"_s, filter).ok());
            Result<QList<filters::Watchlist>> lists = filters::listWatchlists(db.db(), true);
            QVERIFY(lists.ok());
            QCOMPARE(lists->size(), 2);
            QCOMPARE(lists->at(0).name, u"Kurdistan"_s);
            QCOMPARE(lists->at(0).unread, 2);
            QCOMPARE(lists->at(1).filter, filter);
            QVERIFY(filters::renameWatchlist(db.db(), *id, u"KRI"_s));
            QVERIFY(!filters::deleteWatchlist(db.db(), 999));
            db.close();
            // Reopen the same file.
            Result<QSqlDatabase> reopened = storage::openDatabase(db.path(), u"reopen"_s);
            QVERIFY(reopened.ok());
            Result<filters::Watchlist> again = filters::watchlistById(*reopened, *id);
            QVERIFY(again.ok());
            QCOMPARE(again->name, u"KRI"_s);
            QCOMPARE(again->filter, kurdistan);
            *reopened = QSqlDatabase();
            storage::closeDatabase(u"reopen"_s);
        }
    }

    void chipsDescribeAndRemove() {
        Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
        QVERIFY(gazetteer.ok());
        ArticleFilter filter;
        filter.regions << u"kurdistan-region"_s;
        filter.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        filter.text = u"oil"_s;
        filter.unreadOnly = true;
        filter.feedIds << 7;
        const QList<filters::FilterChip> chips =
            filters::describeFilter(filter, *gazetteer, {{{7, u"Rudaw"_s}}, {}});
        QStringList labels;
        for (const filters::FilterChip& chip : chips)
            labels << text::withoutIsolates(chip.label);
        QCOMPARE(labels, (QStringList{u"Feed: Rudaw"_s, u"Region: Kurdistan Region"_s,
                                      u"Person: Mohammed Shia al-Sudani"_s, u"Text: “oil”"_s, u"Unread"_s}));
        // The names and the user's text keep their own direction inside an Arabic label (first
        // strong isolates): "70 Forces" stays "70 Forces", the search's quotes stay around it.
        QVERIFY(chips.at(0).label.contains(u"\u2068Rudaw\u2069"_s));
        QVERIFY(chips.at(3).label.contains(u"“\u2068oil\u2069”"_s));
        ArticleFilter expected = filter;
        expected.regions.clear();
        QCOMPARE(chips.at(1).without, expected);
        QVERIFY(chips.at(2).toolTip.contains(u"السوداني"_s));
    }

    // "Has a note tagged X": a whole tag of the note's list, ignoring case, every tag (AND);
    // a chip names it and removes it.
    void noteTags() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QHash<QString, qint64> ids = test::storeFixture(db.db());
        QSqlQuery query(db.db());
        query.prepare(u"INSERT INTO notes (article_id, body, author, tags, created, updated) "
                      "VALUES (?, 'n', 'me', ?, 0, 0)"_s);
        for (const auto& [key, tags] :
             {std::pair{u"kirkuk"_s, u"Security, KRG"_s}, std::pair{u"duhok"_s, u"oil-security, 50%"_s},
              std::pair{u"basra"_s, u"krg"_s}, std::pair{u"erbil-ar"_s, u"أمن"_s}}) {
            query.addBindValue(ids.value(key));
            query.addBindValue(tags);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        const auto keys = [&](const QStringList& tags) {
            ArticleFilter filter;
            filter.noteTags = tags;
            QStringList found;
            Result<QList<storage::ArticleSummary>> articles = storage::listArticles(db.db(), filter, 50);
            if (!articles)
                return QStringList{articles.error()};
            for (const storage::ArticleSummary& article : *articles)
                found << ids.key(article.id);
            const Result<qint64> count = storage::countArticles(db.db(), filter);
            if (!count || *count != found.size())
                found << u"(count differs)"_s;
            return found;
        };
        QCOMPARE(keys({u"krg"_s}), (QStringList{u"basra"_s, u"kirkuk"_s}));
        QCOMPARE(keys({u"security"_s}), QStringList{u"kirkuk"_s}); // not "oil-security"
        QCOMPARE(keys({u"KRG"_s, u"security"_s}), QStringList{u"kirkuk"_s});
        QCOMPARE(keys({u"أمن"_s}), QStringList{u"erbil-ar"_s});
        QCOMPARE(keys({u"50%"_s}), QStringList{u"duhok"_s});
        QCOMPARE(keys({u"5%"_s}), QStringList{});

        Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
        QVERIFY(gazetteer.ok());
        ArticleFilter filter;
        filter.unreadOnly = true;
        filter.noteTags << u"KRG"_s;
        const QList<filters::FilterChip> chips = filters::describeFilter(filter, *gazetteer);
        QCOMPARE(chips.size(), 2);
        QCOMPARE(chips.at(1).kind, filters::FilterChip::Kind::NoteTag);
        QCOMPARE(chips.at(1).label, u"Note tag: #KRG"_s);
        ArticleFilter without = filter;
        without.noteTags.clear();
        QCOMPARE(chips.at(1).without, without);
        QVERIFY(!filter.isEmpty());
        QVERIFY(without.noteTags.isEmpty());
    }

    // A click on a place filters to it and the places within it: the chip names that one place,
    // not the first three of the group (issue 17, finding 12).
    void entityChipNamesTheClickedPlace() {
        Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
        QVERIFY(gazetteer.ok());
        const QStringList sinjar = gazetteer->descendants(u"sinjar"_s);
        QVERIFY(sinjar.size() > 3);
        const auto labelOf = [&](const QStringList& group) {
            ArticleFilter filter;
            filter.entityGroups << group;
            return text::withoutIsolates(filters::describeFilter(filter, *gazetteer).value(0).label);
        };
        QCOMPARE(labelOf(sinjar), u"Place: Sinjar and places within"_s);
        QCOMPARE(labelOf({u"sinune"_s}), u"Place: Sinune"_s);
        QCOMPARE(labelOf({u"mohammed-shia-al-sudani"_s}), u"Person: Mohammed Shia al-Sudani"_s);
        // A group of different entities (a typed name that means several) still lists them.
        QCOMPARE(labelOf({u"sinune"_s, u"erbil"_s}), u"Place: Sinune or Erbil"_s);
        ArticleFilter filter;
        filter.entityGroups << sinjar;
        QVERIFY(filters::describeFilter(filter, *gazetteer).value(0).toolTip.contains(u"Mount Sinjar"_s));
    }

    void dateChipsNameTheDaysTheUserChose() {
        // The filter bar's "to" day is inclusive: it filters up to midnight after it, and the
        // chip names the day the user typed, not the exclusive end.
        ArticleFilter filter;
        filter.since = QDateTime(QDate(2020, 10, 1), QTime(0, 0)).toUTC();
        filter.until = QDateTime(QDate(2020, 10, 10), QTime(0, 0)).toUTC();
        const QList<filters::FilterChip> chips = filters::describeFilter(filter, names::Gazetteer());
        QCOMPARE(chips.size(), 2);
        QCOMPARE(chips.at(0).label, u"From 2020-10-01"_s);
        QCOMPARE(chips.at(1).label, u"To 2020-10-09"_s);
        // An end that is not a day boundary (from a watchlist saved by hand) stays exclusive.
        filter.until = QDateTime(QDate(2020, 10, 10), QTime(12, 30));
        QCOMPARE(filters::describeFilter(filter, names::Gazetteer()).at(1).label,
                 u"Before 2020-10-10 12:30"_s);
    }
};

QTEST_GUILESS_MAIN(TestFilterQueries)
#include "tst_filterqueries.moc"
