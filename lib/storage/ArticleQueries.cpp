#include "storage/ArticleQueries.h"

#include "storage/ArticleBody.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/FeedQueries.h"
#include "storage/MentionsColumn.h"
#include "storage/ParallelRank.h"
#include "storage/PostgresBestMatches.h"
#include "storage/PostgresSearch.h"
#include "storage/SearchRank.h"
#include "storage/SearchVocabulary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariantList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace mirsad::storage {

namespace {

QDateTime fromEpoch(const QVariant& value) {
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

QString placeholders(qsizetype count) {
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

// A query's SQL fragment with its bound values in order.
struct Clause {
    QString sql;
    QVariantList values;
};

// Where the rows of a query come from. With a name or region condition the most selective one
// "drives": the query walks its (id, sort_time, article_id) index newest first and stops at
// LIMIT, and every other condition is an indexed probe per article.
struct Driver {
    // Search: by relevance, with other conditions; Ranked: by relevance, the text alone. Noted
    // (PostgreSQL): the articles with notes, looked up by id.
    // Starred (PostgreSQL): the analyst's starred articles, newest first (migration 010).
    enum Kind { Articles, Entity, Region, Search, Ranked, Noted, Starred } kind = Articles;
    QString id;
    qsizetype entityGroup = -1; // the group it came from (skipped as a probe)
    qsizetype region = -1;
    int keep = 0;         // Ranked: the rows the page shows
    qint64 articles = -1; // Entity, Region: how many articles it walks at most (chooseDriver)
};

// How a text condition is checked. A rare text is looked up whole (its few matches become an id
// list the query starts from); a common one is checked chunk by chunk, see listWithCommonText.
// Either way the index is read once, newest match first: a prefix query pays its setup (merging
// the doclists of every word with that prefix) once per page, then streams.
struct TextPlan {
    // Probe (PostgreSQL only): each row of the other conditions' walk is probed by its key.
    enum Kind { None, Ids, Common, Set, Probe } kind = None;
    QString match;
    QString terms;                      // for mirsad_rank: how the match's phrases rank
    QList<qint64> ids;                  // Ids: every match; Common: the newest ones, read so far
    std::shared_ptr<QSqlQuery> matches; // Common: the rest of the matches, newest first
    // PostgreSQL: `match` is a tsquery (storage/PostgresSearch.h), `typed` its words as typed; a
    // common text is a Set, which the planner joins (there is no Common there).
    bool postgres = false;
    QString typed;
    QStringList groups;      // its required words one by one (CompiledSearch::groups)
    QStringList typedGroups; // and their forms as typed
};

constexpr int rareText = 2000;

// The planner's estimate of a tsquery's matches (its statistics of the words), or -1.
qint64 postgresMatchEstimate(const QSqlDatabase& db, const QString& match) {
    QString literal = match;
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    QSqlQuery query(db); // EXPLAIN cannot be prepared: the tsquery (folded words) is a literal
    if (!query.exec(QStringLiteral("EXPLAIN SELECT 1 FROM article_search WHERE document @@ '%1'::tsquery")
                        .arg(literal)) ||
        !query.next())
        return -1;
    const QString line = query.value(0).toString();
    const qsizetype at = line.indexOf(QStringLiteral(" rows="));
    if (at < 0)
        return -1;
    const qsizetype end = line.indexOf(QLatin1Char(' '), at + 6);
    return line.mid(at + 6, end < 0 ? -1 : end - at - 6).toLongLong();
}

// `asSet`: the text stays a condition of the query (for counts, and for relevance, which reads
// the matches itself): no need to read the newest of them first.
Result<TextPlan> planText(const QSqlDatabase& db, const ArticleFilter& filter, bool asSet) {
    TextPlan plan;
    Result<CompiledSearch> compiled = compileSearch(db, filter.text);
    if (!compiled)
        return Error{compiled.error()};
    plan.match = compiled->match;
    plan.terms = compiled->terms;
    plan.typed = compiled->typed;
    plan.groups = compiled->groups;
    plan.typedGroups = compiled->typedGroups;
    plan.postgres = isPostgres(db);
    if (plan.match.isEmpty())
        return plan;
    plan.kind = TextPlan::Set;
    if (asSet)
        return plan;
    if (plan.postgres) {
        // The GIN index finds a rare text's few matches at once; they become an id list. A common
        // one is probed row by row (listWithCommonTextPostgres). The planner's estimate (from the
        // words' statistics) tells a common text without reading its thousands of matches.
        if (postgresMatchEstimate(db, plan.match) > 4 * rareText)
            return plan;
        QSqlQuery matches(db);
        matches.setForwardOnly(true);
        matches.prepare(QStringLiteral("SELECT article_id FROM article_search WHERE document @@ ?::tsquery "
                                       "LIMIT %1")
                            .arg(rareText + 1));
        matches.addBindValue(plan.match);
        if (!matches.exec())
            return couldNot(QStringLiteral("search the articles"), matches.lastError().text());
        while (matches.next())
            plan.ids << matches.value(0).toLongLong();
        if (plan.ids.size() <= rareText)
            plan.kind = TextPlan::Ids;
        else
            plan.ids.clear();
        return plan;
    }
    plan.matches = std::make_shared<QSqlQuery>(db);
    plan.matches->setForwardOnly(true);
    plan.matches->prepare(
        QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC"));
    plan.matches->addBindValue(plan.match);
    if (!plan.matches->exec())
        return couldNot(QStringLiteral("search the articles"), plan.matches->lastError().text());
    while (plan.ids.size() <= rareText && plan.matches->next())
        plan.ids << plan.matches->value(0).toLongLong();
    plan.kind = plan.ids.size() <= rareText ? TextPlan::Ids : TextPlan::Common;
    if (plan.kind == TextPlan::Ids)
        plan.matches.reset();
    return plan;
}

QString idList(const QList<qint64>& ids) {
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids)
        numbers << QString::number(id);
    return numbers.isEmpty() ? QStringLiteral("NULL") : numbers.join(QLatin1Char(','));
}

QString timeColumn(const Driver& driver) {
    if (driver.kind == Driver::Starred)
        return QStringLiteral("st.sort_time");
    return driver.kind == Driver::Entity || driver.kind == Driver::Region ? QStringLiteral("d.sort_time")
                                                                          : QStringLiteral("a.sort_time");
}

QString idColumn(const Driver& driver) {
    if (driver.kind == Driver::Starred)
        return QStringLiteral("st.article_id");
    return driver.kind == Driver::Entity || driver.kind == Driver::Region ? QStringLiteral("d.article_id")
                                                                          : QStringLiteral("a.id");
}

// PostgreSQL: the connected analyst's read or starred mark of an article (migration 010), a
// scalar subquery: one probe of article_states' primary key per row, never a join.
QString analystState(const QString& column, const QString& articleId) {
    return QStringLiteral("coalesce((SELECT s.%1 FROM article_states s WHERE s.analyst = current_user::text "
                          "AND s.article_id = %2), 0)")
        .arg(column, articleId);
}

// How many articles a driver would walk through at most (its precomputed count), or with
// `unread` how many of them are unread (migration 013; on PostgreSQL the team's count less the
// analyst's reads, migration 010).
qint64 driverSize(const QSqlDatabase& db, const QString& table, const QString& column, const QString& id,
                  bool unread = false) {
    QSqlQuery query(db);
    QString reads = table;
    reads.replace(QLatin1String("_counts"), QLatin1String("_reads"));
    const QString count =
        !unread          ? QStringLiteral("articles")
        : isPostgres(db) ? QStringLiteral("articles - coalesce((SELECT r.read FROM %1 r WHERE r.analyst = "
                                          "current_user::text AND r.%2 = c.%2), 0)")
                               .arg(reads, column)
                         : QStringLiteral("unread");
    query.prepare(QStringLiteral("SELECT %1 FROM %2 c WHERE %3 = ?").arg(count, table, column));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

// PostgreSQL's estimate of a table's or an index's rows (pg_class.reltuples, kept by ANALYZE and
// autovacuum), or -1 when it has none yet.
qint64 postgresRows(const QSqlDatabase& db, const QString& relation) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)"));
    query.addBindValue(relation);
    if (!query.exec() || !query.next() || query.isNull(0))
        return -1;
    return qint64(query.value(0).toDouble());
}

// PostgreSQL: how many articles the analyst starred, counted up to `atMost`; -1 on error.
qint64 analystStarred(const QSqlDatabase& db, qint64 atMost) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM article_states WHERE analyst = "
                                 "current_user::text AND starred = 1 LIMIT ?) AS s"));
    query.addBindValue(std::min<qint64>(atMost, std::numeric_limits<qint32>::max()));
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Driver chooseDriver(const QSqlDatabase& db, const ArticleFilter& filter) {
    Driver best;
    qint64 bestSize = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < filter.entityGroups.size(); ++i) {
        if (filter.entityGroups[i].size() != 1)
            continue;
        const QString& id = filter.entityGroups[i].first();
        const qint64 size = driverSize(db, QStringLiteral("entity_counts"), QStringLiteral("entity_id"), id);
        if (size < bestSize) {
            bestSize = size;
            best = Driver{Driver::Entity, id, i, -1, 0, size};
        }
    }
    for (qsizetype i = 0; i < filter.regions.size(); ++i) {
        const QString& id = filter.regions[i];
        const qint64 size = driverSize(db, QStringLiteral("region_counts"), QStringLiteral("region_id"), id);
        if (size < bestSize) {
            bestSize = size;
            best = Driver{Driver::Region, id, -1, i, 0, size};
        }
    }
    if (isPostgres(db)) {
        // The analyst's starred articles, walked newest first by their own index with the name or
        // region probed for each, when they are fewer than the name's or region's articles
        // (Duhok's 160,000 of a million, of which 2 % starred: 1,300 probes rather than 20,000
        // rows). Counted no further than the name's articles.
        if (filter.starredOnly) {
            const qint64 starred = analystStarred(db, bestSize);
            if (starred >= 0 && starred < bestSize)
                return Driver{Driver::Starred, {}, -1, -1, 0, starred};
        }
        // Articles with notes, when there are fewer than √(page × articles): each looked up by id,
        // rather than looked for newest first among them all (5,000 of a million: 20 ms, not 80).
        if (filter.withNotesOnly && best.kind == Driver::Articles) {
            const qint64 notes = postgresRows(db, QStringLiteral("notes"));
            const qint64 articles = postgresRows(db, QStringLiteral("articles"));
            if (notes >= 0 && articles > 0 && double(notes) * double(notes) < 200.0 * double(articles))
                return Driver{Driver::Noted, {}, -1, -1, 0, notes};
        }
    }
    return best;
}

// FROM and the driver's own condition.
struct Source {
    QString from;
    QString condition;
};

// On PostgreSQL: the same sources with its own search table and joins (CROSS JOIN takes no ON
// there, and its planner needs no forcing).
Source postgresSourceFor(const Driver& driver, const TextPlan& text) {
    switch (driver.kind) {
    case Driver::Entity:
        return {QStringLiteral("article_entities d JOIN articles a ON a.id = d.article_id"),
                {QStringLiteral("d.entity_id = ?")}};
    case Driver::Region:
        return {QStringLiteral("article_regions d JOIN articles a ON a.id = d.article_id"),
                {QStringLiteral("d.region_id = ?")}};
    case Driver::Search:
        return {QStringLiteral("article_search s JOIN articles a ON a.id = s.article_id"),
                {QStringLiteral("s.document @@ ?::tsquery")}};
    case Driver::Ranked:
        return {
            QStringLiteral("(SELECT article_id AS id, %1 AS score FROM article_search "
                           "WHERE document @@ ?::tsquery ORDER BY score DESC, article_id DESC LIMIT %2) s "
                           "JOIN articles a ON a.id = s.id")
                .arg(postgresRankExpression(QStringLiteral("document"), text.groups, text.typedGroups))
                .arg(driver.keep),
            {}};
    case Driver::Noted:
        return {QStringLiteral("articles a"),
                {QStringLiteral("a.id = ANY(ARRAY(SELECT n.article_id FROM notes n))")}};
    case Driver::Starred:
        return {QStringLiteral("article_states st JOIN articles a ON a.id = st.article_id"),
                {QStringLiteral("st.analyst = current_user::text AND st.starred = 1")}};
    case Driver::Articles:
        break;
    }
    return {QStringLiteral("articles a"), {}};
}

Source sourceFor(const Driver& driver, const TextPlan& text) {
    if (text.postgres)
        return postgresSourceFor(driver, text);
    const QString& terms = text.terms;
    switch (driver.kind) {
    case Driver::Entity:
        return {QStringLiteral("article_entities d CROSS JOIN articles a ON a.id = d.article_id"),
                {QStringLiteral("d.entity_id = ?")}};
    case Driver::Region:
        return {QStringLiteral("article_regions d CROSS JOIN articles a ON a.id = d.article_id"),
                {QStringLiteral("d.region_id = ?")}};
    // Relevance is BM25 with the title weighing three times the body, as mirsad_rank computes it
    // (storage/SearchRank.h). With other conditions it is computed for the matches that meet
    // them; for the text alone, mirsad_rank finds the page's rows without measuring every match.
    case Driver::Search:
        return {QStringLiteral("article_search s CROSS JOIN articles a ON a.id = s.rowid"),
                {QStringLiteral("s.article_search MATCH ?")}};
    case Driver::Ranked:
        // Rows that cannot reach the page score 0 and are left out before the sort (asked again
        // for the sort, mirsad_rank answers the same row from its last result).
        return {QStringLiteral("(SELECT rowid AS id, %1 AS score "
                               "FROM article_search WHERE article_search MATCH ? AND score < 0 "
                               "ORDER BY score, rowid DESC LIMIT %2) s CROSS JOIN articles a ON a.id = s.id")
                    .arg(searchRankCall(QStringLiteral("article_search"), driver.keep, terms))
                    .arg(driver.keep),
                {}};
    case Driver::Noted: // PostgreSQL only
    case Driver::Starred:
    case Driver::Articles:
        break;
    }
    return {QStringLiteral("articles a"), {}};
}

// The conditions of a filter (the driver's own first), joined with AND.
Clause whereFor(const ArticleFilter& filter, const Driver& driver, const TextPlan& text) {
    Clause where;
    QStringList conditions;
    if (driver.kind == Driver::Ranked) {
        where.values << text.match; // bound in FROM, which comes first
    } else if (driver.kind == Driver::Noted || driver.kind == Driver::Starred) {
        conditions << sourceFor(driver, text).condition;
    } else if (driver.kind != Driver::Articles) {
        conditions << sourceFor(driver, text).condition;
        where.values << (driver.kind == Driver::Search ? QVariant(text.match) : QVariant(driver.id));
    }
    if (!filter.feedIds.isEmpty()) {
        conditions << QStringLiteral("a.feed_id IN (%1)").arg(placeholders(filter.feedIds.size()));
        for (qint64 id : filter.feedIds)
            where.values << id;
    }
    if (!filter.folderIds.isEmpty()) {
        conditions << QStringLiteral(
                          "a.feed_id IN (SELECT f2.id FROM feeds f2 WHERE f2.folder_id IN (WITH RECURSIVE "
                          "sub(id) AS (SELECT id FROM folders WHERE id IN (%1) UNION SELECT c.id FROM "
                          "folders c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))")
                          .arg(placeholders(filter.folderIds.size()));
        for (qint64 folder : filter.folderIds)
            where.values << folder;
    }
    // PostgreSQL: behind a name or region the probes take the driver's own key, so that its
    // planner merges the two indexes' rows in order; probes keyed on the article's columns make it
    // estimate one row for the pair and walk every article by time instead.
    const bool keyedOnDriver =
        text.postgres && (driver.kind == Driver::Entity || driver.kind == Driver::Region);
    const QString probeKey = keyedOnDriver ? QStringLiteral("d.sort_time AND %1.article_id = d.article_id")
                                           : QStringLiteral("a.sort_time AND %1.article_id = a.id");
    // PostgreSQL pulls an EXISTS up into a join, and estimates the rows of two correlated names'
    // join at one: it then hashes both names' rows and sorts them all (630 ms on a million
    // articles); and behind the starred articles' index it hashes a region's every row (160,000
    // for Duhok: 80 ms). A scalar subquery can be neither: it stays a subplan, one primary key
    // lookup per row of the driver's walk, stopped by the LIMIT (4-7 ms), as SQLite runs it.
    const QString probe =
        text.postgres ? QStringLiteral("(%1 LIMIT 1) IS TRUE") : QStringLiteral("EXISTS (%1)");
    const QString probeValue = text.postgres ? QStringLiteral("true") : QStringLiteral("1");
    for (qsizetype i = 0; i < filter.entityGroups.size(); ++i) {
        const QStringList& group = filter.entityGroups[i];
        if (i == driver.entityGroup)
            continue;
        // Index rows carry their article's sort_time: the whole primary key is known.
        conditions << probe.arg(
            QStringLiteral("SELECT %1 FROM article_entities x WHERE x.entity_id IN (%2) "
                           "AND x.sort_time = %3")
                .arg(probeValue, placeholders(group.size()), probeKey.arg(QStringLiteral("x"))));
        for (const QString& id : group)
            where.values << id;
    }
    for (qsizetype i = 0; i < filter.regions.size(); ++i) {
        if (i == driver.region)
            continue;
        conditions << probe.arg(QStringLiteral("SELECT %1 FROM article_regions r WHERE r.region_id = ? "
                                               "AND r.sort_time = %2")
                                    .arg(probeValue, probeKey.arg(QStringLiteral("r"))));
        where.values << filter.regions[i];
    }
    if (driver.kind != Driver::Search && driver.kind != Driver::Ranked) {
        switch (text.kind) {
        case TextPlan::None:
        case TextPlan::Common: // checked chunk by chunk outside the query (listWithCommonText)
            break;
        case TextPlan::Ids: // integers read from the database, safe to inline
            conditions << QStringLiteral("a.id IN (%1)").arg(idList(text.ids));
            break;
        case TextPlan::Set:
            conditions << (text.postgres ? QStringLiteral("a.id IN (SELECT article_id FROM article_search "
                                                          "WHERE document @@ ?::tsquery)")
                                         : QStringLiteral("a.id IN (SELECT rowid FROM article_search "
                                                          "WHERE article_search MATCH ?)"));
            where.values << text.match;
            break;
        case TextPlan::Probe: // a scalar subquery: never a join with the whole match set
            conditions << QStringLiteral("(SELECT s.document @@ ?::tsquery FROM article_search s "
                                         "WHERE s.article_id = %1)")
                              .arg(keyedOnDriver ? QStringLiteral("d.article_id") : QStringLiteral("a.id"));
            where.values << text.match;
            break;
        }
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("%1 >= ?").arg(timeColumn(driver));
        where.values << filter.since.toSecsSinceEpoch();
    }
    if (filter.until.isValid()) {
        conditions << QStringLiteral("%1 < ?").arg(timeColumn(driver));
        where.values << filter.until.toSecsSinceEpoch();
    }
    // Behind a name or region, the state is looked up in its partial index by the index row's own
    // (sort_time, article_id): a probe of a small index, not a read of every article's page.
    // (PostgreSQL has no INDEXED BY; it reads the article's row, which the join fetches anyway.)
    const bool indexRows = !text.postgres && (driver.kind == Driver::Entity || driver.kind == Driver::Region);
    // PostgreSQL: the state is the analyst's own (migration 010), probed by the article's id.
    const QString stateKey = keyedOnDriver ? QStringLiteral("d.article_id") : QStringLiteral("a.id");
    if (filter.unreadOnly)
        conditions << (driver.kind == Driver::Starred ? QStringLiteral("st.read = 0")
                       : text.postgres
                           ? analystState(QStringLiteral("read"), stateKey) + QStringLiteral(" = 0")
                       : indexRows
                           ? QStringLiteral("EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread "
                                            "WHERE u.read = 0 AND u.sort_time = d.sort_time "
                                            "AND u.rowid = d.article_id)")
                           : QStringLiteral("a.read = 0"));
    if (filter.starredOnly && driver.kind != Driver::Starred)
        conditions << (text.postgres
                           ? analystState(QStringLiteral("starred"), stateKey) + QStringLiteral(" = 1")
                       : indexRows
                           ? QStringLiteral("EXISTS (SELECT 1 FROM articles u INDEXED BY articles_starred "
                                            "WHERE u.starred = 1 AND u.sort_time = d.sort_time "
                                            "AND u.rowid = d.article_id)")
                           : QStringLiteral("a.starred = 1"));
    if (filter.withNotesOnly && driver.kind != Driver::Noted)
        conditions << QStringLiteral("EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)");
    // Tags are stored as "a, b, c": a tag is a whole item of that list. Notes are few: the
    // articles with the tag are collected first.
    for (const QString& tag : filter.noteTags) {
        conditions << QStringLiteral("a.id IN (SELECT n.article_id FROM notes n WHERE %1(', ' || "
                                     "lower(n.tags) || ', ', ', ' || lower(?) || ', ') > 0)")
                          .arg(text.postgres ? QStringLiteral("strpos") : QStringLiteral("instr"));
        where.values << tag.trimmed();
    }
    where.sql = conditions.isEmpty() ? QStringLiteral("1 = 1") : conditions.join(QStringLiteral(" AND "));
    return where;
}

// The whole list query for a page; with `keysOnly` just (id, sort_time), which an index covers.
// By relevance the best `keep` matches are ranked first (by default: the page's, for the text
// alone) and the other conditions are applied to them; keep < 0 ranks every match that meets them.
Clause listQuery(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                 const std::optional<PageCursor>& after, ArticleOrder order, const TextPlan& text,
                 bool keysOnly = false, int keep = 0) {
    const bool byRelevance = order == ArticleOrder::Relevance && text.kind != TextPlan::None;
    ArticleFilter others = filter;
    others.text.clear();
    // An id list drives: it is smaller than any name's articles.
    if (keep == 0 && others.isEmpty())
        keep = qMax(1, limit);
    const Driver driver = byRelevance && keep > 0      ? Driver{Driver::Ranked, {}, -1, -1, keep}
                          : byRelevance                ? Driver{Driver::Search, {}, -1, -1}
                          : text.kind == TextPlan::Ids ? Driver{}
                                                       : chooseDriver(db, filter);
    Clause where = whereFor(filter, driver, text);
    const QString time = timeColumn(driver);
    const QString id = idColumn(driver);
    const QString state =
        text.postgres
            ? QStringLiteral("%1, %2").arg(analystState(QStringLiteral("read"), QStringLiteral("a.id")),
                                           analystState(QStringLiteral("starred"), QStringLiteral("a.id")))
            : QStringLiteral("a.read, a.starred");
    Clause query;
    // CROSS JOIN keeps the articles' source as the outer loop: with the feeds outside, SQLite
    // reads every article of every feed and sorts them all before the first row of a page.
    query.sql = keysOnly ? QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4")
                               .arg(id, time, sourceFor(driver, text).from, where.sql)
                         : QStringLiteral("SELECT a.id, a.feed_id, a.title, f.title, a.source, a.link, "
                                          "coalesce(a.published, a.fetched), a.sort_time, %4, "
                                          "(SELECT count(*) FROM notes n WHERE n.article_id = a.id), f.url "
                                          "FROM %1 %2 feeds f ON f.id = a.feed_id WHERE %3")
                               .arg(sourceFor(driver, text).from,
                                    text.postgres ? QStringLiteral("JOIN") : QStringLiteral("CROSS JOIN"),
                                    where.sql, state);
    query.values = where.values;
    if (after && !byRelevance) {
        query.sql += QStringLiteral(" AND (%1, %2) < (?, ?)").arg(time, id);
        query.values << after->sortTime << after->id;
    }
    if (driver.kind == Driver::Ranked)
        query.sql += text.postgres ? QStringLiteral(" ORDER BY s.score DESC, s.id DESC LIMIT ?")
                                   : QStringLiteral(" ORDER BY s.score, s.id DESC LIMIT ?");
    else if (byRelevance && text.postgres)
        query.sql +=
            QStringLiteral(" ORDER BY %1 DESC, a.id DESC LIMIT ?")
                .arg(postgresRankExpression(QStringLiteral("s.document"), text.groups, text.typedGroups));
    else if (byRelevance)
        query.sql += QStringLiteral(" ORDER BY %1, a.id DESC LIMIT ?")
                         .arg(searchRankCall(QStringLiteral("s.article_search"), 0, text.terms));
    else
        query.sql += QStringLiteral(" ORDER BY %1 DESC, %2 DESC LIMIT ?").arg(time, id);
    query.values << qMax(1, limit);
    return query;
}

Status bindAndRun(QSqlQuery& query, const QString& sql, const QVariantList& values) {
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("prepare a query"), query);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(QStringLiteral("read the articles"), query);
    return {};
}

Status attachEntities(const QSqlDatabase& db, QList<ArticleSummary>& articles) {
    if (articles.isEmpty())
        return {};
    QHash<qint64, ArticleSummary*> byId;
    QVariantList ids;
    for (ArticleSummary& article : articles) {
        byId.insert(article.id, &article);
        ids << article.id;
    }
    QSqlQuery query(db);
    const QString sql = isPostgres(db)
                            ? QStringLiteral("SELECT a.id, e.id, e.name, e.name_ar, e.kind, count(*) AS n "
                                             "FROM articles a, jsonb_array_elements(a.mentions::jsonb) m "
                                             "JOIN entities e ON e.id = m ->> 0 "
                                             "WHERE a.id IN (%1) GROUP BY a.id, e.id "
                                             "ORDER BY a.id, n DESC, min((m ->> 1)::bigint)")
                                  .arg(placeholders(ids.size()))
                            : QStringLiteral("SELECT a.id, e.id, e.name, e.name_ar, e.kind, count(*) AS n "
                                             "FROM articles a, json_each(a.mentions) m "
                                             "JOIN entities e ON e.id = m.value ->> 0 "
                                             "WHERE a.id IN (%1) GROUP BY a.id, e.id "
                                             "ORDER BY a.id, n DESC, min(m.value ->> 1)")
                                  .arg(placeholders(ids.size()));
    if (Status s = bindAndRun(query, sql, ids); !s)
        return s;
    while (query.next()) {
        if (ArticleSummary* article = byId.value(query.value(0).toLongLong()))
            article->entities << EntityRef{query.value(1).toString(), query.value(2).toString(),
                                           query.value(3).toString(), query.value(4).toString(),
                                           query.value(5).toInt()};
    }
    return {};
}

} // namespace

namespace {

Result<QList<ArticleSummary>> runList(const QSqlDatabase& db, const Clause& list) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status s = bindAndRun(query, list.sql, list.values); !s)
        return Error{s.error()};
    QList<ArticleSummary> articles;
    while (query.next()) {
        ArticleSummary article;
        article.id = query.value(0).toLongLong();
        article.feedId = query.value(1).toLongLong();
        article.title = query.value(2).toString();
        article.feedTitle = shownFeedTitle(query.value(11).toString(), query.value(3).toString());
        article.source = query.value(4).toString();
        article.link = query.value(5).toString();
        article.published = fromEpoch(query.value(6));
        article.sortTime = query.value(7).toLongLong();
        article.read = query.value(8).toBool();
        article.starred = query.value(9).toBool();
        article.notes = query.value(10).toInt();
        articles << article;
    }
    return articles;
}

// A common text, newest first, without materialising its matches: walk the articles that meet
// the other conditions newest first, in growing chunks (the usual LIMIT-driven plan), and keep
// those among the text's matches. The matches stream in newest id first, read just far enough to
// cover each chunk's lowest id; ids grow with arrival, so that is not far. A chunk is already in
// list order, so the page is exact. Falls back to the whole match set when the text turns out
// rare under the other conditions.
Result<QList<ArticleSummary>> listWithCommonText(const QSqlDatabase& db, const ArticleFilter& filter,
                                                 int limit, const std::optional<PageCursor>& after,
                                                 TextPlan plan) {
    ArticleFilter others = filter;
    others.text.clear();
    std::optional<PageCursor> cursor = after;
    QList<qint64> found;
    QSet<qint64> matched(plan.ids.begin(), plan.ids.end());
    qint64 matchedLow = plan.ids.last();
    bool streamed = false;
    bool complete = false;
    int chunk = qMax(limit, 500);
    for (int round = 0; round < 8 && !complete; ++round, chunk = qMin(chunk * 2, 16000)) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const Clause keys = listQuery(db, others, chunk, cursor, ArticleOrder::Newest, TextPlan{}, true);
        if (Status s = bindAndRun(query, keys.sql, keys.values); !s)
            return Error{s.error()};
        QList<PageCursor> rows;
        while (query.next())
            rows << PageCursor{query.value(1).toLongLong(), query.value(0).toLongLong()};
        if (rows.isEmpty())
            break;
        qint64 low = rows.first().id;
        for (const PageCursor& row : rows)
            low = qMin(low, row.id);
        while (!streamed && matchedLow >= low) {
            if (!plan.matches->next()) {
                streamed = true;
                break;
            }
            matchedLow = plan.matches->value(0).toLongLong();
            matched.insert(matchedLow);
        }
        for (const PageCursor& row : rows) {
            if (matched.contains(row.id) && found.size() < limit)
                found << row.id;
        }
        complete = found.size() == limit || rows.size() < chunk;
        cursor = rows.last();
    }
    // The page's rows, in list order (the ids' own order).
    plan.matches.reset();
    plan.kind = TextPlan::Ids;
    plan.ids = found;
    Result<QList<ArticleSummary>> page =
        found.isEmpty() ? QList<ArticleSummary>()
                        : runList(db, listQuery(db, others, limit, std::nullopt, ArticleOrder::Newest, plan));
    if (!page || complete)
        return page;
    // Rare under the other conditions: let SQLite intersect the whole match set, from here on.
    plan.kind = TextPlan::Set;
    plan.ids.clear();
    Result<QList<ArticleSummary>> rest =
        runList(db, listQuery(db, filter, limit - int(page->size()), cursor, ArticleOrder::Newest, plan));
    if (!rest)
        return rest;
    return *page + *rest;
}

// How many articles a common text's page walks at most on PostgreSQL, when the text is the only
// condition, before it turns to the whole match set (listWithCommonTextPostgres).
constexpr int postgresWalk = 3000;

// The keys query of a PostgreSQL walk: the rows of the other conditions newest first (their usual
// LIMIT plan: an index walked in order; with `walk` > 0 only the first `walk` of them), each
// probed in article_search by its key. The probe is a scalar subquery, which the planner keeps as
// one primary key lookup per row (about 2 µs): it never becomes a join with the whole match set,
// whose plan hangs on estimates that correlated conditions make wrong (a nested loop that read
// every match for each row took 81 s on 100,000 articles). The walk stops at the page's matches.
Clause postgresWalkQuery(const QSqlDatabase& db, const ArticleFilter& others, int limit,
                         const std::optional<PageCursor>& after, const TextPlan& text, int walk) {
    if (walk <= 0) {
        // One query level, the probe among its conditions, so that the LIMIT plans the walk: a
        // subquery without one is planned for all its rows (every row of a region hashed and
        // sorted, 880 ms on a million articles, where the walk takes 6 ms).
        TextPlan probe = text;
        probe.kind = TextPlan::Probe;
        return listQuery(db, others, limit, after, ArticleOrder::Newest, probe, true);
    }
    TextPlan none;
    none.postgres = true;
    const Clause keys = listQuery(db, others, walk, after, ArticleOrder::Newest, none, true);
    Clause query;
    query.sql = QStringLiteral("SELECT c.id, c.sort_time FROM (%1) AS c(id, sort_time) "
                               "WHERE (SELECT s.document @@ ?::tsquery FROM article_search s "
                               "WHERE s.article_id = c.id) ORDER BY c.sort_time DESC, c.id DESC LIMIT ?")
                    .arg(keys.sql);
    query.values = keys.values;
    query.values << text.match << qMax(1, limit);
    return query;
}

// PostgreSQL, a common text, newest first. GIN answers with every match at once, in no order:
// for a word in half the archive that is half the archive to sort. So the rows of the other
// conditions are walked newest first and probed (postgresWalkQuery): the page is exact, and its
// cost is the rows walked until the page is full (a common text fills it soon), at most the
// other conditions' rows. For the text alone, the walk stops after `postgresWalk` articles and
// the text, rarer than that, is read from the GIN index whole (its matches joined and sorted).
Result<QList<ArticleSummary>> listWithCommonTextPostgres(const QSqlDatabase& db, const ArticleFilter& filter,
                                                         int limit, const std::optional<PageCursor>& after,
                                                         TextPlan plan) {
    ArticleFilter others = filter;
    others.text.clear();
    const bool alone = others.isEmpty();
    const Clause walk = postgresWalkQuery(db, others, limit, after, plan, alone ? postgresWalk : 0);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status s = bindAndRun(query, walk.sql, walk.values); !s)
        return Error{s.error()};
    QList<qint64> found;
    while (query.next())
        found << query.value(0).toLongLong();
    query.finish();
    if (alone && found.size() < qMax(1, limit))
        return runList(db, listQuery(db, filter, limit, after, ArticleOrder::Newest, plan));
    if (found.isEmpty())
        return QList<ArticleSummary>();
    plan.kind = TextPlan::Ids;
    plan.ids = found;
    return runList(db, listQuery(db, others, limit, std::nullopt, ArticleOrder::Newest, plan));
}

int firstNet(const QSqlDatabase& db, const ArticleFilter& others, int limit);

// The page of `ranked` matches (best first) that meet the other conditions, in rank order.
Result<QList<ArticleSummary>> pageOfRanked(const QSqlDatabase& db, const ArticleFilter& others, int limit,
                                           const QList<RankedMatch>& ranked) {
    if (ranked.isEmpty())
        return QList<ArticleSummary>();
    TextPlan candidates;
    candidates.kind = TextPlan::Ids;
    candidates.postgres = isPostgres(db);
    QHash<qint64, qsizetype> rankOf;
    for (const RankedMatch& match : ranked) {
        rankOf.insert(match.id, candidates.ids.size());
        candidates.ids << match.id;
    }
    // Which candidates meet the other conditions (their keys only, from the indexes), then the
    // page's rows: the rest of a wide net is never read whole. The candidates are probed best
    // first, as many at a time as should fill the page (a server's list holds 2,000 of them,
    // where a region in a third of the archive fills a page from about 600), then twice as many.
    if (!others.isEmpty()) {
        QList<qint64> meeting;
        // (SQLite's candidates are already that many: rankedPage ranked no more.)
        qsizetype chunk = candidates.postgres ? firstNet(db, others, limit) : ranked.size();
        for (qsizetype from = 0; from < ranked.size() && meeting.size() < limit; from += chunk, chunk *= 2) {
            TextPlan some = candidates;
            some.ids = candidates.ids.mid(from, chunk);
            const Clause keys =
                listQuery(db, others, int(some.ids.size()), std::nullopt, ArticleOrder::Newest, some, true);
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (Status s = bindAndRun(query, keys.sql, keys.values); !s)
                return Error{s.error()};
            while (query.next())
                meeting << query.value(0).toLongLong();
        }
        std::sort(meeting.begin(), meeting.end(),
                  [&](qint64 a, qint64 b) { return rankOf.value(a) < rankOf.value(b); });
        if (meeting.size() > limit)
            meeting.resize(limit);
        candidates.ids = meeting;
        if (meeting.isEmpty())
            return QList<ArticleSummary>();
    } else if (candidates.ids.size() > limit) {
        candidates.ids.resize(limit);
    }
    Result<QList<ArticleSummary>> page =
        runList(db, listQuery(db, ArticleFilter{}, int(candidates.ids.size()), std::nullopt,
                              ArticleOrder::Newest, candidates));
    if (!page)
        return page;
    std::sort(page->begin(), page->end(), [&](const ArticleSummary& a, const ArticleSummary& b) {
        return rankOf.value(a.id) < rankOf.value(b.id);
    });
    return page;
}

// SQLite, by relevance: the text's best `keep` matches are ranked (on several connections at
// once, ParallelRank.h), then those of them that meet the other conditions are read and put in
// rank order. `complete` says whether that was every match, so that a short page is final.
Result<QList<ArticleSummary>> rankedPage(const QSqlDatabase& db, const ArticleFilter& others, int limit,
                                         const TextPlan& text, int keep, bool& complete) {
    Result<QList<RankedMatch>> ranked = rankMatches(db, text.match, text.terms, keep);
    if (!ranked)
        return Error{ranked.error()};
    complete = ranked->size() < keep;
    return pageOfRanked(db, others, limit, *ranked);
}

// PostgreSQL, by relevance: the candidates the query's list of best matches gives
// (PostgresBestMatches.h), ranked, then those that meet the other conditions. nullopt when that
// page is not known to be the best: the caller ranks every match.
std::optional<Result<QList<ArticleSummary>>>
postgresBestPage(const QSqlDatabase& db, const ArticleFilter& others, int limit, const TextPlan& text) {
    const std::optional<BestCandidates> best =
        postgresBestCandidates(db, text.match, text.groups, text.typedGroups, others.isEmpty() ? limit : 0);
    if (!best)
        return std::nullopt;
    Result<QList<ArticleSummary>> page = pageOfRanked(db, others, limit, best->ranked);
    if (!page || best->complete)
        return page;
    if (page->size() < limit)
        return std::nullopt;
    const qint64 last = page->last().id;
    const auto at = std::find_if(best->ranked.cbegin(), best->ranked.cend(),
                                 [last](const RankedMatch& m) { return m.id == last; });
    if (at == best->ranked.cend() || !best->beats(*at))
        return std::nullopt;
    return page;
}

// How many of the text's best matches the first pass ranks when other conditions follow: five
// times the page, or fewer behind a lone name or region whose share of the archive is known,
// enough that half as many again as the page are expected to meet it. (Matches tend to share a
// place's or a person's articles, so the estimate errs wide.)
int firstNet(const QSqlDatabase& db, const ArticleFilter& others, int limit) {
    const int widest = limit * 5;
    ArticleFilter rest = others;
    rest.regions.clear();
    rest.entityGroups.removeIf([](const QStringList& group) { return group.size() == 1; });
    if (!rest.isEmpty() || others.regions.size() + others.entityGroups.size() != 1)
        return widest;
    const qint64 covered = chooseDriver(db, others).articles;
    QSqlQuery total(db);
    if (covered <= 0 || !total.exec(QStringLiteral("SELECT sum(article_count) FROM feeds")) ||
        !total.next() || total.value(0).toLongLong() <= 0)
        return widest;
    const double share = double(covered) / double(total.value(0).toLongLong());
    return std::clamp(int(std::ceil(1.5 * limit / share)), limit * 2, widest);
}

// By relevance: the best matches of the text are ranked without measuring every match (see
// SearchRank.h), and the other conditions are applied to them in that order. When enough of them
// meet the conditions the page is exact: a match outside them ranks below each. Otherwise a wider
// net, and at last every match that meets the conditions is ranked.
Result<QList<ArticleSummary>> listByRelevance(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                                              const TextPlan& text) {
    ArticleFilter others = filter;
    others.text.clear();
    // Failing the lists, one query ranks every match that meets the conditions.
    if (text.postgres) {
        if (std::optional<Result<QList<ArticleSummary>>> page =
                postgresBestPage(db, others, qMax(1, limit), text))
            return std::move(*page);
        return runList(db, listQuery(db, filter, limit, std::nullopt, ArticleOrder::Relevance, text, false,
                                     others.isEmpty() ? 0 : -1));
    }
    limit = qMax(1, limit);
    const QList<int> nets =
        others.isEmpty() ? QList<int>{limit} : QList<int>{firstNet(db, others, limit), limit * 40};
    for (int keep : nets) {
        bool complete = false;
        Result<QList<ArticleSummary>> page = rankedPage(db, others, limit, text, keep, complete);
        if (!page || page->size() >= limit || complete)
            return page;
    }
    return runList(db, listQuery(db, filter, limit, std::nullopt, ArticleOrder::Relevance, text, false, -1));
}

} // namespace

// The passage of each article's text that shows why it matched: a page's bodies, decompressed.
// They are read in one statement: on a server, a statement per article would be a round trip
// per article (200 of them made a PostgreSQL first page 30 ms slower).
static Status attachSnippets(const QSqlDatabase& db, QList<ArticleSummary>& articles, const QString& typed) {
    const Result<search::ParsedQuery> parsed = search::parseQuery(typed);
    if (!parsed || articles.isEmpty())
        return {};
    const search::QueryMatcher matcher(*parsed);
    QStringList ids;
    QHash<qint64, ArticleSummary*> byId;
    for (ArticleSummary& article : articles) {
        ids << QString::number(article.id);
        byId.insert(article.id, &article);
    }
    QSqlQuery bodies(db);
    bodies.setForwardOnly(true);
    if (!bodies.exec(QStringLiteral("SELECT article_id, body FROM article_bodies WHERE article_id IN (%1)")
                         .arg(ids.join(QLatin1Char(',')))))
        return sqlError(QStringLiteral("read the articles' text"), bodies);
    while (bodies.next()) {
        ArticleSummary* article = byId.value(bodies.value(0).toLongLong());
        Result<ArticleBody> body = decompressBody(bodies.value(1).toByteArray());
        if (!article || !body) // a damaged body: the row still lists, without a snippet
            continue;
        article->snippet = search::snippetFor(matcher, body->text);
    }
    return {};
}

static std::optional<qint64> keptUnreadCount(const QSqlDatabase& db, const ArticleFilter& filter);

Result<QList<ArticleSummary>> listArticles(const QSqlDatabase& db, const ArticleFilter& filter, int limit,
                                           std::optional<PageCursor> after, ArticleOrder order) {
    // PostgreSQL: an analyst's unread articles are those without their mark, found by walking the
    // archive newest first. With fewer unread than a page (after Mark All as Read) the walk went on
    // to the oldest article: 3-4 s in a million. Where their number is kept (the team's counts
    // less the analyst's reads), the page asks for no more than there are.
    if (!after && order == ArticleOrder::Newest) {
        if (const std::optional<qint64> unread = keptUnreadCount(db, filter); unread && *unread < limit) {
            if (*unread <= 0)
                return QList<ArticleSummary>();
            limit = int(*unread);
        }
    }
    Result<TextPlan> text = planText(db, filter, order == ArticleOrder::Relevance);
    if (!text)
        return Error{text.error()};
    Result<QList<ArticleSummary>> articles =
        text->kind == TextPlan::Common && order == ArticleOrder::Newest
            ? listWithCommonText(db, filter, limit, after, *text)
        : text->postgres && text->kind == TextPlan::Set && order == ArticleOrder::Newest
            ? listWithCommonTextPostgres(db, filter, limit, after, *text)
        : order == ArticleOrder::Relevance && text->kind != TextPlan::None
            ? listByRelevance(db, filter, limit, *text)
            : runList(db, listQuery(db, filter, limit, after, order, *text));
    if (!articles)
        return articles;
    if (Status s = attachEntities(db, *articles); !s)
        return Error{s.error()};
    if (text->kind != TextPlan::None) {
        if (Status s = attachSnippets(db, *articles, filter.text); !s)
            return Error{s.error()};
    }
    return articles;
}

// PostgreSQL: the analyst's unread articles of some feeds or all, from the feeds' counts less the
// analyst's reads (migration 010), without counting articles; nullopt for another filter.
static std::optional<qint64> analystUnreadInFeeds(const QSqlDatabase& db, const ArticleFilter& filter) {
    ArticleFilter rest = filter;
    rest.unreadOnly = false;
    rest.feedIds.clear();
    if (!isPostgres(db) || !filter.unreadOnly || !rest.isEmpty())
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT coalesce(sum(f.article_count - coalesce((SELECT r.read FROM feed_reads r "
                       "WHERE r.analyst = current_user::text AND r.feed_id = f.id), 0)), 0) FROM feeds f%1")
            .arg(filter.feedIds.isEmpty()
                     ? QString()
                     : QStringLiteral(" WHERE f.id IN (%1)").arg(placeholders(filter.feedIds.size()))));
    for (qint64 id : filter.feedIds)
        query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

// PostgreSQL, unread only: the count the server keeps of the analyst's unread articles, of all
// feeds or some, or of one name or region; nullopt for any other filter.
static std::optional<qint64> keptUnreadCount(const QSqlDatabase& db, const ArticleFilter& filter) {
    if (!isPostgres(db) || !filter.unreadOnly)
        return std::nullopt;
    if (const std::optional<qint64> unread = analystUnreadInFeeds(db, filter))
        return unread;
    ArticleFilter rest = filter;
    rest.unreadOnly = false;
    rest.regions.clear();
    rest.entityGroups.removeIf([](const QStringList& group) { return group.size() == 1; });
    if (!rest.isEmpty() || filter.entityGroups.size() + filter.regions.size() != 1)
        return std::nullopt;
    const bool region = !filter.regions.isEmpty();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT c.articles - coalesce((SELECT r.read FROM %1 r WHERE r.analyst = "
                                 "current_user::text AND r.%2 = c.%2), 0) FROM %3 c WHERE c.%2 = ?")
                      .arg(region ? QStringLiteral("region_reads") : QStringLiteral("entity_reads"),
                           region ? QStringLiteral("region_id") : QStringLiteral("entity_id"),
                           region ? QStringLiteral("region_counts") : QStringLiteral("entity_counts")));
    query.addBindValue(region ? filter.regions.first() : filter.entityGroups.first().first());
    if (!query.exec())
        return std::nullopt;                               // the list itself will say what went wrong
    return query.next() ? query.value(0).toLongLong() : 0; // no row: no article names it
}

Result<qint64> countArticles(const QSqlDatabase& db, const ArticleFilter& filter) {
    if (const std::optional<qint64> unread = analystUnreadInFeeds(db, filter))
        return *unread;
    const Driver driver = chooseDriver(db, filter);
    // One name or region, perhaps unread only, and nothing else: a count the database keeps.
    ArticleFilter rest = filter;
    rest.entityGroups.removeIf([](const QStringList& group) { return group.size() == 1; });
    rest.regions.clear();
    rest.unreadOnly = false;
    if (driver.kind != Driver::Articles && rest.isEmpty() &&
        filter.entityGroups.size() + filter.regions.size() == 1)
        return driver.kind == Driver::Entity
                   ? driverSize(db, QStringLiteral("entity_counts"), QStringLiteral("entity_id"), driver.id,
                                filter.unreadOnly)
                   : driverSize(db, QStringLiteral("region_counts"), QStringLiteral("region_id"), driver.id,
                                filter.unreadOnly);
    Result<TextPlan> text = planText(db, filter, true);
    if (!text)
        return Error{text.error()};
    const Clause where = whereFor(filter, driver, *text);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status s = bindAndRun(
            query,
            QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(sourceFor(driver, *text).from, where.sql),
            where.values);
        !s)
        return Error{s.error()};
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<QStringList> explainListArticles(const QSqlDatabase& db, const ArticleFilter& filter,
                                        ArticleOrder order) {
    Result<TextPlan> text = planText(db, filter, order == ArticleOrder::Relevance);
    if (!text)
        return Error{text.error()};
    const bool postgres = isPostgres(db);
    ArticleFilter others = filter;
    others.text.clear();
    // A common text newest first on PostgreSQL: its walk runs first (listWithCommonTextPostgres).
    const Clause list =
        postgres && text->kind == TextPlan::Set && order == ArticleOrder::Newest
            ? postgresWalkQuery(db, others, 200, std::nullopt, *text, others.isEmpty() ? postgresWalk : 0)
            : listQuery(db, filter, 200, std::nullopt, order, *text);
    QSqlQuery query(db);
    if (postgres) {
        // PostgreSQL cannot PREPARE an EXPLAIN: the values go in as the driver's literals.
        QString sql = QStringLiteral("EXPLAIN ") + list.sql;
        qsizetype at = 0;
        for (const QVariant& value : list.values) {
            at = sql.indexOf(QLatin1Char('?'), at);
            if (at < 0)
                break;
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            const QString literal = db.driver()->formatValue(field);
            sql.replace(at, 1, literal);
            at += literal.size();
        }
        if (!query.exec(sql))
            return sqlError(QStringLiteral("explain the query"), query);
        QStringList plan;
        while (query.next())
            plan << query.value(0).toString();
        return plan;
    }
    if (Status s = bindAndRun(
            query, (postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + list.sql,
            list.values);
        !s)
        return Error{s.error()};
    QStringList plan;
    while (query.next())
        plan << query.value(postgres ? 0 : 3).toString();
    return plan;
}

Result<Article> loadArticle(const QSqlDatabase& db, qint64 id) {
    QSqlQuery query(db);
    const QString state =
        isPostgres(db)
            ? QStringLiteral("%1, %2").arg(analystState(QStringLiteral("read"), QStringLiteral("a.id")),
                                           analystState(QStringLiteral("starred"), QStringLiteral("a.id")))
            : QStringLiteral("a.read, a.starred");
    query.prepare(QStringLiteral("SELECT a.id, a.feed_id, a.guid, a.link, a.title, a.author, a.source, "
                                 "coalesce(a.published, a.fetched), a.fetched, b.body, "
                                 "a.tags, a.thumbnail, %1, (SELECT count(*) FROM "
                                 "notes n WHERE n.article_id = a.id), a.mentions, a.remote_images "
                                 "FROM articles a LEFT JOIN article_bodies b ON b.article_id = a.id "
                                 "WHERE a.id = ?")
                      .arg(state));
    query.addBindValue(id);
    if (!query.exec())
        return Error{QStringLiteral("Could not read article %1: %2").arg(id).arg(query.lastError().text())};
    if (!query.next())
        return Error{QStringLiteral("There is no article with id %1.").arg(id)};
    Article article;
    article.id = query.value(0).toLongLong();
    article.feedId = query.value(1).toLongLong();
    article.guid = query.value(2).toString();
    article.link = query.value(3).toString();
    article.title = query.value(4).toString();
    article.author = query.value(5).toString();
    article.source = query.value(6).toString();
    article.published = fromEpoch(query.value(7));
    article.fetched = fromEpoch(query.value(8));
    Result<ArticleBody> body = decompressBody(query.value(9).toByteArray());
    if (!body)
        return Error{QStringLiteral("Could not read article %1: %2").arg(id).arg(body.error())};
    article.html = std::move(body->html);
    article.text = std::move(body->text);
    const QString tags = query.value(10).toString();
    article.tags = tags.isEmpty() ? QStringList() : tags.split(QChar(0x1f));
    article.thumbnail = query.value(11).toString();
    article.read = query.value(12).toBool();
    article.starred = query.value(13).toBool();
    article.noteCount = query.value(14).toInt();
    const QString images = query.value(16).toString();
    article.remoteImages = images.isEmpty() ? QStringList() : images.split(QChar(0x1f));

    article.mentions = decodeMentions(query.value(15).toString(), article.text);
    return article;
}

static Status setFlag(QSqlDatabase& db, const char* column, qint64 id, bool on) {
    QSqlQuery query(db);
    // PostgreSQL: the connected analyst's mark (migration 010), whose row may not exist yet.
    query.prepare(isPostgres(db)
                      ? QStringLiteral("INSERT INTO article_states AS s (article_id, sort_time, %1) "
                                       "SELECT id, sort_time, ? FROM articles WHERE id = ? "
                                       "ON CONFLICT (analyst, article_id) DO UPDATE SET %1 = excluded.%1")
                            .arg(QLatin1String(column))
                      : QStringLiteral("UPDATE articles SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    query.addBindValue(on ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return Error{QStringLiteral("Could not update article %1: %2").arg(id).arg(query.lastError().text())};
    if (query.numRowsAffected() == 0)
        return Error{QStringLiteral("There is no article with id %1.").arg(id)};
    return {};
}

Status setRead(QSqlDatabase& db, qint64 id, bool read) {
    return setFlag(db, "read", id, read);
}

Status setStarred(QSqlDatabase& db, qint64 id, bool starred) {
    return setFlag(db, "starred", id, starred);
}

// Sets the read state of `ids` in the caller's transaction. The unread counts of names and regions
// change once per name and region for the whole set (migration 017): their trigger stands aside
// while a row of bulk_read_change exists.
// PostgreSQL: the analyst's marks (migration 010), in one statement whose triggers count them
// once per feed, name and region. Read: a row for each article not read yet; unread: the rows
// that say read.
static Status updateAnalystRead(QSqlDatabase& db, const QString& idList, bool read) {
    const QString ids = QStringLiteral("(SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb))");
    QSqlQuery query(db);
    query.prepare(
        read ? QStringLiteral("INSERT INTO article_states AS s (article_id, sort_time, read) "
                              "SELECT a.id, a.sort_time, 1 FROM articles a WHERE a.id IN %1 "
                              "ON CONFLICT (analyst, article_id) DO UPDATE SET read = 1 "
                              "WHERE s.read = 0")
                   .arg(ids)
             : QStringLiteral("UPDATE article_states SET read = 0 WHERE analyst = current_user::text "
                              "AND read = 1 AND article_id IN %1")
                   .arg(ids));
    query.addBindValue(idList);
    if (!query.exec())
        return sqlError(QStringLiteral("mark the articles"), query);
    return {};
}

static Status updateRead(QSqlDatabase& db, const QList<qint64>& ids, bool read) {
    if (ids.isEmpty())
        return {};
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    const QString idList = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    if (isPostgres(db))
        return updateAnalystRead(db, idList, read);
    // The articles whose state changes count once in each name and region they name; each adds
    // `delta` to those unread counts.
    const QVariant state = read ? 1 : 0;
    const QVariant delta = read ? -1 : 1;
    // The JSON functions are the engines' own: SQLite's json_each, PostgreSQL's jsonb ones.
    const bool postgres = isPostgres(db);
    const QString changing =
        postgres ? QStringLiteral("a.id IN (SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb)) "
                                  "AND a.read <> ?")
                 : QStringLiteral("a.id IN (SELECT value FROM json_each(?)) AND a.read <> ?");
    const QString mentions = postgres ? QStringLiteral("jsonb_array_elements(a.mentions::jsonb) m")
                                      : QStringLiteral("json_each(a.mentions) m");
    const QString entity = postgres ? QStringLiteral("m ->> 0") : QStringLiteral("m.value ->> 0");
    const std::pair<QString, QVariantList> steps[] = {
        {QStringLiteral("INSERT INTO bulk_read_change (active) VALUES (1)"), {}},
        {QStringLiteral(
             "UPDATE entity_counts SET unread = unread + d.n * ? FROM (SELECT entity, count(*) AS n "
             "FROM (SELECT DISTINCT a.id, %3 AS entity FROM articles a, "
             "%2 WHERE %1) GROUP BY entity) AS d "
             "WHERE entity_counts.entity_id = d.entity")
             .arg(changing, mentions, entity),
         {delta, idList, state}},
        {QStringLiteral(
             "UPDATE region_counts SET unread = unread + d.n * ? FROM (SELECT region, count(*) AS n "
             "FROM (SELECT DISTINCT a.id, c.region_id AS region FROM articles a, "
             "%2 JOIN place_closure c ON c.place_id = %3 "
             "WHERE %1) GROUP BY region) AS d WHERE region_counts.region_id = d.region")
             .arg(changing, mentions, entity),
         {delta, idList, state}},
        {QStringLiteral("UPDATE articles AS a SET read = ? WHERE %1").arg(changing), {state, idList, state}},
        {QStringLiteral("DELETE FROM bulk_read_change"), {}},
    };
    for (const auto& [sql, values] : steps) {
        QSqlQuery step(db);
        if (!step.prepare(sql))
            return sqlError(QStringLiteral("mark the articles"), step);
        for (const QVariant& value : values)
            step.addBindValue(value);
        if (!step.exec())
            return sqlError(QStringLiteral("mark the articles"), step);
    }
    return {};
}

// PostgreSQL: one statement marks every article of the filter whose state changes, for the
// connected analyst, and returns them (what an undo gives back). Read: a row for each article
// the analyst has not read; unread: their rows that say read.
static Result<QList<qint64>> setAnalystReadWhere(QSqlDatabase& db, const ArticleFilter& filter,
                                                 const TextPlan& text, bool read) {
    // Not yet read: an anti-join, which the planner may hash (a probe per article suits a page).
    ArticleFilter changing = filter;
    changing.unreadOnly = false;
    Clause where = whereFor(changing, Driver{}, text);
    if (read)
        where.sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM article_states u WHERE u.analyst = "
                                    "current_user::text AND u.article_id = a.id AND u.read = 1)");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString sql =
        read
            ? QStringLiteral("INSERT INTO article_states AS s (article_id, sort_time, read) "
                             "SELECT a.id, a.sort_time, 1 FROM articles a WHERE %1 "
                             "ON CONFLICT (analyst, article_id) DO UPDATE SET read = 1 WHERE s.read = 0 "
                             "RETURNING s.article_id")
                  .arg(where.sql)
            : QStringLiteral("UPDATE article_states AS st SET read = 0 FROM articles a "
                             "WHERE st.analyst = current_user::text AND st.read = 1 AND a.id = st.article_id "
                             "AND %1 RETURNING st.article_id")
                  .arg(where.sql);
    if (Status s = bindAndRun(query, sql, where.values); !s)
        return Error{s.error()};
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

Result<QList<qint64>> setReadWhere(QSqlDatabase& db, const ArticleFilter& filter, bool read) {
    if (filter.unreadOnly && !read)
        return QList<qint64>(); // the unread articles are unread already
    Result<TextPlan> text = planText(db, filter, true);
    if (!text)
        return Error{text.error()};
    if (text->postgres)
        return setAnalystReadWhere(db, filter, *text, read);
    // Only the articles whose state changes: those are what an undo gives back.
    Clause where = whereFor(filter, Driver{}, *text);
    where.sql += QStringLiteral(" AND a.read = ?");
    where.values << (read ? 0 : 1);
    Transaction transaction(db);
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (Status s = bindAndRun(select, QStringLiteral("SELECT a.id FROM articles a WHERE %1").arg(where.sql),
                              where.values);
        !s)
        return Error{s.error()};
    QList<qint64> ids;
    while (select.next())
        ids << select.value(0).toLongLong();
    select.finish();
    if (Status s = updateRead(db, ids, read); !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return ids;
}

Status setReadIds(QSqlDatabase& db, const QList<qint64>& ids, bool read) {
    Transaction transaction(db);
    if (Status s = updateRead(db, ids, read); !s)
        return s;
    return transaction.commit();
}

} // namespace mirsad::storage
