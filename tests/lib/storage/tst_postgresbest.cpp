// Relevance on PostgreSQL from the queries' lists of best matches (storage/PostgresBestMatches.h):
// every page is the page that ranking every match gives, score by score, whatever the lists'
// size, with other conditions, as articles arrive, change and go, while a writer has not yet
// committed, and for an analyst who may only read.

#include "AnalystState.h"
#include "FilterFixture.h"
#include "TestSupport.h"
#include "search/SearchText.h"
#include "storage/ArticleQueries.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "storage/PostgresBestMatches.h"
#include "storage/PostgresSearch.h"
#include "storage/SearchVocabulary.h"
#include "storage/Team.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestPostgresBest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_db;
    qint64 m_feed = 0;
    int m_next = 0;
    QRandomGenerator m_random{22};

    QString sentence(int n) {
        static const QStringList words{u"oil"_s, u"exports"_s, u"export"_s,   u"budget"_s, u"talks"_s,
                                       u"the"_s, u"in"_s,      u"pipeline"_s, u"النفط"_s,  u"الموازنة"_s,
                                       u"نفط"_s, u"of"_s,      u"قرار"_s};
        QStringList picked;
        for (int w = 0; w < n; ++w) // skewed: the first words are the common ones
            picked << words[qMin<qsizetype>(m_random.bounded(words.size()), m_random.bounded(words.size()))];
        return picked.join(u' ');
    }
    Article article(const QString& title, const QString& text) {
        Article a;
        a.feedId = m_feed;
        a.guid = u"best-%1"_s.arg(m_next);
        a.title = title;
        a.text = text;
        a.published = test::utc(2024, 1, 1, 0).addSecs(3600 * m_next++);
        return a;
    }
    bool write(const QList<Article>& articles, QSqlDatabase db = {}) {
        if (!db.isValid())
            db = m_db->db();
        storage::Transaction transaction(db);
        storage::ArticleWriter writer(db);
        for (const Article& a : articles) {
            if (!writer.upsert(a))
                return false;
        }
        return writer.finish() && transaction.commit();
    }
    bool addRandom(int count) {
        QList<Article> articles;
        for (int i = 0; i < count; ++i)
            articles << article(sentence(2 + int(m_random.bounded(8))),
                                sentence(5 + int(m_random.bounded(120))));
        return write(articles);
    }
    bool exec(const QString& sql) {
        QSqlQuery query(m_db->db());
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }

    // The page by ranking every match (the score postgresRankExpression defines), best first.
    QList<storage::RankedMatch> everyMatch(const QString& text, const QString& condition) {
        const Result<storage::CompiledSearch> compiled = storage::compileSearch(m_db->db(), text);
        if (!compiled)
            return {};
        QSqlQuery query(m_db->db());
        query.prepare(
            u"SELECT a.id, %1 FROM article_search s JOIN articles a ON a.id = s.article_id "
            "WHERE s.document @@ ?::tsquery AND %2 ORDER BY 2 DESC, 1 DESC"_s.arg(
                storage::postgresRankExpression(u"s.document"_s, compiled->groups, compiled->typedGroups),
                condition));
        query.addBindValue(compiled->match);
        QList<storage::RankedMatch> ranked;
        if (!query.exec())
            qWarning() << query.lastError().text();
        while (query.next())
            ranked << storage::RankedMatch{query.value(0).toLongLong(), query.value(1).toDouble()};
        return ranked;
    }
    // What differs between the relevance page and ranking every match; empty when nothing does.
    QString pageDiffers(const QString& text, int limit, const QString& state = {}, QSqlDatabase db = {}) {
        if (!db.isValid())
            db = m_db->db();
        const QString condition = state == u"unread"_s    ? test::markOf(true, u"read"_s) + u" = 0"_s
                                  : state == u"starred"_s ? test::markOf(true, u"starred"_s) + u" = 1"_s
                                                          : u"1 = 1"_s;
        const QList<storage::RankedMatch> best = everyMatch(text, condition);
        if (best.size() < 3)
            return u"too few matches of %1 to tell"_s.arg(text);
        QHash<qint64, double> scoreOf;
        for (const storage::RankedMatch& m : best)
            scoreOf.insert(m.id, m.score);
        ArticleFilter filter;
        filter.text = text;
        filter.unreadOnly = state == u"unread"_s;
        filter.starredOnly = state == u"starred"_s;
        const Result<QList<storage::ArticleSummary>> page =
            storage::listArticles(db, filter, limit, {}, storage::ArticleOrder::Relevance);
        if (!page)
            return page.error();
        if (page->size() != qMin<qsizetype>(limit, best.size()))
            return u"%1 rows, not %2"_s.arg(page->size()).arg(qMin<qsizetype>(limit, best.size()));
        for (qsizetype i = 0; i < page->size(); ++i) { // ties may come in either order
            const qint64 id = page->at(i).id;
            if (!scoreOf.contains(id) || qAbs(scoreOf.value(id) - best.at(i).score) > 1e-6 * best.at(i).score)
                return u"row %1: article %2 scores %3, the %1th best %4"_s.arg(i)
                    .arg(id)
                    .arg(scoreOf.value(id, -1))
                    .arg(best.at(i).score);
        }
        return {};
    }
    qint64 scalar(const QString& sql) {
        QSqlQuery query(m_db->db());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QVERIFY(m_db->isPostgres());
        Result<qint64> feed = storage::addFeed(m_db->db(), u"https://best.example/feed"_s, u"Best"_s);
        QVERIFY2(feed, qPrintable(feed.error()));
        m_feed = *feed;
        QVERIFY(addRandom(500));
        QVERIFY(exec(u"UPDATE articles SET read = CASE WHEN id % 3 = 0 THEN 1 ELSE 0 END, "
                     "starred = CASE WHEN id % 9 = 0 THEN 1 ELSE 0 END"_s));
    }
    void cleanup() { storage::setPostgresBestLists(2000, 1000); }
    void cleanupTestCase() { m_db.reset(); }

    void pagesAreTheWholeRanking_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("size");
        const QList<std::tuple<QString, int, QString>> cases{
            {u"oil"_s, 3, {}},
            {u"oil"_s, 40, {}},
            {u"نفط"_s, 10, {}},
            {u"oil budget"_s, 5, {}},
            {u"oil talks -pipeline"_s, 8, {}},
            {u"exp*"_s, 12, {}},
            {u"قرار OR pipeline"_s, 6, {}},
            {u"\"oil exports\""_s, 4, {}},
            {u"oil"_s, 10, u"unread"_s},
            {u"oil"_s, 5, u"starred"_s},
            {u"budget"_s, 600, {}},
        };
        for (int size : {4, 40, 2000}) {
            for (const auto& [text, limit, state] : cases)
                QTest::addRow("%s, %d, %s, lists of %d", qPrintable(text), limit, qPrintable(state), size)
                    << text << limit << state << size;
        }
    }
    void pagesAreTheWholeRanking() {
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QString, state);
        QFETCH(int, size);
        storage::setPostgresBestLists(size, 1000);
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        const QString differs = pageDiffers(text, limit, state);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY2(scalar(u"SELECT count(*) FROM search_best_lists"_s) > 0, "no list was made");
        // Again, from the lists made by the first.
        const QString again = pageDiffers(text, limit, state);
        QVERIFY2(again.isEmpty(), qPrintable(again));
    }

    // The lists spare ranking: a page of a common word ranks a few of its matches, and is exact.
    void listsRankOnlyTheirMembers() {
        storage::setPostgresBestLists(10, 1000);
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        const Result<storage::CompiledSearch> compiled = storage::compileSearch(m_db->db(), u"oil"_s);
        QVERIFY(compiled);
        QCOMPARE(compiled->groups.size(), 1);
        const std::optional<storage::BestCandidates> best = storage::postgresBestCandidates(
            m_db->db(), compiled->match, compiled->groups, compiled->typedGroups);
        QVERIFY(best);
        const QList<storage::RankedMatch> every = everyMatch(u"oil"_s, u"1 = 1"_s);
        QVERIFY2(every.size() > 100, "a common word");
        QCOMPARE(best->ranked.size(), 10);
        QVERIFY(!best->complete);
        QCOMPARE(best->ranked.first().id, every.first().id);
        QVERIFY(best->beats(best->ranked.at(2))); // a page of three is known to be the best
        QVERIFY(!best->beats(every.at(60)));      // one reaching further is not
        QCOMPARE(scalar(u"SELECT count(*) FROM search_best"_s), 10);
        // Two words: a list of their own, of the articles with both, each scored as ranking
        // every match scores it; a page of them is exact without reading a document.
        const Result<storage::CompiledSearch> two = storage::compileSearch(m_db->db(), u"oil budget"_s);
        QVERIFY(two);
        QCOMPARE(two->groups.size(), 2);
        const std::optional<storage::BestCandidates> both =
            storage::postgresBestCandidates(m_db->db(), two->match, two->groups, two->typedGroups);
        QVERIFY(both);
        QCOMPARE(scalar(u"SELECT count(*) FROM search_best_lists"_s), 2);
        const QList<storage::RankedMatch> everyPair = everyMatch(u"oil budget"_s, u"1 = 1"_s);
        QVERIFY2(everyPair.size() > 20, "two common words");
        QCOMPARE(both->ranked.size(), 10);
        for (int i = 0; i < 10; ++i)
            QVERIFY2(
                qAbs(both->ranked.at(i).score - everyPair.at(i).score) <= 1e-6 * everyPair.at(i).score,
                qPrintable(
                    u"row %1: %2, not %3"_s.arg(i).arg(both->ranked.at(i).score).arg(everyPair.at(i).score)));
        QVERIFY(both->beats(both->ranked.at(2)));
        QVERIFY(!both->beats(everyPair.last()));
        // A list made by migration 008's function for one word (an older client) is the one a
        // query of that word uses.
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        QVERIFY(exec(u"SELECT mirsad_best_list('%1', NULL, 10, 1000)"_s.arg(
            QString(compiled->groups.first()).replace(u"'"_s, u"''"_s))));
        QVERIFY(storage::postgresBestCandidates(m_db->db(), compiled->match, compiled->groups,
                                                compiled->typedGroups));
        QCOMPARE(scalar(u"SELECT count(*) FROM search_best_lists"_s), 1);
    }

    // New, changed and deleted articles: the lists follow, and pages stay exact.
    void listsFollowTheArchive() {
        storage::setPostgresBestLists(5, 0);
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        QString differs = pageDiffers(u"oil"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        const qint64 through = scalar(u"SELECT max(through) FROM search_best_lists"_s);
        // A new article about nothing but oil: the best.
        QVERIFY(write({article(u"oil"_s, u"oil oil oil"_s)}));
        const qint64 strongest = scalar(u"SELECT max(id) FROM articles"_s);
        differs = pageDiffers(u"oil"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QCOMPARE(everyMatch(u"oil"_s, u"1 = 1"_s).first().id, strongest);
        QVERIFY(scalar(u"SELECT max(through) FROM search_best_lists"_s) > through); // brought up to date
        // A weak match edited into the best (its document rewritten in place), then the best gone.
        const qint64 weak = everyMatch(u"oil"_s, u"1 = 1"_s).last().id;
        QSqlQuery edit(m_db->db());
        edit.prepare(u"UPDATE article_search SET document = ?::tsvector WHERE article_id = ?"_s);
        edit.addBindValue(QString::fromUtf8(storage::postgresSearchDocument("oil", "oil oil oil")));
        edit.addBindValue(weak);
        QVERIFY2(edit.exec(), qPrintable(edit.lastError().text()));
        differs = pageDiffers(u"oil"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        const QList<storage::RankedMatch> edited = everyMatch(u"oil"_s, u"1 = 1"_s);
        QVERIFY(std::any_of(edited.cbegin(), edited.cbegin() + 3,
                            [weak](const storage::RankedMatch& m) { return m.id == weak; }));
        // The best rewritten into a weak match, the list not brought up to date: its score in the
        // list is no longer its own.
        storage::setPostgresBestLists(5, 1000);
        const qint64 best = everyMatch(u"oil"_s, u"1 = 1"_s).first().id;
        edit.addBindValue(QString::fromUtf8(storage::postgresSearchDocument(
            "budget talks", "the budget talks in the port of the north went on, and oil was not the point")));
        edit.addBindValue(best);
        QVERIFY2(edit.exec(), qPrintable(edit.lastError().text()));
        differs = pageDiffers(u"oil"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY(everyMatch(u"oil"_s, u"1 = 1"_s).first().id != best);
        QVERIFY(exec(u"DELETE FROM articles WHERE id = %1"_s.arg(weak)));
        differs = pageDiffers(u"oil"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        // Many more: the list, made when there were fewer, still gives the best.
        QVERIFY(addRandom(60));
        differs = pageDiffers(u"oil"_s, 4);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    // A writer that has stored a document but not committed yet: a list made meanwhile must not
    // count it as seen, or it would be missed once committed (the writers' lock, migration 008).
    void anUncommittedDocumentIsNotSkipped() {
        storage::setPostgresBestLists(5, 0);
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        QString differs = pageDiffers(u"budget"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        Result<QSqlDatabase> writer = storage::openDatabase(m_db->path(), u"best-writer"_s);
        QVERIFY2(writer, qPrintable(writer.error()));
        Result<QSqlDatabase> other = storage::openDatabase(m_db->path(), u"best-other"_s);
        QVERIFY2(other, qPrintable(other.error()));
        {
            QSqlDatabase slow = *writer;
            QVERIFY(slow.transaction());
            {
                storage::ArticleWriter articles(slow);
                QVERIFY(articles.upsert(article(u"budget"_s, u"budget budget budget"_s)));
                QVERIFY(articles.finish());
            }
            // Another writer (of another feed: each feed has one writer at a time) commits a
            // later document meanwhile, and a query runs.
            Result<qint64> feed = storage::addFeed(*other, u"https://other.example/feed"_s, u"Other"_s);
            QVERIFY2(feed, qPrintable(feed.error()));
            Article later = article(u"talks"_s, u"the budget talks"_s);
            later.feedId = *feed;
            QVERIFY(write({later}, *other));
            differs = pageDiffers(u"budget"_s, 3);
            QVERIFY2(differs.isEmpty(), qPrintable(differs));
            QVERIFY(slow.commit());
        }
        const qint64 late = scalar(u"SELECT max(id) FROM articles WHERE title = 'budget'"_s);
        QCOMPARE(everyMatch(u"budget"_s, u"1 = 1"_s).first().id, late);
        differs = pageDiffers(u"budget"_s, 3);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        writer = Error{};
        other = Error{};
        storage::closeDatabase(u"best-writer"_s);
        storage::closeDatabase(u"best-other"_s);
    }

    // An analyst who may only read uses and keeps the team's lists (they are the owner's).
    void aReaderUsesTheLists() {
        storage::setPostgresBestLists(5, 0);
        QVERIFY(exec(u"DELETE FROM search_best_lists"_s));
        QVERIFY2(storage::initTeam(m_db->db()), "team init");
        const Status added = storage::addTeamMember(m_db->db(), u"best_reader"_s, storage::TeamRole::Reader);
        QVERIFY2(added, qPrintable(added ? QString() : added.error()));
        Result<QSqlDatabase> reader = storage::openDatabase(m_db->pathAs(u"best_reader"_s), u"best-reader"_s);
        QVERIFY2(reader, qPrintable(reader.error()));
        const QString differs = pageDiffers(u"oil"_s, 3, {}, *reader);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY(scalar(u"SELECT count(*) FROM search_best_lists"_s) > 0);
        QSqlQuery direct(*reader); // the lists themselves are not the reader's to write
        QVERIFY(!direct.exec(u"DELETE FROM search_best_lists"_s));
        reader = Error{};
        storage::closeDatabase(u"best-reader"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostgresBest)
#include "tst_postgresbest.moc"
