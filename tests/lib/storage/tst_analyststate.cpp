// Each analyst's own reading on a team's archive (issue 22, migration 010): read/unread, starred
// and watchlists are the connected role's, the articles, feeds and names the team's. Two real
// analysts and a reader on one server: what Alice marks, Bob does not see, through Mirsad's
// queries (lists, counts, watchlists) or with plain SQL as a colleague with psql; the counts stay
// right through marking everything read, new articles and deleted ones.

#include "CounterCheck.h"
#include "FilterFixture.h"
#include "filters/Watchlist.h"
#include "storage/ArticleQueries.h"
#include "storage/ChangeListener.h"
#include "storage/Database.h"
#include "storage/PostgresDatabase.h"
#include "storage/Team.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <map>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestAnalystState : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    QHash<QString, qint64> m_ids;
    QHash<QString, qint64> m_feeds;
    QString m_alice, m_bob, m_rita;
    QStringList m_connections;
    std::map<QString, QSqlDatabase> m_as; // each person's connection (stable references)

    QSqlDatabase& as(const QString& user) {
        if (!m_as.contains(user)) {
            const QString name = storage::uniqueConnectionName(user);
            Result<QSqlDatabase> db = storage::openDatabase(m_db->pathAs(user), name, false);
            if (!db)
                qWarning("%s", qPrintable(db.error()));
            m_connections << name;
            m_as[user] = db ? *db : QSqlDatabase();
        }
        return m_as[user];
    }
    static qint64 scalar(const QSqlDatabase& db, const QString& sql) {
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return -1;
        }
        return query.value(0).toLongLong();
    }
    static QList<qint64> listed(const QSqlDatabase& db, const ArticleFilter& filter) {
        QList<qint64> ids;
        Result<QList<storage::ArticleSummary>> page = storage::listArticles(db, filter, 100);
        if (!page) {
            qWarning("%s", qPrintable(page.error()));
            return {-1};
        }
        for (const storage::ArticleSummary& article : *page)
            ids << article.id;
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    static qint64 counted(const QSqlDatabase& db, const ArticleFilter& filter) {
        Result<qint64> n = storage::countArticles(db, filter);
        return n ? *n : -1;
    }
    static ArticleFilter unread() {
        ArticleFilter filter;
        filter.unreadOnly = true;
        return filter;
    }
    static ArticleFilter starred() {
        ArticleFilter filter;
        filter.starredOnly = true;
        return filter;
    }
    static qint64 feedUnread(const QSqlDatabase& db) {
        Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db);
        qint64 sum = 0;
        for (const storage::FeedInfo& feed : feeds ? *feeds : QList<storage::FeedInfo>())
            sum += feed.unread;
        return feeds ? sum : -1;
    }
    QList<qint64> allIds() const {
        QList<qint64> ids = m_ids.values();
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    void countsRight(const QStringList& users) {
        for (const QString& user : users) {
            const QStringList wrong = test::counterMismatches(as(user));
            QVERIFY2(wrong.isEmpty(), qPrintable(user + u": "_s + wrong.join(u"; "_s)));
        }
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "each analyst's state needs the PostgreSQL run");
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db(), &m_feeds);
        QCOMPARE(m_ids.size(), 5);
        const QString run = QString::number(QCoreApplication::applicationPid());
        m_alice = u"alice_state_"_s + run;
        m_bob = u"bob_state_"_s + run;
        m_rita = u"rita_state_"_s + run;
        QVERIFY2(storage::initTeam(m_db->db()), "team init");
        for (const auto& [name, role] :
             {std::pair{m_alice, storage::TeamRole::Analyst}, std::pair{m_bob, storage::TeamRole::Analyst},
              std::pair{m_rita, storage::TeamRole::Reader}}) {
            const Status added = storage::addTeamMember(m_db->db(), name, role);
            QVERIFY2(added, qPrintable(added.error()));
        }
        for (const QString& user : {m_alice, m_bob, m_rita})
            QVERIFY(as(user).isOpen());
    }
    void cleanupTestCase() {
        m_as.clear();
        for (const QString& name : std::as_const(m_connections))
            storage::closeDatabase(name);
        delete m_db;
    }

    // The fixture's marks (Baghdad read, Kirkuk starred) are the owner's, who stored it.
    void everyoneStartsWithTheirOwnState() {
        QCOMPARE(listed(m_db->db(), starred()), QList<qint64>{m_ids[u"kirkuk"_s]});
        QCOMPARE(counted(m_db->db(), unread()), 4);
        for (const QString& user : {m_alice, m_bob, m_rita}) {
            QCOMPARE(listed(as(user), unread()), allIds());
            QCOMPARE(counted(as(user), unread()), 5);
            QCOMPARE(listed(as(user), starred()), QList<qint64>{});
            QCOMPARE(feedUnread(as(user)), 5);
        }
        countsRight({m_alice, m_bob});
    }

    void aliceReadsAndStarsBobSeesNone() {
        const qint64 kirkuk = m_ids[u"kirkuk"_s], erbil = m_ids[u"erbil-ar"_s];
        QVERIFY(storage::setRead(as(m_alice), kirkuk, true));
        QVERIFY(storage::setStarred(as(m_alice), erbil, true));
        QVERIFY(!storage::setRead(as(m_alice), 999999, true)); // no such article: an error, as before

        QList<qint64> aliceUnread = allIds();
        aliceUnread.removeOne(kirkuk);
        QCOMPARE(listed(as(m_alice), unread()), aliceUnread);
        QCOMPARE(counted(as(m_alice), unread()), 4);
        QCOMPARE(listed(as(m_alice), starred()), QList<qint64>{erbil});
        QCOMPARE(counted(as(m_alice), starred()), 1);
        QCOMPARE(feedUnread(as(m_alice)), 4);
        Result<Article> article = storage::loadArticle(as(m_alice), kirkuk);
        QVERIFY(article && article->read && !article->starred);
        Result<QList<storage::ArticleSummary>> all = storage::listArticles(as(m_alice), ArticleFilter{}, 10);
        QVERIFY(all);
        for (const storage::ArticleSummary& summary : *all) {
            QCOMPARE(summary.read, summary.id == kirkuk);
            QCOMPARE(summary.starred, summary.id == erbil);
        }

        // Unread and starred together with a name, a region and text: Kirkuk's article names
        // al-Sudani, as Erbil's does.
        Result<Article> loaded = storage::loadArticle(as(m_bob), kirkuk);
        QVERIFY(loaded && !loaded->read);
        QVERIFY(!loaded->mentions.isEmpty());
        for (const QString& user : {m_alice, m_bob}) {
            ArticleFilter texts = unread();
            texts.text = u"oil"_s;
            QCOMPARE(listed(as(user), texts), user == m_alice ? QList<qint64>{} : QList<qint64>{kirkuk});
        }
        countsRight({m_alice, m_bob, m_rita});
        for (const QString& user : {m_bob, m_rita}) {
            QCOMPARE(listed(as(user), unread()), allIds());
            QCOMPARE(listed(as(user), starred()), QList<qint64>{});
            QCOMPARE(feedUnread(as(user)), 5);
        }
    }

    // Behind a name or region, unread and starred are the analyst's own, and the name's unread
    // count is theirs (the team's count less their reads).
    void namesAndRegionsCountEachAnalyst() {
        const qint64 kirkuk = m_ids[u"kirkuk"_s];
        Result<Article> article = storage::loadArticle(as(m_bob), kirkuk);
        QVERIFY(article && !article->mentions.isEmpty());
        const QString entity = article->mentions.first().entityId;
        ArticleFilter named = unread();
        named.entityGroups = {{entity}};
        const qint64 bobs = counted(as(m_bob), named);
        QVERIFY(bobs >= 1);
        QCOMPARE(counted(as(m_alice), named), bobs - 1);
        QVERIFY(!listed(as(m_alice), named).contains(kirkuk));
        QVERIFY(listed(as(m_bob), named).contains(kirkuk));
        named.unreadOnly = false;
        named.starredOnly = true;
        QCOMPARE(listed(as(m_bob), named), QList<qint64>{});
        QVERIFY(storage::setStarred(as(m_bob), kirkuk, true));
        QCOMPARE(listed(as(m_bob), named), QList<qint64>{kirkuk});
        QVERIFY(!listed(as(m_alice), named).contains(kirkuk));
        QVERIFY(storage::setStarred(as(m_bob), kirkuk, false));
    }

    void watchlistsAreEachAnalysts() {
        Result<qint64> made = filters::addWatchlist(as(m_alice), u"Kirkuk unread"_s, unread());
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        Result<qint64> readers = filters::addWatchlist(as(m_rita), u"Rita's"_s, starred());
        QVERIFY2(readers, qPrintable(readers ? QString() : readers.error()));
        Result<QList<filters::Watchlist>> alices = filters::listWatchlists(as(m_alice), true);
        QVERIFY(alices);
        QCOMPARE(alices->size(), 1);
        QCOMPARE(alices->first().unread, 4);
        Result<QList<filters::Watchlist>> bobs = filters::listWatchlists(as(m_bob), true);
        QVERIFY(bobs && bobs->isEmpty());
        // The owner, whom row-level security does not bind, lists their own only too.
        Result<QList<filters::Watchlist>> owners = filters::listWatchlists(m_db->db(), false);
        QVERIFY(owners && owners->isEmpty());
        // Bob cannot rename, change or delete Alice's by its id.
        QVERIFY(!filters::renameWatchlist(as(m_bob), *made, u"mine"_s));
        QVERIFY(!filters::deleteWatchlist(as(m_bob), *made));
        QVERIFY(!filters::watchlistById(as(m_bob), *made));
        QVERIFY(filters::watchlistById(as(m_alice), *made));
    }

    // A colleague with psql: Bob neither reads nor changes Alice's rows.
    void theServerKeepsEachToTheirOwnRows() {
        const QString alice = m_alice;
        QSqlDatabase bob = as(m_bob);
        QCOMPARE(scalar(bob, u"SELECT count(*) FROM article_states WHERE analyst <> current_user::text"_s),
                 0);
        QCOMPARE(scalar(bob, u"SELECT count(*) FROM article_states WHERE analyst = '%1'"_s.arg(alice)), 0);
        QCOMPARE(scalar(bob, u"SELECT count(*) FROM watchlists"_s), 0);
        QCOMPARE(scalar(bob, u"SELECT count(*) FROM feed_reads WHERE analyst <> current_user::text"_s), 0);
        QCOMPARE(scalar(as(m_alice), u"SELECT count(*) FROM article_states WHERE read = 1"_s), 1);
        QSqlQuery query(bob);
        QVERIFY(query.exec(u"UPDATE article_states SET read = 0 WHERE analyst = '%1'"_s.arg(alice)));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"DELETE FROM article_states WHERE analyst = '%1'"_s.arg(alice)));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"UPDATE watchlists SET name = 'taken' WHERE analyst = '%1'"_s.arg(alice)));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"DELETE FROM watchlists"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        // Nor writes in her name, nor touches the counts.
        QVERIFY(!query.exec(u"INSERT INTO article_states (analyst, article_id, sort_time, read) VALUES "
                            "('%1', %2, 0, 1)"_s.arg(alice)
                                .arg(m_ids[u"basra"_s])));
        QVERIFY(!query.exec(u"INSERT INTO watchlists (analyst, name, filter, position, created) VALUES "
                            "('%1', 'x', '{}', 0, 0)"_s.arg(alice)));
        QVERIFY(!query.exec(u"UPDATE feed_reads SET read = 0"_s));
        QVERIFY(!query.exec(
            u"SELECT mirsad_count_reads(ARRAY['%1'], ARRAY[%2::bigint], ARRAY[1])"_s.arg(alice).arg(
                m_ids[u"basra"_s])));
        // A reader keeps a state of their own, and only that.
        QSqlQuery reader(as(m_rita));
        QVERIFY2(reader.exec(u"UPDATE articles SET read = 1 WHERE id = %1"_s.arg(m_ids[u"basra"_s])),
                 qPrintable(reader.lastError().text()));
        QCOMPARE(counted(as(m_rita), unread()), 4);
        QCOMPARE(counted(as(m_bob), unread()), 5);
        QCOMPARE(counted(as(m_alice), unread()), 4);
        QVERIFY(!reader.exec(u"UPDATE articles SET title = 'x' WHERE id = %1"_s.arg(m_ids[u"basra"_s])));
        countsRight({m_alice, m_bob, m_rita});
        QVERIFY(storage::setRead(as(m_rita), m_ids[u"basra"_s], false));
    }

    void markingAllReadIsTheAnalystsAndUndoes() {
        Result<QList<qint64>> marked = storage::setReadWhere(as(m_alice), unread(), true);
        QVERIFY2(marked, qPrintable(marked ? QString() : marked.error()));
        QCOMPARE(marked->size(), 4);
        QCOMPARE(counted(as(m_alice), unread()), 0);
        QCOMPARE(feedUnread(as(m_alice)), 0);
        QCOMPARE(counted(as(m_bob), unread()), 5);
        QCOMPARE(feedUnread(as(m_bob)), 5);
        countsRight({m_alice, m_bob});
        // Marked again: nothing changes, nothing to undo.
        Result<QList<qint64>> again = storage::setReadWhere(as(m_alice), ArticleFilter{}, true);
        QVERIFY(again && again->isEmpty());
        // Undo: the same articles unread again, Kirkuk (read before) stays read.
        QVERIFY(storage::setReadIds(as(m_alice), *marked, false));
        QCOMPARE(counted(as(m_alice), unread()), 4);
        countsRight({m_alice, m_bob});
        // Unread by a filter: Alice's read articles of one feed.
        ArticleFilter english;
        english.feedIds = {m_feeds[u"en"_s]};
        Result<QList<qint64>> unmarked = storage::setReadWhere(as(m_alice), english, false);
        QVERIFY(unmarked);
        QCOMPARE(*unmarked, QList<qint64>{m_ids[u"kirkuk"_s]});
        QCOMPARE(counted(as(m_alice), unread()), 5);
        QVERIFY(storage::setRead(as(m_alice), m_ids[u"kirkuk"_s], true));
        countsRight({m_alice, m_bob});
    }

    // With fewer unread than a page (after Mark All as Read) the page asks for no more than the
    // count the server keeps, and still lists every one of them: none, then one old article
    // marked unread again, of all feeds or of its own feed.
    void fewUnreadAreListedWhole() {
        Result<QList<qint64>> marked = storage::setReadWhere(as(m_alice), unread(), true);
        QVERIFY2(marked, qPrintable(marked ? QString() : marked.error()));
        QCOMPARE(listed(as(m_alice), unread()), QList<qint64>{});
        const qint64 basra = m_ids[u"basra"_s];
        QVERIFY(storage::setRead(as(m_alice), basra, false));
        QCOMPARE(listed(as(m_alice), unread()), QList<qint64>{basra});
        const qint64 feed = scalar(as(m_alice), u"SELECT feed_id FROM articles WHERE id = %1"_s.arg(basra));
        for (qint64 id : m_feeds.values()) {
            ArticleFilter inFeed = unread();
            inFeed.feedIds = {id};
            QCOMPARE(listed(as(m_alice), inFeed), id == feed ? QList<qint64>{basra} : QList<qint64>{});
        }
        QCOMPARE(listed(as(m_bob), unread()), allIds()); // Bob's reading is his own
        QVERIFY(storage::setReadIds(as(m_alice), *marked, false));
        QVERIFY(storage::setRead(as(m_alice), basra, marked->contains(basra) ? false : true));
        countsRight({m_alice, m_bob});
    }

    // The team's archive changes under everyone's state: a new article is unread for all, a
    // deleted one leaves every analyst's counts.
    void countsFollowNewAndDeletedArticles() {
        Article fresh;
        fresh.feedId = m_feeds[u"en"_s];
        fresh.guid = u"fresh"_s;
        fresh.title = u"Kirkuk governor visits Erbil"_s;
        fresh.text = u"The governor of Kirkuk met officials in Erbil on Monday."_s;
        fresh.published = test::utc(2021, 5, 13, 9);
        fresh.fetched = fresh.published;
        Result<storage::UpsertResult> stored = ingest::storeArticle(as(m_bob), fresh);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error()));
        QCOMPARE(counted(as(m_alice), unread()), 5);
        QCOMPARE(counted(as(m_bob), unread()), 6);
        QVERIFY(storage::setRead(as(m_bob), stored->id, true));
        QVERIFY(storage::setRead(as(m_alice), stored->id, true));
        countsRight({m_alice, m_bob});
        // Deleted (by an analyst: the archive is the team's).
        QSqlQuery remove(as(m_bob));
        QVERIFY2(remove.exec(
                     u"DELETE FROM articles WHERE id IN (%1, %2)"_s.arg(stored->id).arg(m_ids[u"kirkuk"_s])),
                 qPrintable(remove.lastError().text()));
        m_ids.remove(u"kirkuk"_s);
        countsRight({m_alice, m_bob, m_rita});
        QCOMPARE(scalar(m_db->db(),
                        u"SELECT count(*) FROM article_states WHERE article_id = %1"_s.arg(stored->id)),
                 0);
        QCOMPARE(counted(as(m_alice), unread()), 4);
        QCOMPARE(feedUnread(as(m_alice)), 4);
        QCOMPARE(counted(as(m_bob), unread()), 4);
    }

    // One analyst's reading is nobody else's news: no announcement reaches a colleague's window.
    void readingIsNotAnnounced() {
        storage::ChangeListener listener;
        QFuture<Status> started = listener.start(m_db->pathAs(m_bob));
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 10000);
        QVERIFY(started.result() && listener.isListening());
        QSignalSpy announced(&listener, &storage::ChangeListener::announced);
        QVERIFY(storage::setRead(as(m_alice), m_ids[u"basra"_s], true));
        QVERIFY(storage::setStarred(as(m_alice), m_ids[u"basra"_s], true));
        QVERIFY(storage::setReadWhere(as(m_alice), ArticleFilter{}, true));
        QVERIFY(filters::addWatchlist(as(m_alice), u"Another"_s, starred()));
        QTest::qWait(400);
        QCOMPARE(announced.count(), 0);
    }

    // Migration 010 on an archive that had a shared state: each of the team's people, and the
    // role migrating, keep it as their own; so do the watchlists.
    void theSharedStateCarriesOver() {
        test::TempDatabase older(false);
        QVERIFY2(older.isPostgres(), qPrintable(older.error()));
        QVERIFY2(older.ok(), qPrintable(older.error()));
        QSqlDatabase& db = older.db();
        for (const QString& file :
             {u"001_archive"_s, u"005_shared_annotations"_s, u"006_live_changes"_s,
              u"007_annotation_versions"_s, u"008_best_matches"_s, u"009_annotation_history"_s}) {
            QFile script(u":/migrations-postgresql/%1.sql"_s.arg(file));
            QVERIFY2(script.open(QIODevice::ReadOnly), qPrintable(file));
            const Status ran = storage::executeScript(db, QString::fromUtf8(script.readAll()));
            QVERIFY2(ran, qPrintable(ran.error()));
        }
        QSqlQuery query(db);
        QVERIFY(query.exec(u"INSERT INTO meta (key, value) VALUES ('schema_version', '9')"_s));
        const QHash<QString, qint64> ids = test::storeFixture(db);
        QCOMPARE(ids.size(), 5); // Baghdad read, Kirkuk starred: the whole team's, as before
        QVERIFY(query.exec(u"INSERT INTO watchlists (name, filter, position, created) VALUES ('Shared', "
                           "'{\"unread\":true}', 0, 0)"_s));
        // The team as an earlier `mirsadctl team init` set it up (its grants of that schema).
        QVERIFY(query.exec(u"SELECT current_database()"_s) && query.next());
        const QString database = query.value(0).toString();
        for (const QString& sql :
             {u"CREATE ROLE %1_reader NOLOGIN"_s, u"CREATE ROLE %1_analyst NOLOGIN"_s,
              u"CREATE ROLE %1_admin NOLOGIN"_s, u"GRANT %1_reader TO %1_analyst"_s,
              u"GRANT %1_analyst TO %1_admin"_s, u"GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %1_reader"_s,
              u"GRANT USAGE ON SCHEMA public TO %1_reader"_s,
              u"GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1_reader"_s,
              u"GRANT UPDATE (read, starred) ON articles TO %1_reader"_s,
              u"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1_analyst"_s,
              u"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1_analyst"_s})
            QVERIFY2(query.exec(sql.arg(database)), qPrintable(query.lastError().text()));
        QVERIFY(storage::addTeamMember(db, m_alice, storage::TeamRole::Analyst));
        QVERIFY(storage::addTeamMember(db, m_rita, storage::TeamRole::Reader));
        const Status migrated = storage::migratePostgres(db);
        QVERIFY2(migrated, qPrintable(migrated.error()));
        QCOMPARE(storage::postgresSchemaVersion(db), storage::latestPostgresSchemaVersion());

        for (const QString& user : {QString(), m_alice, m_rita}) {
            const QString name = storage::uniqueConnectionName(u"carried"_s);
            {
                Result<QSqlDatabase> as =
                    storage::openDatabase(user.isEmpty() ? older.path() : older.pathAs(user), name);
                QVERIFY2(as, qPrintable(as ? QString() : as.error()));
                QCOMPARE(listed(*as, starred()), QList<qint64>{ids[u"kirkuk"_s]});
                QCOMPARE(counted(*as, unread()), 4);
                QCOMPARE(feedUnread(*as), 4);
                const QStringList wrong = test::counterMismatches(*as);
                QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
                Result<QList<filters::Watchlist>> lists = filters::listWatchlists(*as, true);
                QVERIFY(lists && lists->size() == 1);
                QCOMPARE(lists->first().unread, 4);
                if (!user.isEmpty()) { // the reader's state is theirs to change
                    QVERIFY(storage::setRead(*as, ids[u"basra"_s], true));
                    QCOMPARE(counted(*as, unread()), 3);
                }
            }
            storage::closeDatabase(name);
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalystState)
#include "tst_analyststate.moc"
