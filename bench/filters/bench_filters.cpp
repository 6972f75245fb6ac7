// Filters and sidebar counts on a million generated articles: p50/p95 latency of the first page
// (listArticles, 200 rows) for person, region and text filters and their combinations, of the
// next page, and of the sidebar and watchlist counts. Goals (issue 18): a first page's p95 under
// 20 ms newest first and under 100 ms by relevance; a watchlist's unread count under 20 ms.
// Issue 19: text searches find every form of a word (clitics, the article, stems): their first
// page's p95 under 30 ms newest first and under 100 ms by relevance, and the search vocabulary
// that makes it possible at most 15 % of the full-text index's size. A database cached before
// the vocabulary existed (schema 17) has it filled here first, timed: the upgrade's cost.
// Run: ctest -C bench -R bench_filters --verbose, or bench_filters [articles] [runs] [--plans]
// [--postgresql=LOCATION]. Issue 21: with a PostgreSQL server's location (its maintenance
// database's URI, e.g. from tools/postgres-test-server) the archive is copied there once
// (storage::copyArchive, as `mirsadctl copy` does, into a database named after the cache file)
// and every first page is measured on both, side by side. Goal: p95 under 50 ms on PostgreSQL.
// The database is generated once (direct batched inserts, triggers maintaining the filter index)
// and cached next to the binary under a name that records its parameters.

#include "FilterCases.h"
#include "SearchIndexSize.h"
#include "filters/SidebarCounts.h"
#include "filters/Watchlist.h"
#include "names/Gazetteer.h"
#include "search/SearchText.h"
#include "storage/ArchiveCopy.h"
#include "storage/ArticleBody.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "storage/MentionsColumn.h"
#include "storage/ParallelRank.h"
#include "storage/SearchVocabulary.h"
#include "tagging/RegionIndex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

// 2: mentions stored as text, as the writer stores them (a blob copied to PostgreSQL stayed bytes).
constexpr int kGeneratorVersion = 2;
constexpr int kPageSize = 200;
const qint64 kEnd = generatedArchiveEnd().toSecsSinceEpoch();
const qint64 kSpan = qint64(5) * 365 * 86400;

QTextStream out(stdout);

// Picks index i with probability proportional to 1 / (i + 1): a few names dominate the news.
class Zipf {
public:
    explicit Zipf(qsizetype n) {
        double sum = 0;
        for (qsizetype i = 0; i < n; ++i)
            m_cumulative.push_back(sum += 1.0 / double(i + 1));
    }
    qsizetype pick(QRandomGenerator& random) const {
        const double x = random.generateDouble() * m_cumulative.back();
        return std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x) - m_cumulative.begin();
    }

private:
    std::vector<double> m_cumulative;
};

const QStringList kEnglishWords = {u"the"_s,
                                   u"government"_s,
                                   u"said"_s,
                                   u"minister"_s,
                                   u"meeting"_s,
                                   u"oil"_s,
                                   u"budget"_s,
                                   u"security"_s,
                                   u"forces"_s,
                                   u"election"_s,
                                   u"parliament"_s,
                                   u"agreement"_s,
                                   u"talks"_s,
                                   u"federal"_s,
                                   u"region"_s,
                                   u"salaries"_s,
                                   u"border"_s,
                                   u"water"_s,
                                   u"attack"_s,
                                   u"delegation"_s,
                                   u"visit"_s,
                                   u"on"_s,
                                   u"in"_s,
                                   u"with"_s,
                                   u"after"_s,
                                   u"crisis"_s,
                                   u"protest"_s,
                                   u"exports"_s,
                                   u"pipeline"_s,
                                   u"court"_s,
                                   u"decision"_s,
                                   u"council"_s,
                                   u"province"_s,
                                   u"camp"_s,
                                   u"displaced"_s,
                                   u"investment"_s,
                                   u"electricity"_s,
                                   u"drought"_s,
                                   u"customs"_s,
                                   u"referendum"_s,
                                   u"coalition"_s,
                                   u"militia"_s,
                                   u"reconstruction"_s,
                                   u"corruption"_s,
                                   u"inquiry"_s,
                                   u"statement"_s,
                                   u"spokesman"_s,
                                   u"reported"_s,
                                   u"week"_s};
const QStringList kArabicWords = {
    u"الحكومة"_s,   u"قال"_s,      u"وزير"_s,       u"اجتماع"_s,   u"النفط"_s,     u"الموازنة"_s,
    u"الأمن"_s,     u"القوات"_s,   u"الانتخابات"_s, u"البرلمان"_s, u"اتفاق"_s,     u"مباحثات"_s,
    u"الاتحادية"_s, u"الإقليم"_s,  u"الرواتب"_s,    u"الحدود"_s,   u"المياه"_s,    u"هجوم"_s,
    u"وفد"_s,       u"زيارة"_s,    u"في"_s,         u"على"_s,      u"مع"_s,        u"بعد"_s,
    u"أزمة"_s,      u"احتجاج"_s,   u"صادرات"_s,     u"الأنبوب"_s,  u"المحكمة"_s,   u"قرار"_s,
    u"مجلس"_s,      u"المحافظة"_s, u"مخيم"_s,       u"النازحين"_s, u"الاستثمار"_s, u"الكهرباء"_s,
    u"الجفاف"_s,    u"الجمارك"_s,  u"الاستفتاء"_s,  u"التحالف"_s,  u"الفصائل"_s,   u"الإعمار"_s,
    u"الفساد"_s,    u"تحقيق"_s,    u"بيان"_s,       u"المتحدث"_s,  u"أفاد"_s,      u"الأسبوع"_s};

// Names that lead the news: first in their Zipf lists.
const QStringList kLeadingPeople = {u"mohammed-shia-al-sudani"_s, u"masoud-barzani"_s,
                                    u"nechirvan-barzani"_s,       u"masrour-barzani"_s,
                                    u"mohammed-al-halbousi"_s,    u"mustafa-al-kadhimi"_s};
const QStringList kLeadingPlaces = {u"baghdad"_s, u"erbil"_s,  u"kirkuk"_s,
                                    u"mosul"_s,   u"basra"_s,  u"sulaymaniyah"_s,
                                    u"duhok"_s,   u"sinjar"_s, u"kurdistan-region"_s};

struct Pools {
    QList<const names::Entity*> people, places, organizations;
};

QList<const names::Entity*> pool(const names::Gazetteer& gazetteer, names::EntityKind kind,
                                 const QStringList& leading) {
    QList<const names::Entity*> result;
    for (const QString& id : leading)
        if (const names::Entity* entity = gazetteer.entity(id))
            result << entity;
    for (const names::Entity& entity : gazetteer.entities())
        if (entity.kind == kind && !leading.contains(entity.id))
            result << &entity;
    return result;
}

Status exec(QSqlQuery& query) {
    if (!query.exec())
        return Error{query.lastError().text()};
    return {};
}

Status run(QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error{u"%1: %2"_s.arg(sql, query.lastError().text())};
    return {};
}

// Generates `count` articles with their mentions, search index rows, read/starred state and notes.
Status generate(QSqlDatabase& db, const names::Gazetteer& gazetteer, qint64 count) {
    QElapsedTimer timer;
    timer.start();
    for (const QString& pragma : {u"PRAGMA synchronous=OFF"_s, u"PRAGMA cache_size=-262144"_s})
        if (Status s = run(db, pragma); !s)
            return s;
    const Pools pools{pool(gazetteer, names::EntityKind::Person, kLeadingPeople),
                      pool(gazetteer, names::EntityKind::Place, kLeadingPlaces),
                      pool(gazetteer, names::EntityKind::Organization, {})};
    const Zipf people(pools.people.size()), places(pools.places.size()),
        organizations(pools.organizations.size()), english(kEnglishWords.size()), arabic(kArabicWords.size());
    QRandomGenerator random(6);

    // Feeds in two folders.
    if (Status s =
            run(db, u"INSERT INTO folders (id, name) VALUES (1, 'Arabic press'), (2, 'English press')"_s);
        !s)
        return s;
    constexpr int kFeeds = 24;
    for (int feed = 1; feed <= kFeeds; ++feed)
        if (Status s = run(db, u"INSERT INTO feeds (id, url, title, folder_id, created) VALUES (%1, "
                               "'https://news%1.example/feed', 'News %1', %2, 0)"_s.arg(feed)
                                   .arg(feed % 2 + 1));
            !s)
            return s;

    QSqlQuery article(db), body(db), search(db), note(db), indexEntities(db);
    // The (entity, article) index; its counts and the regions follow after the last article.
    indexEntities.prepare(
        u"INSERT OR IGNORE INTO article_entities (entity_id, sort_time, article_id) "
        "SELECT j.value, a.sort_time, a.id FROM articles a, json_each(?) j WHERE a.id = ?"_s);
    article.prepare(
        u"INSERT INTO articles (id, feed_id, dedupe_key, link, title, source, published, fetched, "
        "sort_time, content_hash, read, starred, tagged_version, mentions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)"_s);
    body.prepare(u"INSERT INTO article_bodies (article_id, body) VALUES (?, ?)"_s);
    search.prepare(u"INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"_s);
    note.prepare(
        u"INSERT INTO notes (article_id, body, author, created, updated) VALUES (?, ?, 'bench', ?, ?)"_s);

    constexpr qint64 kBatch = 20000;
    for (qint64 id = 1; id <= count; ++id) {
        if (id % kBatch == 1 && !db.transaction())
            return Error{db.lastError().text()};
        const bool isArabic = random.bounded(2) == 0;
        // Roughly in time order, as feeds deliver them, with some jitter.
        const qint64 time = kEnd - kSpan + kSpan * id / count + random.bounded(-2 * 86400, 2 * 86400);
        struct Found {
            const names::Entity* entity;
            qsizetype start, end;
            QString surface;
        };
        QList<Found> found;
        QString text, title;
        auto words = [&](QString& into, int n) {
            for (int i = 0; i < n; ++i) {
                if (!into.isEmpty())
                    into += u' ';
                into += isArabic ? kArabicWords[arabic.pick(random)] : kEnglishWords[english.pick(random)];
            }
        };
        auto name = [&](const names::Entity* entity) {
            const QString surface = isArabic && !entity->nameAr.isEmpty() ? entity->nameAr : entity->name;
            text += u' ';
            found << Found{entity, text.size(), text.size() + surface.size(), surface};
            text += surface;
        };
        words(title, 4 + int(random.bounded(5)));
        const int mentions = 3 + int(random.bounded(6));
        for (int i = 0; i < mentions; ++i) {
            words(text, 8 + int(random.bounded(20)));
            const int kind = int(random.bounded(10));
            if (kind < 4)
                name(pools.people[people.pick(random)]);
            else if (kind < 8)
                name(pools.places[places.pick(random)]);
            else
                name(pools.organizations[organizations.pick(random)]);
            text += u'.';
        }
        if (!found.isEmpty())
            title += u' ' + found.first().surface;
        const bool old = time < kEnd - 30 * 86400;
        QList<StoredMention> stored;
        for (const Found& f : found)
            stored << StoredMention{f.entity->id, f.start, f.end, f.surface};
        for (const QVariant& value :
             {QVariant(id), QVariant(1 + id % kFeeds), QVariant(u"bench-%1"_s.arg(id)),
              QVariant(u"https://news.example/%1"_s.arg(id)), QVariant(title), QVariant(u""_s),
              QVariant(time), QVariant(time), QVariant(time), QVariant(u"h%1"_s.arg(id)),
              QVariant(old ? random.bounded(10) < 9 : random.bounded(10) < 3),
              QVariant(random.bounded(50) == 0),
              QVariant(QString::fromUtf8(storage::encodeMentions(stored)))})
            article.addBindValue(value);
        if (Status s = exec(article); !s)
            return s;
        body.addBindValue(id);
        body.addBindValue(storage::compressBody({}, text.toUtf8()));
        if (Status s = exec(body); !s)
            return s;
        search.addBindValue(id);
        search.addBindValue(search::searchText(title));
        search.addBindValue(search::searchText(text));
        if (Status s = exec(search); !s)
            return s;
        indexEntities.addBindValue(storage::encodeEntityIds(stored));
        indexEntities.addBindValue(id);
        if (Status s = exec(indexEntities); !s)
            return s;
        if (random.bounded(200) == 0) {
            for (const QVariant& value :
                 {QVariant(id), QVariant(u"A note."_s), QVariant(time), QVariant(time)})
                note.addBindValue(value);
            if (Status s = exec(note); !s)
                return s;
        }
        if (id % kBatch == 0 || id == count) {
            if (!db.commit())
                return Error{db.lastError().text()};
            if (id % (kBatch * 10) == 0 || id == count)
                out << "  generated " << id << " articles in " << timer.elapsed() / 1000 << " s" << Qt::endl;
        }
    }
    // What storage::ArticleWriter keeps up per batch, here in one pass: the articles per entity,
    // then the regions and their counts, which syncRegionIndex rebuilds from article_entities.
    if (Status s = run(db, u"INSERT INTO entity_counts (entity_id, articles, unread) "
                           "SELECT e.entity_id, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "
                           "articles u INDEXED BY articles_unread WHERE u.read = 0 AND u.sort_time = "
                           "e.sort_time AND u.rowid = e.article_id)) FROM article_entities e GROUP BY 1"_s);
        !s)
        return s;
    if (Status s = tagging::syncRegionIndex(db, gazetteer); !s)
        return s;
    if (Status s =
            run(db, u"UPDATE feeds SET article_count = (SELECT count(*) FROM articles a WHERE a.feed_id = "
                    "feeds.id), unread_count = (SELECT count(*) FROM articles a WHERE a.feed_id = "
                    "feeds.id AND a.read = 0)"_s);
        !s)
        return s;
    if (Status s = run(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !s)
        return s;
    if (Status s = run(db, u"ANALYZE"_s); !s)
        return s;
    // The index rows went in directly, not through the writer: their words are added to the
    // search vocabulary as for an upgraded archive, by main() (timed).
    if (Status s = run(db, u"INSERT INTO search_vocabulary_fill (after_word) VALUES ('')"_s); !s)
        return s;
    if (Status s = run(db, u"INSERT INTO meta (key, value) VALUES ('bench_complete', '1')"_s); !s)
        return s;
    return run(db, u"PRAGMA synchronous=NORMAL"_s);
}

bool isComplete(QSqlDatabase& db) {
    QSqlQuery query(db);
    return query.exec(u"SELECT value FROM meta WHERE key = 'bench_complete'"_s) && query.next();
}

struct Sample {
    double p50 = 0, p95 = 0;
    qsizetype rows = 0;
};

Sample summarise(std::vector<double> times, qsizetype rows) {
    std::sort(times.begin(), times.end());
    auto at = [&](double q) {
        return times[std::min(times.size() - 1, size_t(std::ceil(q * double(times.size())) - 1))];
    };
    return {at(0.5), at(0.95), rows};
}

Sample measure(int runs, const std::function<qsizetype()>& work) {
    std::vector<double> times;
    qsizetype rows = work(); // warm-up: the first run pays for reading pages from disk
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        rows = work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return summarise(times, rows);
}

// Two ways of doing the same work, alternately, so that both see the same machine: their samples.
std::pair<Sample, Sample> measurePair(int runs, const std::function<qsizetype()>& a,
                                      const std::function<qsizetype()>& b) {
    std::vector<double> timesA, timesB;
    qsizetype rowsA = a(), rowsB = b();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        rowsA = a();
        timesA.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        rowsB = b();
        timesB.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return {summarise(timesA, rowsA), summarise(timesB, rowsB)};
}

// The archive's copy on the PostgreSQL server at `server`: made (copied from `db`) when missing or
// incomplete, then analysed. The database is named after the SQLite cache file.
Result<QSqlDatabase> postgresCopy(const QString& server, const QString& name, QSqlDatabase& db) {
    {
        Result<QSqlDatabase> admin = storage::openDatabase(server, u"bench-admin"_s, false);
        if (!admin)
            return admin;
        QSqlQuery query(*admin);
        query.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
        query.addBindValue(name);
        if (!query.exec())
            return Error{query.lastError().text()};
        if (!query.next() && !query.exec(u"CREATE DATABASE %1"_s.arg(name)))
            return Error{query.lastError().text()};
    }
    storage::closeDatabase(u"bench-admin"_s);
    QString location = server;
    location.replace(u"@/postgres?"_s, u"@/%1?"_s.arg(name));
    Result<QSqlDatabase> pg = storage::openDatabase(location, u"bench-pg"_s);
    if (!pg)
        return pg;
    if (!isComplete(*pg)) {
        out << "Copying the archive to PostgreSQL (" << location << ")..." << Qt::endl;
        QElapsedTimer timer;
        timer.start();
        storage::ArchiveCopyOptions options;
        options.batchSize = 5000;
        Result<QList<storage::CopyCount>> counts = storage::copyArchive(db, *pg, options);
        if (!counts)
            return Error{counts.error()};
        if (!storage::countsMatch(*counts))
            return Error{u"the copy's counts differ from the archive's"_s};
        QSqlQuery query(*pg);
        if (!query.exec(
                u"INSERT INTO meta (key, value) VALUES ('bench_complete', '1') ON CONFLICT DO NOTHING"_s))
            return Error{query.lastError().text()};
        out << "Copied in " << timer.elapsed() / 1000 << " s" << Qt::endl;
    }
    QSqlQuery analyze(*pg);
    if (!analyze.exec(u"VACUUM ANALYZE"_s))
        return Error{analyze.lastError().text()};
    return pg;
}

// Issue 22: read, unread and starred are each analyst's on PostgreSQL (migration 010): first
// pages of the state filters, the feed list's unread counts, watchlist-style unread counts, and
// marking every article read as one statement (then undone), for the connected analyst.
void measureAnalystState(QSqlDatabase& pg, int runs, const ArticleFilter& region, const QStringList& person) {
    out << "\nEach analyst's state on PostgreSQL (" << runs << " runs each):\n";
    auto with = [](ArticleFilter f, bool unread, bool starred) {
        f.unreadOnly = unread;
        f.starredOnly = starred;
        return f;
    };
    ArticleFilter named;
    named.entityGroups << person;
    const QList<std::pair<QString, ArticleFilter>> pages = {
        {u"first page: unread"_s, with({}, true, false)},
        {u"first page: starred"_s, with({}, false, true)},
        {u"first page: unread + region Kurdistan Region"_s, with(region, true, false)},
        {u"first page: starred + person al-Sudani"_s, with(named, false, true)},
        {u"first page: unread + starred"_s, with({}, true, true)},
    };
    auto row = [](const QString& name, const Sample& sample) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(name, -44)
                   .arg(sample.rows, 7)
                   .arg(sample.p50, 8, 'f', 2)
                   .arg(sample.p95, 8, 'f', 2)
            << Qt::flush;
    };
    for (const auto& [name, filter] : pages)
        row(name, measure(runs, [&] {
                Result<QList<storage::ArticleSummary>> page = storage::listArticles(pg, filter, kPageSize);
                return page ? page->size() : -1;
            }));
    // The same pages' statements as before migration 010 (the shared columns, still on the
    // server with their partial indexes and the state the migration gave this role) and now.
    const QString columns =
        u"SELECT a.id, a.feed_id, a.title, f.title, a.source, a.link, coalesce(a.published, a.fetched), "
        "a.sort_time, %1, (SELECT count(*) FROM notes n WHERE n.article_id = a.id), f.url FROM "_s;
    const QString state =
        u"coalesce((SELECT s.read FROM article_states s WHERE s.analyst = current_user::text AND "
        "s.article_id = a.id), 0), coalesce((SELECT s.starred FROM article_states s WHERE "
        "s.analyst = current_user::text AND s.article_id = a.id), 0)"_s;
    const QString page = u" ORDER BY %1.sort_time DESC, %2 DESC LIMIT 200"_s;
    const QList<std::pair<QString, QString>> statements = {
        {u"statement before: unread page (a.read = 0)"_s,
         columns.arg(u"a.read, a.starred"_s) +
             u"articles a JOIN feeds f ON f.id = a.feed_id WHERE a.read = 0"_s + page.arg(u"a"_s, u"a.id"_s)},
        {u"statement now: unread page (analyst's rows)"_s,
         columns.arg(state) +
             u"articles a JOIN feeds f ON f.id = a.feed_id WHERE coalesce((SELECT s.read FROM article_states "
             u"s "
             "WHERE s.analyst = current_user::text AND s.article_id = a.id), 0) = 0"_s +
             page.arg(u"a"_s, u"a.id"_s)},
        {u"statement before: starred page (a.starred = 1)"_s,
         columns.arg(u"a.read, a.starred"_s) +
             u"articles a JOIN feeds f ON f.id = a.feed_id WHERE a.starred = 1"_s +
             page.arg(u"a"_s, u"a.id"_s)},
        {u"statement now: starred page (analyst's rows)"_s,
         columns.arg(state) +
             u"article_states st JOIN articles a ON a.id = st.article_id JOIN feeds f ON f.id = a.feed_id "
             "WHERE st.analyst = current_user::text AND st.starred = 1"_s +
             page.arg(u"st"_s, u"st.article_id"_s)},
        {u"statement before: feed list unread"_s, u"SELECT f.id, f.unread_count FROM feeds f"_s},
        {u"statement now: feed list unread"_s,
         u"SELECT f.id, f.article_count - coalesce((SELECT r.read FROM feed_reads r WHERE r.analyst = "
         "current_user::text AND r.feed_id = f.id), 0) FROM feeds f"_s},
    };
    for (const auto& [name, sql] : statements)
        row(name, measure(runs, [&] {
                QSqlQuery query(pg);
                query.setForwardOnly(true);
                if (!query.exec(sql)) {
                    out << "    " << query.lastError().text() << Qt::endl;
                    return qsizetype(-1);
                }
                qsizetype n = 0;
                while (query.next())
                    ++n;
                return n;
            }));
    row(u"feed list with unread counts"_s, measure(runs, [&] {
            Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(pg);
            return feeds ? feeds->size() : -1;
        }));
    for (const auto& [name, filter] :
         {std::pair{u"unread count: all"_s, with({}, true, false)},
          std::pair{u"unread count: region Kurdistan Region"_s, with(region, true, false)},
          std::pair{u"unread count: person al-Sudani"_s, with(named, true, false)}})
        row(name, measure(std::min(runs, 10), [&] {
                Result<qint64> n = storage::countArticles(pg, filter);
                return n ? qsizetype(*n) : -1;
            }));
    // Every unread article read at once, and undone: the same articles unread again.
    std::vector<double> marking, undoing;
    qsizetype marked = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        Result<QList<qint64>> ids = storage::setReadWhere(pg, with({}, true, false), true);
        marking.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!ids) {
            out << "    " << ids.error() << Qt::endl;
            return;
        }
        marked = ids->size();
        timer.restart();
        if (Status s = storage::setReadIds(pg, *ids, false); !s) {
            out << "    " << s.error() << Qt::endl;
            return;
        }
        undoing.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    row(u"mark all read (one statement)"_s, summarise(marking, marked));
    row(u"undo: the same unread again"_s, summarise(undoing, marked));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool showPlans = args.contains(u"--plans"_s);
    QString postgresServer;
    for (const QString& a : args)
        if (a.startsWith(u"--postgresql="_s))
            postgresServer = a.mid(13);
    QStringList numbers = args.mid(1);
    numbers.removeIf([](const QString& a) { return a.startsWith(u"--"_s); });
    const qint64 count = numbers.value(0, u"1000000"_s).toLongLong();
    const int runs = numbers.value(1, u"40"_s).toInt();

    Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
    if (!gazetteer) {
        out << "bench_filters: " << gazetteer.error() << Qt::endl;
        return 1;
    }
    const QString path = QStringLiteral(MIRSAD_BENCH_DIR "/bench_filters_%1_g%2_v%3.sqlite")
                             .arg(count)
                             .arg(kGeneratorVersion)
                             .arg(gazetteer->version().left(8));
    Result<QSqlDatabase> opened = storage::openDatabase(path, u"bench"_s);
    if (!opened) {
        out << "bench_filters: " << opened.error() << Qt::endl;
        return 1;
    }
    QSqlDatabase db = *opened;
    if (!isComplete(db)) {
        db = QSqlDatabase();
        opened = Error{};
        storage::closeDatabase(u"bench"_s);
        for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
        opened = storage::openDatabase(path, u"bench"_s);
        if (!opened) {
            out << "bench_filters: " << opened.error() << Qt::endl;
            return 1;
        }
        db = *opened;
        out << "Generating " << count << " articles into " << path << Qt::endl;
        QElapsedTimer timer;
        timer.start();
        if (Status s = generate(db, *gazetteer, count); !s) {
            out << "bench_filters: generating failed: " << s.error() << Qt::endl;
            return 1;
        }
        out << "Generated in " << timer.elapsed() / 1000 << " s, " << QFileInfo(path).size() / (1 << 20)
            << " MB" << Qt::endl;
    } else {
        out << "Using the cached database " << path << Qt::endl;
    }

    if (storage::searchVocabularyFilling(db)) {
        out << "Filling the search vocabulary (as an archive from before it does once)..." << Qt::endl;
        QElapsedTimer timer;
        timer.start();
        // In the window's steps: each one a transaction of its own.
        constexpr int kStep = 5000;
        const Result<qint64> words = storage::fillWholeSearchVocabulary(db, kStep);
        if (!words) {
            out << "bench_filters: filling the search vocabulary failed: " << words.error() << Qt::endl;
            return 1;
        }
        out << "Filled in " << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s: " << *words
            << " words of the index in steps of " << kStep << Qt::endl;
        if (Status s = run(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !s)
            out << "bench_filters: " << s.error() << Qt::endl;
    }
    {
        QElapsedTimer timer;
        timer.start();
        const SearchIndexSize size = measureSearchIndexSize(db);
        out << "Index growth: " << size.describe() << " (measured in " << timer.elapsed() / 1000 << " s)"
            << Qt::endl;
    }

    std::optional<QSqlDatabase> pg;
    if (!postgresServer.isEmpty()) {
        Result<QSqlDatabase> copy =
            postgresCopy(postgresServer, QFileInfo(path).completeBaseName().toLower(), db);
        if (!copy) {
            out << "bench_filters: PostgreSQL: " << copy.error() << Qt::endl;
            return 1;
        }
        pg = *copy;
    }

    const QList<FilterCase> cases = firstPageCases();

    // Relevance ranks a common word's every match; the archive is ranked in slices on as many
    // connections as there are cores (storage/ParallelRank.h). Both ways, alternately.
    out << "\nRanking the best " << kPageSize << " matches on one connection, and in slices on "
        << QThread::idealThreadCount() << ":\n";
    for (const FilterCase& c : cases) {
        ArticleFilter others = c.filter;
        others.text.clear();
        if (c.order != storage::ArticleOrder::Relevance || !others.isEmpty())
            continue;
        const Result<storage::CompiledSearch> compiled = storage::compileSearch(db, c.filter.text);
        if (!compiled)
            continue;
        auto rankIn = [&](int parts) {
            return [&, parts] {
                Result<QList<storage::RankedMatch>> ranked =
                    storage::rankMatches(db, compiled->match, compiled->terms, kPageSize, parts);
                return ranked ? ranked->size() : -1;
            };
        };
        const auto [one, sliced] = measurePair(runs, rankIn(1), rankIn(0));
        out << QStringLiteral("%1 p50 %2 ms, sliced %3 ms (%4x); p95 %5 ms, sliced %6 ms\n")
                   .arg(c.name, -44)
                   .arg(one.p50, 0, 'f', 2)
                   .arg(sliced.p50, 0, 'f', 2)
                   .arg(one.p50 / sliced.p50, 0, 'f', 2)
                   .arg(one.p95, 0, 'f', 2)
                   .arg(sliced.p95, 0, 'f', 2);
    }
    if (args.contains(u"--ranking-only"_s))
        return 0;

    out << "\nFirst page (" << kPageSize << " rows), " << runs << " runs each, warm cache:\n";
    out << QStringLiteral("%1 %2 %3 %4%5\n")
               .arg(u"filter"_s, -44)
               .arg(u"rows"_s, 5)
               .arg(u"p50 ms"_s, 8)
               .arg(u"p95 ms"_s, 8)
               .arg(pg ? u"   PostgreSQL: rows   p50 ms   p95 ms"_s : QString());
    double worst = 0;
    double worstPostgres = 0;
    double worstRanked = 0;
    double worstText = 0; // newest first, with a text search (issue 19's goal)
    for (const FilterCase& c : cases) {
        const Sample sample = measure(runs, [&] {
            Result<QList<storage::ArticleSummary>> page =
                storage::listArticles(db, c.filter, kPageSize, {}, c.order);
            return page ? page->size() : -1;
        });
        if (c.order == storage::ArticleOrder::Newest) { // the goals differ by order
            worst = std::max(worst, sample.p95);
            if (!c.filter.text.isEmpty())
                worstText = std::max(worstText, sample.p95);
        } else {
            worstRanked = std::max(worstRanked, sample.p95);
        }
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(c.name, -44)
                   .arg(sample.rows, 5)
                   .arg(sample.p50, 8, 'f', 2)
                   .arg(sample.p95, 8, 'f', 2);
        if (pg) {
            const Sample onPostgres = measure(runs, [&] {
                Result<QList<storage::ArticleSummary>> page =
                    storage::listArticles(*pg, c.filter, kPageSize, {}, c.order);
                if (!page)
                    out << "\n    " << page.error();
                return page ? page->size() : -1;
            });
            worstPostgres = std::max(worstPostgres, onPostgres.p95);
            out << QStringLiteral("   %1 %2 %3")
                       .arg(onPostgres.rows, 16)
                       .arg(onPostgres.p50, 8, 'f', 2)
                       .arg(onPostgres.p95, 8, 'f', 2);
        }
        out << Qt::endl; // each row as it is measured (a slow case shows which)
        if (showPlans) {
            if (Result<QStringList> plan = storage::explainListArticles(db, c.filter, c.order))
                out << "    " << plan->join(u"\n    "_s) << '\n';
            if (pg)
                if (Result<QStringList> plan = storage::explainListArticles(*pg, c.filter, c.order))
                    out << "    " << plan->join(u"\n    "_s) << '\n';
        }
    }

    out << "\nNext page (after the first " << kPageSize << "):\n";
    for (const FilterCase& c : cases.mid(1, 4)) {
        Result<QList<storage::ArticleSummary>> first = storage::listArticles(db, c.filter, kPageSize);
        if (!first || first->isEmpty())
            continue;
        const storage::PageCursor cursor{first->last().sortTime, first->last().id};
        const Sample sample = measure(runs, [&] {
            Result<QList<storage::ArticleSummary>> page =
                storage::listArticles(db, c.filter, kPageSize, cursor);
            return page ? page->size() : -1;
        });
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(c.name, -44)
                   .arg(sample.rows, 5)
                   .arg(sample.p50, 8, 'f', 2)
                   .arg(sample.p95, 8, 'f', 2);
    }

    out << "\nSidebar:\n";
    const Sample counts = measure(runs, [&] {
        Result<filters::SidebarCounts> c = filters::loadSidebarCounts(db);
        return c ? c->regions.size() + c->entities.size() : -1;
    });
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(u"region tree + entity counts"_s, -44)
               .arg(counts.rows, 5)
               .arg(counts.p50, 8, 'f', 2)
               .arg(counts.p95, 8, 'f', 2);
    for (const FilterCase& c : {cases[9], cases[4], cases[3]}) {
        ArticleFilter unread = c.filter;
        unread.unreadOnly = true;
        const Sample sample = measure(std::min(runs, 10), [&] {
            Result<qint64> n = storage::countArticles(db, unread);
            return n ? qsizetype(*n) : -1;
        });
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(u"watchlist unread: "_s + c.name, -44)
                   .arg(sample.rows, 5)
                   .arg(sample.p50, 8, 'f', 2)
                   .arg(sample.p95, 8, 'f', 2);
    }
    if (pg)
        measureAnalystState(*pg, runs, cases[3].filter, QStringList{u"mohammed-shia-al-sudani"_s});
    out << "\nWorst first-page p95, newest first: " << QString::number(worst, 'f', 2)
        << " ms (goal: under 20 ms)\nWorst first-page p95 of a text search, newest first: "
        << QString::number(worstText, 'f', 2)
        << " ms (goal: under 30 ms)\nWorst first-page p95, by relevance: "
        << QString::number(worstRanked, 'f', 2) << " ms (goal: under 100 ms)" << Qt::endl;
    if (pg)
        out << "Worst first-page p95 on PostgreSQL, either order: " << QString::number(worstPostgres, 'f', 2)
            << " ms (goal: under 50 ms)" << Qt::endl;
    return 0;
}
