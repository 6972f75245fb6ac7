#include "storage/PostgresArticleWriter.h"

#include "articles/ContentHash.h"
#include "storage/ArticleBody.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"
#include "storage/HighlightAnchoring.h"
#include "storage/PostgresRows.h"
#include "storage/PostgresSearch.h"

namespace mirsad::storage {

namespace {

// A batch of new articles is written once it holds this many, or this many bytes of SQL. While the
// server writes a batch, the preparation threads go on parsing and tagging, but only as far as
// the chunks they may hold ahead (ingest::FeedPreparation::kPostgresChunksAhead): a batch no
// larger than that keeps both busy, where a batch of 1,000 left the server and the client taking turns.
constexpr int kBatchArticles = 256;
constexpr qsizetype kBatchBytes = 8 * 1024 * 1024;
// Ids reserved from the sequence at a time: the ones left unused make a gap, which is harmless.
// Ids are reserved from the sequence in blocks, one round trip each; what a writer leaves unused
// is a gap in the numbering (ids are what mirsadctl and exports show). So the first block is
// small (m_nextReservation starts at 8) and each next one twice as large, up to this.
constexpr int kMostReservedIds = 512;
// The advisory locks of feeds being stored: this number and the feed's id.
constexpr int kFeedLockClass = 0x6d697273; // "mirs"

QVariant text(const QByteArray& utf8) {
    return sqlText(QString::fromUtf8(utf8));
}

QVariant publishedOf(const Article& article) {
    return article.published.isValid() ? QVariant(article.published.toSecsSinceEpoch())
                                       : QVariant(QMetaType::fromType<qint64>());
}

QByteArray pendingKey(qint64 feedId, const QByteArray& dedupeKey) {
    return QByteArray::number(feedId) + ' ' + dedupeKey;
}

} // namespace

PostgresArticleWriter::PostgresArticleWriter(QSqlDatabase db)
    : m_db(db)
    , m_articles("articles (id, feed_id, dedupe_key, guid, link, title, author, source, published, fetched, "
                 "sort_time, tags, thumbnail, content_hash, tagged_version, mentions, remote_images)",
                 17)
    , m_bodies("article_bodies (article_id, body)", 2)
    , m_search("article_search (article_id, document)", 2)
    , m_vocabulary(db) {
    if (Status prepared = prepare(); !prepared)
        m_error = prepared.error();
}

Status PostgresArticleWriter::prepare() {
    const QString what = QStringLiteral("prepare to store articles");
    const auto make = [&](QSqlQuery& query, const char* sql) {
        query = QSqlQuery(m_db);
        query.setForwardOnly(true);
        return query.prepare(QString::fromLatin1(sql));
    };
    const std::initializer_list<std::pair<QSqlQuery*, const char*>> statements = {
        {&m_find, "SELECT id, content_hash, read FROM articles WHERE feed_id = ? AND dedupe_key = ?"},
        {&m_update, "UPDATE articles SET guid = ?, link = ?, title = ?, author = ?, source = ?, "
                    "published = coalesce(?, published), sort_time = coalesce(?, published, fetched), "
                    "tags = ?, thumbnail = ?, content_hash = ?, tagged_version = ?, mentions = ?, "
                    "remote_images = ? WHERE id = ?"},
        {&m_updateBody, "INSERT INTO article_bodies (article_id, body) VALUES (?, ?) "
                        "ON CONFLICT (article_id) DO UPDATE SET body = excluded.body"},
        {&m_updateSearch, "INSERT INTO article_search (article_id, document) VALUES (?, ?::tsvector) "
                          "ON CONFLICT (article_id) DO UPDATE SET document = excluded.document"},
        {&m_rehash, "UPDATE articles SET content_hash = ? WHERE id = ?"},
        {&m_setMentions, "UPDATE articles SET mentions = ?, tagged_version = ? WHERE id = ?"},
        {&m_sortTime, "SELECT sort_time, read FROM articles WHERE id = ?"},
        // As on SQLite: an article's index rows are those of its stored mentions at its stored
        // sort_time, removed before its row changes; the delete triggers take the counts down.
        {&m_unindexRegions, "DELETE FROM article_regions r USING articles a WHERE a.id = ? "
                            "AND r.article_id = a.id AND r.sort_time = a.sort_time AND r.region_id IN "
                            "(SELECT c.region_id FROM jsonb_array_elements(a.mentions::jsonb) m "
                            "JOIN place_closure c ON c.place_id = m ->> 0)"},
        {&m_unindex, "DELETE FROM article_entities e USING articles a WHERE a.id = ? "
                     "AND e.article_id = a.id AND e.sort_time = a.sort_time AND e.entity_id IN "
                     "(SELECT m ->> 0 FROM jsonb_array_elements(a.mentions::jsonb) m)"},
        {&m_countFeed, "UPDATE feeds SET article_count = article_count + ?, "
                       "unread_count = unread_count + ? WHERE id = ?"},
    };
    for (const auto& [query, sql] : statements) {
        if (!make(*query, sql))
            return sqlError(what, *query);
    }
    m_entities.emplace(m_db, "article_entities", "entity_id", "entity_counts");
    m_regions.emplace(m_db, "article_regions", "region_id", "region_counts");
    QSqlQuery closure(m_db);
    closure.setForwardOnly(true);
    if (!closure.exec(QStringLiteral("SELECT place_id, region_id FROM place_closure")))
        return sqlError(QStringLiteral("read the regions of places"), closure);
    while (closure.next())
        m_regionsOfPlace[closure.value(0).toString().toUtf8()] << closure.value(1).toString().toUtf8();
    return {};
}

Status PostgresArticleWriter::lockFeed(qint64 feedId) {
    if (m_lockedFeeds.contains(feedId))
        return {};
    QSqlQuery lock(m_db);
    if (!lock.exec(
            QStringLiteral("SELECT pg_advisory_xact_lock(%1, %2)").arg(kFeedLockClass).arg(qint32(feedId))))
        return sqlError(QStringLiteral("store the feed's articles"), lock);
    m_lockedFeeds.insert(feedId);
    // Asked once the lock is held (a statement of its own: a snapshot taken before the lock was
    // granted would miss what the previous holder committed).
    QSqlQuery stored(m_db);
    stored.setForwardOnly(true);
    if (!stored.exec(QStringLiteral("SELECT 1 FROM articles WHERE feed_id = %1 LIMIT 1").arg(feedId)))
        return sqlError(QStringLiteral("store the feed's articles"), stored);
    if (!stored.next())
        m_emptyFeeds.insert(feedId);
    return {};
}

Status PostgresArticleWriter::lookAhead(const QList<Article>& articles,
                                        const QList<ArticleDerived>& derived) {
    if (!m_error.isEmpty())
        return Error{m_error};
    m_ahead.clear();
    m_aheadMissing.clear();
    m_lookedUpFeed = 0;
    if (articles.isEmpty())
        return {};
    const qint64 feedId = articles.first().feedId;
    if (feedId <= 0)
        return {};
    if (Status s = lockFeed(feedId); !s)
        return s;
    // The stored ones, and in the same round trip the ids of the missing ones (the rows without a
    // key): a round trip is what a statement costs most, on a busy machine above all.
    QByteArray sql =
        "WITH found AS (SELECT dedupe_key, id, content_hash, read FROM articles WHERE feed_id = " +
        QByteArray::number(feedId) + " AND dedupe_key IN (";
    QSet<QByteArray> keys;
    const bool empty = m_emptyFeeds.contains(feedId);
    for (qsizetype i = 0; i < articles.size() && i < derived.size(); ++i) {
        // One waiting to be written is looked up when it comes (find() writes the batch first).
        if (articles[i].feedId != feedId || keys.contains(derived[i].dedupeKey) ||
            m_pendingKeys.contains(pendingKey(feedId, derived[i].dedupeKey)) ||
            (empty && m_writtenKeys.contains(pendingKey(feedId, derived[i].dedupeKey))))
            continue;
        if (!keys.isEmpty())
            sql += ',';
        appendPostgresText(sql, derived[i].dedupeKey);
        keys.insert(derived[i].dedupeKey);
    }
    if (keys.isEmpty())
        return {};
    if (empty) {
        // The feed had no articles when its lock was taken, and the ones stored since are this
        // writer's: those not among them are missing, without asking.
        m_aheadMissing = std::move(keys);
        m_lookedUpFeed = feedId;
        return {};
    }
    sql += ")) SELECT dedupe_key, id, content_hash, read FROM found UNION ALL SELECT NULL, "
           "nextval(pg_get_serial_sequence('articles', 'id')), NULL, NULL FROM generate_series(1, " +
           QByteArray::number(keys.size() - m_reservedIds.size()) + " - (SELECT count(*) FROM found))";
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QString::fromUtf8(sql)))
        return sqlError(QStringLiteral("look up articles"), query);
    QList<qint64> reserved;
    while (query.next()) {
        if (query.isNull(0)) {
            reserved.append(query.value(1).toLongLong());
            continue;
        }
        const QByteArray key = query.value(0).toString().toUtf8();
        m_ahead.insert(key, {query.value(1).toLongLong(), query.value(2).toString().toUtf8(),
                             query.value(3).toLongLong() != 0});
        keys.remove(key);
    }
    // Taken from the back, the smallest first: the new ids, larger than any held, go in front.
    std::reverse(reserved.begin(), reserved.end());
    m_reservedIds = reserved + m_reservedIds;
    m_aheadMissing = std::move(keys);
    m_lookedUpFeed = feedId;
    return {};
}

Result<std::optional<PostgresArticleWriter::Found>> PostgresArticleWriter::find(qint64 feedId,
                                                                                const QByteArray& dedupeKey) {
    if (feedId == m_lookedUpFeed) {
        // Each answer serves once: the same item twice in a feed finds the first one stored.
        if (auto it = m_ahead.find(dedupeKey); it != m_ahead.end()) {
            Found found = *it;
            m_ahead.erase(it);
            return std::optional<Found>(found);
        }
        if (m_aheadMissing.remove(dedupeKey))
            return std::optional<Found>();
    }
    if (m_pendingKeys.contains(pendingKey(feedId, dedupeKey))) {
        if (Status s = writeInserts(); !s)
            return Error{s.error()};
    }
    if (Status s = lockFeed(feedId); !s)
        return Error{s.error()};
    m_find.addBindValue(feedId);
    m_find.addBindValue(text(dedupeKey));
    if (!m_find.exec())
        return sqlError(QStringLiteral("look up an article"), m_find);
    std::optional<Found> found;
    if (m_find.next())
        found = Found{m_find.value(0).toLongLong(), m_find.value(1).toString().toUtf8(),
                      m_find.value(2).toLongLong() != 0};
    m_find.finish();
    return found;
}

Result<qint64> PostgresArticleWriter::reserveId() {
    if (m_reservedIds.isEmpty()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT nextval(pg_get_serial_sequence('articles', 'id')) "
                                       "FROM generate_series(1, %1)")
                            .arg(m_nextReservation)))
            return sqlError(QStringLiteral("store an article"), query);
        while (query.next())
            m_reservedIds.append(query.value(0).toLongLong());
        m_nextReservation = std::min(m_nextReservation * 2, kMostReservedIds);
        std::reverse(m_reservedIds.begin(), m_reservedIds.end());
        if (m_reservedIds.isEmpty())
            return Error{QStringLiteral("Could not store an article: no ids came from the server.")};
    }
    return m_reservedIds.takeLast();
}

Status PostgresArticleWriter::writeInserts() {
    const QString what = QStringLiteral("store articles");
    for (PostgresCopy* rows : {&m_articles, &m_bodies, &m_search}) {
        if (Status s = rows->exec(m_db, what); !s)
            return s;
    }
    if (!m_emptyFeeds.isEmpty())
        m_writtenKeys.unite(m_pendingKeys);
    m_pendingKeys.clear();
    for (IndexRowWriter* index : {&*m_entities, &*m_regions}) {
        if (Status s = index->flushRows(); !s)
            return couldNot(QStringLiteral("index the names found"), s.error());
    }
    return {};
}

Status PostgresArticleWriter::finish() {
    if (!m_entities)
        return {};
    if (Status s = writeInserts(); !s)
        return s;
    if (Status s = m_vocabulary.flush(); !s)
        return s;
    for (IndexRowWriter* index : {&*m_entities, &*m_regions}) {
        if (Status s = index->flush(); !s)
            return couldNot(QStringLiteral("index the names found"), s.error());
    }
    for (auto it = m_insertedPerFeed.cbegin(); it != m_insertedPerFeed.cend(); ++it) {
        m_countFeed.addBindValue(it.value());
        m_countFeed.addBindValue(it.value());
        m_countFeed.addBindValue(it.key());
        if (!m_countFeed.exec())
            return sqlError(QStringLiteral("count the feed's articles"), m_countFeed);
    }
    m_insertedPerFeed.clear();
    return {};
}

Status PostgresArticleWriter::unindexEntities(qint64 articleId) {
    // The delete triggers decrement counts in the database: write ours first.
    if (Status s = finish(); !s)
        return s;
    for (QSqlQuery* query : {&m_unindexRegions, &m_unindex}) {
        query->addBindValue(articleId);
        if (!query->exec())
            return sqlError(QStringLiteral("index the names found"), *query);
    }
    return {};
}

Result<PostgresArticleWriter::Stored> PostgresArticleWriter::storedOf(qint64 articleId) {
    m_sortTime.addBindValue(articleId);
    if (!m_sortTime.exec())
        return sqlError(QStringLiteral("read an article's time"), m_sortTime);
    Stored stored;
    if (m_sortTime.next())
        stored = {m_sortTime.value(0).toLongLong(), m_sortTime.value(1).toLongLong() == 0};
    m_sortTime.finish();
    return stored;
}

Status PostgresArticleWriter::replaceMentions(qint64 articleId, const QByteArray& mentionsJson,
                                              const QByteArray& version, const QList<QByteArray>& entityIds) {
    if (!m_error.isEmpty())
        return Error{m_error};
    if (Status s = unindexEntities(articleId); !s)
        return s;
    m_setMentions.addBindValue(text(mentionsJson));
    m_setMentions.addBindValue(text(version));
    m_setMentions.addBindValue(articleId);
    if (!m_setMentions.exec())
        return sqlError(QStringLiteral("store the names found"), m_setMentions);
    Result<Stored> stored = storedOf(articleId);
    if (!stored)
        return Error{stored.error()};
    indexArticle(*m_entities, *m_regions, m_regionsOfPlace, articleId, stored->sortTime, stored->unread,
                 entityIds);
    return {};
}

Result<UpsertResult> PostgresArticleWriter::upsert(const Article& article, const QByteArray& version,
                                                   const ArticleDerived& derived) {
    if (!m_error.isEmpty())
        return Error{m_error};
    Result<std::optional<Found>> found = find(article.feedId, derived.dedupeKey);
    if (!found)
        return Error{found.error()};
    if (*found)
        return update(article, version, derived, **found);

    Result<qint64> id = reserveId();
    if (!id)
        return Error{id.error()};
    const QDateTime fetched = article.fetched.isValid() ? article.fetched : QDateTime::currentDateTimeUtc();
    const qint64 sortTime = (article.published.isValid() ? article.published : fetched).toSecsSinceEpoch();
    m_articles.row().integer(*id).integer(article.feedId).text(derived.dedupeKey).text(derived.guid);
    m_articles.text(derived.link).text(derived.title).text(derived.author).text(derived.source);
    if (article.published.isValid())
        m_articles.integer(article.published.toSecsSinceEpoch());
    else
        m_articles.null();
    m_articles.integer(fetched.toSecsSinceEpoch())
        .integer(sortTime)
        .text(derived.tags)
        .text(derived.thumbnail);
    m_articles.text(derived.contentHash).text(version).text(derived.mentionsJson).text(derived.remoteImages);
    m_bodies.row().integer(*id).bytea(derived.body);
    m_search.row().integer(*id).binary(
        !derived.postgresDocument.isEmpty()
            ? derived.postgresDocument
            : postgresSearchDocumentBinary(derived.searchTitle, derived.searchBody));
    m_pendingKeys.insert(pendingKey(article.feedId, derived.dedupeKey));
    ++m_insertedPerFeed[article.feedId]; // new, so unread
    if (Status s = m_vocabulary.add(derived.searchWords); !s)
        return Error{s.error()};
    indexArticle(*m_entities, *m_regions, m_regionsOfPlace, *id, sortTime, true, derived.entityIds);
    if (m_articles.rows() >= kBatchArticles ||
        m_articles.bytes() + m_bodies.bytes() + m_search.bytes() >= kBatchBytes) {
        if (Status s = writeInserts(); !s)
            return Error{s.error()};
    }
    return UpsertResult{*id, UpsertOutcome::Inserted};
}

Result<UpsertResult> PostgresArticleWriter::update(const Article& article, const QByteArray& version,
                                                   const ArticleDerived& derived, Found found) {
    UpsertResult result{found.id, UpsertOutcome::Unchanged};
    const bool legacy = isLegacyContentHash(found.contentHash);
    bool same = found.contentHash == derived.contentHash;
    if (legacy) {
        // Stored before the hash changed (an archive copied from an old file): see ArticleWriter.
        Result<ArticleBodyUtf8> body = decompressBodyUtf8(derived.body);
        if (!body)
            return Error{body.error()};
        same = found.contentHash ==
               legacyContentHash({derived.title, derived.author, body->html, body->text, derived.tags});
        if (same) {
            m_rehash.addBindValue(text(derived.contentHash));
            m_rehash.addBindValue(found.id);
            if (!m_rehash.exec())
                return sqlError(QStringLiteral("update an article"), m_rehash);
        }
    }
    if (same)
        return result;
    result.outcome = UpsertOutcome::Updated;
    if (Status s = unindexEntities(found.id); !s)
        return Error{s.error()};
    const QVariant published = publishedOf(article);
    for (const QVariant& value :
         {text(derived.guid), text(derived.link), text(derived.title), text(derived.author),
          text(derived.source), published, published, text(derived.tags), text(derived.thumbnail),
          text(derived.contentHash), text(version), text(derived.mentionsJson), text(derived.remoteImages),
          QVariant(found.id)})
        m_update.addBindValue(value);
    if (!m_update.exec())
        return sqlError(QStringLiteral("update an article"), m_update);
    m_updateBody.addBindValue(found.id);
    m_updateBody.addBindValue(derived.body);
    if (!m_updateBody.exec())
        return sqlError(QStringLiteral("update an article"), m_updateBody);
    m_updateSearch.addBindValue(found.id);
    m_updateSearch.addBindValue(text(postgresSearchDocument(derived.searchTitle, derived.searchBody)));
    if (!m_updateSearch.exec())
        return sqlError(QStringLiteral("update the search index"), m_updateSearch);
    if (Status s = m_vocabulary.add(derived.searchWords); !s)
        return Error{s.error()};
    Result<Stored> stored = storedOf(found.id);
    if (!stored)
        return Error{stored.error()};
    // The text changed: the analyst's highlights follow their passages (or become orphans).
    Result<ArticleBody> body = decompressBody(derived.body);
    if (!body)
        return Error{body.error()};
    if (Result<ReanchorReport> moved = reanchorHighlights(m_db, found.id, body->text); !moved)
        return Error{moved.error()};
    indexArticle(*m_entities, *m_regions, m_regionsOfPlace, found.id, stored->sortTime, !found.read,
                 derived.entityIds);
    return result;
}

} // namespace mirsad::storage
