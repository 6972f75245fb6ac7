// The article list's reads on PostgreSQL, on rows written here directly (the writer is tested
// elsewhere): a search compiles to a tsquery over the folded words (forms, prefixes, phrases,
// exclusions, title and body), every filter narrows as on SQLite, pages follow one another, and
// relevance is ts_rank's with the title and the typed form first.

#include "FilterFixture.h"
#include "search/SearchText.h"
#include "search/WordForms.h"
#include "storage/ArticleQueries.h"
#include "storage/MentionsColumn.h"
#include "storage/PostgresSearch.h"
#include "storage/SearchVocabulary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

Q_DECLARE_METATYPE(mirsad::ArticleFilter)

class TestPostgresQueries : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_db;
    QHash<QString, qint64> m_ids;
    qint64 m_feed = 0;

    bool exec(const QString& sql, const QVariantList& values = {}) {
        QSqlQuery query(m_db->db());
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }
    // An article with its search document, vocabulary and name index rows, as the writer stores them.
    bool add(const QString& key, const QString& title, const QString& text, int hour,
             const QStringList& entities = {}, bool read = false) {
        const QByteArray searchTitle = search::searchTextUtf8(title);
        const QByteArray searchBody = search::searchTextUtf8(text);
        QList<StoredMention> mentions;
        for (const QString& entity : entities)
            mentions << StoredMention{entity, 0, 1, u"x"_s};
        const qint64 time = test::utc(2024, 3, 1, 0).addSecs(3600 * hour).toSecsSinceEpoch();
        QSqlQuery insert(m_db->db());
        insert.prepare(u"INSERT INTO articles (feed_id, dedupe_key, title, published, fetched, sort_time, "
                       "content_hash, read, mentions) VALUES (?, ?, ?, ?, ?, ?, 'h', ?, ?) RETURNING id"_s);
        for (const QVariant& value : {QVariant(m_feed), QVariant(key), QVariant(title), QVariant(time),
                                      QVariant(time), QVariant(time), QVariant(read ? 1 : 0),
                                      QVariant(QString::fromUtf8(storage::encodeMentions(mentions)))})
            insert.addBindValue(value);
        if (!insert.exec() || !insert.next()) {
            qWarning() << insert.lastError().text();
            return false;
        }
        const qint64 id = insert.value(0).toLongLong();
        m_ids.insert(key, id);
        if (!exec(u"INSERT INTO article_search (article_id, document) VALUES (?, ?::tsvector)"_s,
                  {id, QString::fromUtf8(storage::postgresSearchDocument(searchTitle, searchBody))}))
            return false;
        for (const QByteArray& word : storage::indexWords({searchTitle, searchBody}).split(' ')) {
            for (const QString& k : search::indexKeys(QString::fromUtf8(word)))
                if (!exec(u"INSERT INTO search_vocabulary (key, word) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                          {k, QString::fromUtf8(word)}))
                    return false;
        }
        for (const QString& entity : entities) {
            if (!exec(u"INSERT INTO article_entities (entity_id, sort_time, article_id) VALUES (?, ?, ?)"_s,
                      {entity, time, id}) ||
                !exec(u"INSERT INTO entity_counts (entity_id, articles, unread) VALUES (?, 1, ?) ON CONFLICT "
                      "(entity_id) DO UPDATE SET articles = entity_counts.articles + 1, unread = "
                      "entity_counts.unread + excluded.unread"_s,
                      {entity, read ? 0 : 1}))
                return false;
        }
        return true;
    }
    QStringList keys(const ArticleFilter& filter, storage::ArticleOrder order = storage::ArticleOrder::Newest,
                     int limit = 50) {
        Result<QList<storage::ArticleSummary>> articles =
            storage::listArticles(m_db->db(), filter, limit, {}, order);
        if (!articles)
            return {articles.error()};
        QStringList found;
        for (const storage::ArticleSummary& article : *articles)
            found << m_ids.key(article.id);
        Result<qint64> count = storage::countArticles(m_db->db(), filter);
        if (limit >= 50 && (!count || *count != found.size()))
            found << u"(count %1)"_s.arg(count ? QString::number(*count) : count.error());
        return found;
    }
    static ArticleFilter text(const QString& typed) {
        ArticleFilter filter;
        filter.text = typed;
        return filter;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QVERIFY(m_db->isPostgres());
        QSqlQuery feed(m_db->db());
        QVERIFY(feed.exec(u"INSERT INTO feeds (url, title, created) VALUES ('https://x.example/', 'X', 0) "
                          "RETURNING id"_s) &&
                feed.next());
        m_feed = feed.value(0).toLongLong();
        QVERIFY(add(u"kirkuk"_s, u"Kirkuk oil talks"_s, u"The delegation discussed oil exports in Kirkuk."_s,
                    1, {u"kirkuk"_s, u"mohammed-shia-al-sudani"_s}));
        QVERIFY(add(u"basra"_s, u"Basra port"_s, u"Exports of oil through the port rose. Delegations came."_s,
                    2, {u"basra"_s}, true));
        QVERIFY(add(u"erbil"_s, u"اجتماع في أربيل"_s,
                    u"زار رئيس الوزراء مدينة أربيل لبحث ملف النفط والموازنة."_s, 3,
                    {u"erbil"_s, u"mohammed-shia-al-sudani"_s}));
        QVERIFY(
            add(u"mosul"_s, u"زيارة إلى الموصل"_s, u"وصل فريق حكومي إلى الموصل لبحث ملف نفط النازحين."_s, 4));
    }
    void cleanupTestCase() { m_db.reset(); }

    void compilesToATsquery() {
        Result<storage::CompiledSearch> compiled =
            storage::compileSearch(m_db->db(), u"oil expo* -\"port rose\""_s);
        QVERIFY2(compiled, qPrintable(compiled.error()));
        QCOMPARE(compiled->match, u"'oil' & 'expo':* & !('port' <-> 'rose')"_s);
        compiled = storage::compileSearch(m_db->db(), u"delegation OR talks"_s);
        QVERIFY2(compiled, qPrintable(compiled.error()));
        QCOMPARE(compiled->match, u"(('delegation' | 'delegations') | 'talks')"_s);
        QCOMPARE(compiled->typed, u"('delegation' | 'talks')"_s);
    }

    void filters_data() {
        QTest::addColumn<ArticleFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("everything") << ArticleFilter{}
                                    << QStringList{u"mosul"_s, u"erbil"_s, u"basra"_s, u"kirkuk"_s};
        QTest::newRow("a word") << text(u"oil"_s) << QStringList{u"basra"_s, u"kirkuk"_s};
        QTest::newRow("its inflection") << text(u"delegation"_s) << QStringList{u"basra"_s, u"kirkuk"_s};
        QTest::newRow("hamza folded") << text(u"اربيل"_s) << QStringList{u"erbil"_s};
        QTest::newRow("the article and clitics") << text(u"نفط"_s) << QStringList{u"mosul"_s, u"erbil"_s};
        QTest::newRow("a prefix") << text(u"expo*"_s) << QStringList{u"basra"_s, u"kirkuk"_s};
        QTest::newRow("a phrase") << text(u"\"oil exports\""_s) << QStringList{u"kirkuk"_s};
        QTest::newRow("a phrase not in that order") << text(u"\"exports oil\""_s) << QStringList{};
        QTest::newRow("no phrase from title into body") << text(u"\"basra port exports\""_s) << QStringList{};
        QTest::newRow("excluded") << text(u"oil -kirkuk"_s) << QStringList{u"basra"_s};
        QTest::newRow("or") << text(u"النازحين OR talks"_s) << QStringList{u"mosul"_s, u"kirkuk"_s};
        QTest::newRow("operators are words") << text(u"oil & ! |"_s) << QStringList{u"basra"_s, u"kirkuk"_s};
        ArticleFilter person;
        person.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        QTest::newRow("a person") << person << QStringList{u"erbil"_s, u"kirkuk"_s};
        ArticleFilter personText = person;
        personText.text = u"oil"_s;
        QTest::newRow("a person and a word") << personText << QStringList{u"kirkuk"_s};
        ArticleFilter unread;
        unread.unreadOnly = true;
        unread.entityGroups << QStringList{u"basra"_s, u"kirkuk"_s};
        QTest::newRow("a group, unread") << unread << QStringList{u"kirkuk"_s};
        ArticleFilter unreadPerson = person;
        unreadPerson.unreadOnly = true;
        QTest::newRow("a person, unread (its kept count)")
            << unreadPerson << QStringList{u"erbil"_s, u"kirkuk"_s};
        ArticleFilter since;
        since.since = test::utc(2024, 3, 1, 2);
        since.until = test::utc(2024, 3, 1, 4);
        QTest::newRow("dates") << since << QStringList{u"erbil"_s, u"basra"_s};
    }
    void filters() {
        QFETCH(ArticleFilter, filter);
        QFETCH(QStringList, expected);
        QCOMPARE(keys(filter), expected);
    }

    void pagesFollowOneAnother() {
        QStringList seen;
        std::optional<storage::PageCursor> after;
        for (int page = 0; page < 4; ++page) {
            Result<QList<storage::ArticleSummary>> rows = storage::listArticles(m_db->db(), {}, 3, after);
            QVERIFY2(rows, qPrintable(rows.error()));
            if (rows->isEmpty())
                break;
            for (const storage::ArticleSummary& row : *rows)
                seen << m_ids.key(row.id);
            after = storage::PageCursor{rows->last().sortTime, rows->last().id};
        }
        QCOMPARE(seen, (QStringList{u"mosul"_s, u"erbil"_s, u"basra"_s, u"kirkuk"_s}));
    }

    void relevance() {
        // The word in the title first; then the typed form before its inflection.
        QCOMPARE(keys(text(u"kirkuk"_s), storage::ArticleOrder::Relevance), QStringList{u"kirkuk"_s});
        QCOMPARE(keys(text(u"exports"_s), storage::ArticleOrder::Relevance, 10),
                 (QStringList{u"kirkuk"_s, u"basra"_s}));
        QCOMPARE(keys(text(u"delegations"_s), storage::ArticleOrder::Relevance, 10),
                 (QStringList{u"basra"_s, u"kirkuk"_s}));
        QCOMPARE(keys(text(u"delegation"_s), storage::ArticleOrder::Relevance, 10),
                 (QStringList{u"kirkuk"_s, u"basra"_s}));
        ArticleFilter unread = text(u"oil"_s);
        unread.unreadOnly = true;
        QCOMPARE(keys(unread, storage::ArticleOrder::Relevance, 10), QStringList{u"kirkuk"_s});
    }

    void markingReadByFilter() {
        ArticleFilter person;
        person.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        Result<QList<qint64>> changed = storage::setReadWhere(m_db->db(), person, true);
        QVERIFY2(changed, qPrintable(changed.error()));
        QCOMPARE(changed->size(), 2);
        person.unreadOnly = true;
        QCOMPARE(keys(person), QStringList{});
        QVERIFY(storage::setReadIds(m_db->db(), *changed, false));
        QCOMPARE(keys(person), (QStringList{u"erbil"_s, u"kirkuk"_s}));
    }

    // A text in more articles than the GIN index's id list takes (2000) is checked newest first:
    // the other conditions' rows are walked in their index's order and each is probed in
    // article_search by its key. No query shape may read every match per row of the walk (once
    // a plan of that kind took 81 s on 100,000 articles): the plan of the page's query is read
    // with sequential scans off, so that its shape, not these few rows' costs, decides it.
    void commonTextWalksNewestFirst() {
        test::TempDatabase big;
        QVERIFY2(big.ok(), qPrintable(big.error()));
        QSqlDatabase& db = big.db();
        auto run = [&](const QString& sql) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                qWarning() << sql << query.lastError().text();
            return query.isActive();
        };
        // 5,200 articles a minute apart; every one says "common", the oldest 2,100 also "early",
        // the newest 5 "rare"; all are in Kurdistan Region, every other one names al-Sudani.
        QVERIFY(run(u"INSERT INTO feeds (url, title, created) VALUES ('https://b.example/', 'B', 0)"_s));
        QVERIFY(
            run(u"INSERT INTO articles (feed_id, dedupe_key, title, published, fetched, sort_time, "
                "content_hash, read, mentions) SELECT (SELECT min(id) FROM feeds), 'k' || i, 'Bulk ' || i, "
                "1700000000 + 60 * i, 1700000000 + 60 * i, 1700000000 + 60 * i, 'h', 0, '[]' "
                "FROM generate_series(1, 5200) i"_s));
        QVERIFY(run(u"INSERT INTO article_search (article_id, document) SELECT id, ('common:1A bulk:2A ' || "
                    "CASE WHEN sort_time <= 1700000000 + 60 * 2100 THEN 'early:3' ELSE 'late:3' END || "
                    "CASE WHEN sort_time > 1700000000 + 60 * 5195 THEN ' rare:4' ELSE '' END)::tsvector "
                    "FROM articles"_s));
        QVERIFY(run(u"INSERT INTO article_regions (region_id, sort_time, article_id) "
                    "SELECT 'kurdistan-region', sort_time, id FROM articles"_s));
        QVERIFY(run(u"INSERT INTO region_counts (region_id, articles, unread) VALUES ('kurdistan-region', "
                    "5200, 5200)"_s));
        QVERIFY(run(u"INSERT INTO article_entities (entity_id, sort_time, article_id) "
                    "SELECT 'mohammed-shia-al-sudani', sort_time, id FROM articles WHERE id % 2 = 0"_s));
        QVERIFY(run(u"INSERT INTO entity_counts (entity_id, articles, unread) VALUES "
                    "('mohammed-shia-al-sudani', 2600, 2600)"_s));
        for (const QString& word : {u"common"_s, u"early"_s, u"late"_s, u"rare"_s, u"bulk"_s})
            for (const QString& key : search::indexKeys(word))
                QVERIFY(run(u"INSERT INTO search_vocabulary (key, word) VALUES ('%1', '%2') "
                            "ON CONFLICT DO NOTHING"_s.arg(key, word)));
        QVERIFY(run(u"ANALYZE"_s));

        // The newest `limit` ids among the articles `where` selects, as the page must list them.
        auto expected = [&](const QString& where, int limit) {
            QList<qint64> ids;
            QSqlQuery query(db);
            if (!query.exec(u"SELECT a.id FROM articles a JOIN article_search s ON s.article_id = a.id "
                            "WHERE %1 ORDER BY a.sort_time DESC, a.id DESC LIMIT %2"_s.arg(where)
                                .arg(limit)))
                qWarning() << query.lastError().text();
            while (query.next())
                ids << query.value(0).toLongLong();
            return ids;
        };
        auto listed = [&](const ArticleFilter& filter, int limit) {
            QList<qint64> ids;
            Result<QList<storage::ArticleSummary>> page = storage::listArticles(db, filter, limit);
            if (!page)
                qWarning() << page.error();
            else
                for (const storage::ArticleSummary& row : *page)
                    ids << row.id;
            return ids;
        };
        ArticleFilter all = text(u"common"_s);
        all.regions << u"kurdistan-region"_s;
        all.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        QCOMPARE(listed(all, 200), expected(u"a.id % 2 = 0"_s, 200));
        QCOMPARE(listed(text(u"common"_s), 200), expected(u"true"_s, 200));
        // The walk's first 3,000 rows hold no "early" article: the whole match set answers.
        QCOMPARE(listed(text(u"early"_s), 200), expected(u"s.document @@ 'early'::tsquery"_s, 200));
        ArticleFilter early = text(u"early"_s);
        early.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        QCOMPARE(listed(early, 200), expected(u"a.id % 2 = 0 AND s.document @@ 'early'::tsquery"_s, 200));
        QCOMPARE(listed(text(u"rare"_s), 200), expected(u"s.document @@ 'rare'::tsquery"_s, 200));

        QVERIFY(run(u"SET enable_seqscan = off"_s));
        for (const ArticleFilter& filter : {all, text(u"common"_s), early}) {
            Result<QStringList> plan = storage::explainListArticles(db, filter);
            QVERIFY2(plan, qPrintable(plan.error()));
            const QString shown = plan->join(u"\n"_s);
            // Probed by key, row by row, under a LIMIT that stops the walk: never a GIN scan.
            QVERIFY2(shown.contains(u"article_search_pkey"_s), qPrintable(shown));
            QVERIFY2(!shown.contains(u"article_search_words"_s), qPrintable(shown));
            QVERIFY2(!shown.contains(u"Seq Scan"_s), qPrintable(shown));
            QVERIFY2(plan->first().startsWith(u"Limit"_s), qPrintable(shown));
        }
        // Behind a name or region every other condition is a probe per row of its walk, newest
        // first: never a join (PostgreSQL's estimate of two correlated names' join is one row,
        // and with it the plan hashed and sorted both names' rows, 630 ms on a million articles)
        // and never a sort of the whole walk (a subquery without its own LIMIT planned that way:
        // 880 ms for a region and a common word, where the walk takes 6 ms).
        ArticleFilter region = text(u"common"_s);
        region.regions << u"kurdistan-region"_s;
        ArticleFilter names;
        names.regions << u"kurdistan-region"_s;
        names.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        names.unreadOnly = true;
        for (const ArticleFilter& filter : {all, region, names}) {
            Result<QStringList> plan = storage::explainListArticles(db, filter);
            QVERIFY2(plan, qPrintable(plan.error()));
            const QString shown = plan->join(u"\n"_s);
            QVERIFY2(plan->first().startsWith(u"Limit"_s), qPrintable(shown));
            QVERIFY2(shown.contains(u"Index Only Scan Backward using article_"_s), qPrintable(shown));
            QVERIFY2(!shown.contains(u"Sort"_s), qPrintable(shown));
            QVERIFY2(!shown.contains(u"Semi Join"_s), qPrintable(shown));
            QVERIFY2(!shown.contains(u"Seq Scan"_s), qPrintable(shown));
        }
        QVERIFY(run(u"RESET enable_seqscan"_s));
        QCOMPARE(listed(region, 200), expected(u"true"_s, 200));
        QCOMPARE(listed(names, 200), expected(u"a.id % 2 = 0"_s, 200));
    }

    // Once the server has estimates (ANALYZE), a few starred articles are walked by their own
    // index with the name probed for each, and a few noted ones looked up by id: the same rows.
    void starredAndNotedByTheirOwnIndexes() {
        QVERIFY(
            exec(u"UPDATE articles SET starred = CASE WHEN id = ? THEN 1 ELSE 0 END"_s, {m_ids[u"erbil"_s]}));
        QVERIFY(exec(u"INSERT INTO notes (article_id, body, created, updated) VALUES (?, 'a', 0, 0), "
                     "(?, 'b', 0, 0), (?, 'c', 0, 0)"_s,
                     {m_ids[u"basra"_s], m_ids[u"erbil"_s], m_ids[u"erbil"_s]}));
        QSqlQuery analyze(m_db->db()); // not a statement to prepare
        QVERIFY2(analyze.exec(u"ANALYZE"_s), qPrintable(analyze.lastError().text()));
        ArticleFilter starred;
        starred.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        starred.starredOnly = true;
        QCOMPARE(keys(starred), QStringList{u"erbil"_s});
        ArticleFilter noted;
        noted.withNotesOnly = true;
        QCOMPARE(keys(noted), (QStringList{u"erbil"_s, u"basra"_s}));
        noted.unreadOnly = true;
        QCOMPARE(keys(noted), QStringList{u"erbil"_s});
        QVERIFY(exec(u"DELETE FROM notes"_s));
        QVERIFY(exec(u"UPDATE articles SET starred = 0"_s));
    }
};

QTEST_GUILESS_MAIN(TestPostgresQueries)
#include "tst_postgresqueries.moc"
