#include "storage/ArticleWriter.h"

#include "articles/ContentHash.h"
#include "search/SearchText.h"
#include "storage/ArticleBody.h"
#include "storage/Dialect.h"
#include "storage/HighlightAnchoring.h"
#include "storage/Logging.h"
#include "storage/MentionsColumn.h"
#include "storage/PostgresArticleWriter.h"
#include "storage/SearchVocabulary.h"

#include <algorithm>

namespace mirsad::storage {

static Error failed(const SqliteStatement& statement, const QString& what) {
    return couldNot(what, statement.error());
}

ArticleDerived ArticleDerived::of(const Article& article) {
    ArticleDerived derived;
    derived.dedupeKey = identityDigest(article.dedupeKey());
    derived.guid = article.guid.toUtf8();
    derived.link = article.link.toUtf8();
    derived.title = article.title.toUtf8();
    derived.author = article.author.toUtf8();
    derived.source = article.source.toUtf8();
    const QByteArray html = article.html.toUtf8();
    const QByteArray text = article.text.toUtf8();
    derived.tags = article.tags.join(QChar(0x1f)).toUtf8();
    derived.thumbnail = article.thumbnail.toUtf8();
    derived.remoteImages = article.remoteImages.join(QChar(0x1f)).toUtf8();
    derived.contentHash = mirsad::contentHash({derived.title, derived.author, html, text, derived.tags});
    derived.body = compressBody(html, text);
    derived.searchTitle = search::searchTextUtf8(article.title);
    derived.searchBody = search::searchTextUtf8(article.text);
    derived.searchWords = indexWords({derived.searchTitle, derived.searchBody});
    derived.mentionsJson = encodeMentions(article.mentions);
    for (const QString& id : distinctEntityIds(article.mentions))
        derived.entityIds << id.toUtf8();
    // Encoders reserve room for the longest form (three bytes a unit): up to three times what
    // an English text takes, held while the article waits for the writer. Shrinking in place
    // costs next to nothing.
    for (QByteArray* bytes : {&derived.searchTitle, &derived.searchBody})
        bytes->squeeze();
    return derived;
}

ArticleWriter::ArticleWriter(QSqlDatabase db)
    : m_db(std::move(db)) {
    if (isPostgres(m_db)) {
        m_postgres = std::make_unique<PostgresArticleWriter>(m_db);
        return;
    }
    if (Status prepared = prepare(); !prepared)
        m_error = prepared.error();
}

Status ArticleWriter::lookAhead(const QList<Article>& articles, const QList<ArticleDerived>& derived) {
    if (m_postgres)
        return m_postgres->lookAhead(articles, derived);
    return {};
}

Status ArticleWriter::prepare() {
    sqlite3* handle = sqliteHandle(m_db);
    if (!handle)
        return Error{QStringLiteral("Articles are stored in SQLite databases only.")};
    m_find = {handle, "SELECT id, content_hash, read FROM articles WHERE feed_id = ?1 AND dedupe_key = ?2"};
    m_insert = {handle,
                "INSERT INTO articles (feed_id, dedupe_key, guid, link, title, author, source, published, "
                "fetched, sort_time, tags, thumbnail, content_hash, tagged_version, mentions, remote_images) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"};
    // The body in a table of its own (migration 014): the articles' rows, which the list and
    // the counts read, stay small.
    m_insertBody = {handle, "INSERT INTO article_bodies (article_id, body) VALUES (?1, ?2)"};
    m_updateBody = {handle, "INSERT OR REPLACE INTO article_bodies (article_id, body) VALUES (?1, ?2)"};
    m_update = {handle, "UPDATE articles SET guid = ?1, link = ?2, title = ?3, author = ?4, source = ?5, "
                        "published = coalesce(?6, published), sort_time = coalesce(?6, published, fetched), "
                        "tags = ?7, thumbnail = ?8, content_hash = ?9, tagged_version = ?10, mentions = ?11, "
                        "remote_images = ?12 WHERE id = ?13"};
    m_setMentions = {handle, "UPDATE articles SET mentions = ?1, tagged_version = ?2 WHERE id = ?3"};
    m_rehash = {handle, "UPDATE articles SET content_hash = ?1 WHERE id = ?2"};
    m_sortTime = {handle, "SELECT sort_time, read FROM articles WHERE id = ?1"};
    // The filters' indexes (migrations 004, 006 and 008). An article's rows are those of its
    // stored mentions at its stored sort_time, so they are removed before its row changes; the
    // delete triggers take the counts down. Adding rows and counts is IndexRowWriter's.
    m_unindexRegions = {handle, "DELETE FROM article_regions WHERE region_id IN (SELECT c.region_id "
                                "FROM articles a, json_each(a.mentions) m JOIN place_closure c "
                                "ON c.place_id = m.value ->> 0 WHERE a.id = ?1) "
                                "AND sort_time = (SELECT sort_time FROM articles WHERE id = ?1) "
                                "AND article_id = ?1"};
    m_unindex = {handle,
                 "DELETE FROM article_entities WHERE entity_id IN (SELECT m.value ->> 0 "
                 "FROM articles a, json_each(a.mentions) m WHERE a.id = ?1) "
                 "AND sort_time = (SELECT sort_time FROM articles WHERE id = ?1) AND article_id = ?1"};
    m_entities.emplace(handle, "article_entities", "entity_id", "entity_counts");
    m_regions.emplace(handle, "article_regions", "region_id", "region_counts");
    m_deleteSearch = {handle, "DELETE FROM article_search WHERE rowid = ?1"};
    m_insertSearch = {handle, "INSERT INTO article_search (rowid, title, body) VALUES (?1, ?2, ?3)"};
    // The feed list's counts (migration 016) for the articles inserted, once per feed and batch.
    // A trigger on INSERT would cost more than the rest of storing an article: SQLite then keeps
    // a statement journal, a copy of every page each insert touches.
    m_countFeed = {handle, "UPDATE feeds SET article_count = article_count + ?1, "
                           "unread_count = unread_count + ?1 WHERE id = ?2"};
    for (const SqliteStatement* statement :
         {&m_find, &m_insert, &m_insertBody, &m_updateBody, &m_update, &m_rehash, &m_setMentions, &m_sortTime,
          &m_unindexRegions, &m_unindex, &m_deleteSearch, &m_insertSearch, &m_countFeed}) {
        if (!statement->isValid())
            return failed(*statement, QStringLiteral("prepare to store articles"));
    }
    m_vocabulary = VocabularyWriter(handle);
    if (!m_vocabulary.isValid())
        return couldNot(QStringLiteral("prepare to store articles"), m_vocabulary.error());
    for (const IndexRowWriter* index : {&*m_entities, &*m_regions}) {
        if (!index->isValid())
            return couldNot(QStringLiteral("prepare to store articles"), index->error());
    }
    // The regions each place lies in: a few thousand rows, read once per writer.
    SqliteStatement closure(handle, "SELECT place_id, region_id FROM place_closure");
    Result<bool> row = closure.next();
    for (; row && *row; row = closure.next())
        m_regionsOfPlace[closure.text(0).toByteArray()] << closure.text(1).toByteArray();
    if (!row)
        return failed(closure, QStringLiteral("read the regions of places"));
    return {};
}

ArticleWriter::~ArticleWriter() {
    if (Status s = finish(); !s)
        qCWarning(lcStorage) << s.error();
}

Status ArticleWriter::indexForSearch(qint64 id, const ArticleDerived& derived, bool replace) {
    if (replace) {
        if (Status s = m_deleteSearch.bind(1, id).exec(); !s)
            return failed(m_deleteSearch, QStringLiteral("update the search index"));
    }
    m_insertSearch.bind(1, id).bind(2, derived.searchTitle).bind(3, derived.searchBody);
    if (Status s = m_insertSearch.exec(); !s)
        return failed(m_insertSearch, QStringLiteral("update the search index"));
    return m_vocabulary.add(derived.searchWords);
}

Status ArticleWriter::unindexEntities(qint64 articleId) {
    // The delete triggers decrement counts in the database: write ours first, so that an entity
    // first counted in this batch has a row to decrement.
    if (Status s = finish(); !s)
        return s;
    for (SqliteStatement* statement : {&m_unindexRegions, &m_unindex}) {
        if (Status s = statement->bind(1, articleId).exec(); !s)
            return failed(*statement, QStringLiteral("index the names found"));
    }
    return {};
}

void ArticleWriter::indexEntities(qint64 articleId, qint64 sortTime, bool unread,
                                  const QList<QByteArray>& entityIds) {
    indexArticle(*m_entities, *m_regions, m_regionsOfPlace, articleId, sortTime, unread, entityIds);
}

Status ArticleWriter::finish() {
    if (m_postgres)
        return m_postgres->finish();
    if (!m_entities)
        return {};
    for (IndexRowWriter* index : {&*m_entities, &*m_regions}) {
        if (Status s = index->flush(); !s)
            return couldNot(QStringLiteral("index the names found"), s.error());
    }
    for (auto it = m_insertedPerFeed.cbegin(); it != m_insertedPerFeed.cend(); ++it) {
        if (Status s = m_countFeed.bind(1, it.value()).bind(2, it.key()).exec(); !s)
            return failed(m_countFeed, QStringLiteral("count the feed's articles"));
    }
    m_insertedPerFeed.clear();
    return {};
}

Result<ArticleWriter::Stored> ArticleWriter::storedOf(qint64 articleId) {
    m_sortTime.bind(1, articleId);
    Result<bool> row = m_sortTime.next();
    if (!row)
        return Error{row.error()};
    const Stored stored{*row ? m_sortTime.int64(0) : 0, *row && m_sortTime.int64(1) == 0};
    m_sortTime.reset();
    return stored;
}

Result<bool> ArticleWriter::sameAsLegacy(QByteArrayView stored, const ArticleDerived& derived) const {
    // Rare (an article stored before the hash changed, sent again), so the body is unpacked
    // here rather than kept beside its compressed form for every article.
    Result<ArticleBodyUtf8> body = decompressBodyUtf8(derived.body);
    if (!body)
        return Error{body.error()};
    return stored == legacyContentHash({derived.title, derived.author, body->html, body->text, derived.tags});
}

Status ArticleWriter::replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                                      const QString& taggedVersion) {
    if (!m_error.isEmpty())
        return Error{m_error};
    const QByteArray json = encodeMentions(mentions);
    const QByteArray version = taggedVersion.toUtf8();
    if (m_postgres) {
        QList<QByteArray> entityIds;
        for (const QString& id : distinctEntityIds(mentions))
            entityIds << id.toUtf8();
        return m_postgres->replaceMentions(articleId, json, version, entityIds);
    }
    if (Status s = unindexEntities(articleId); !s)
        return s;
    if (Status s = m_setMentions.bind(1, json).bind(2, version).bind(3, articleId).exec(); !s)
        return failed(m_setMentions, QStringLiteral("store the names found"));
    Result<Stored> stored = storedOf(articleId);
    if (!stored)
        return failed(m_sortTime, QStringLiteral("store the names found"));
    QList<QByteArray> entityIds;
    for (const QString& id : distinctEntityIds(mentions))
        entityIds << id.toUtf8();
    indexEntities(articleId, stored->sortTime, stored->unread, entityIds);
    return {};
}

Result<UpsertResult> ArticleWriter::upsert(const Article& article, const QString& taggedVersion) {
    return upsert(article, taggedVersion, ArticleDerived::of(article));
}

Result<UpsertResult> ArticleWriter::upsert(const Article& article, const QString& taggedVersion,
                                           const ArticleDerived& derived) {
    if (!m_error.isEmpty())
        return Error{m_error};
    if (article.feedId <= 0)
        return Error{QStringLiteral("An article must belong to a feed.")};
    const QByteArray version = taggedVersion.toUtf8();
    if (m_postgres)
        return m_postgres->upsert(article, version, derived);

    m_find.bind(1, article.feedId).bind(2, derived.dedupeKey);
    Result<bool> found = m_find.next();
    if (!found)
        return failed(m_find, QStringLiteral("look up an article"));
    UpsertResult result;
    qint64 sortTime = 0;
    bool unread = true; // a new article; an updated one keeps its state
    if (*found) {
        result.id = m_find.int64(0);
        unread = m_find.int64(2) == 0;
        const QByteArray stored = m_find.text(1).toByteArray();
        m_find.reset();
        const bool legacy = isLegacyContentHash(stored);
        bool same = stored == derived.contentHash;
        if (legacy) {
            Result<bool> sameLegacy = sameAsLegacy(stored, derived);
            if (!sameLegacy)
                return Error{sameLegacy.error()};
            same = *sameLegacy;
        }
        if (same && legacy) {
            // Stored before the hash changed: the new form from now on, so that this is once.
            if (Status s = m_rehash.bind(1, derived.contentHash).bind(2, result.id).exec(); !s)
                return failed(m_rehash, QStringLiteral("update an article"));
        }
        if (same)
            return result;
        result.outcome = UpsertOutcome::Updated;
        if (Status s = unindexEntities(result.id); !s)
            return Error{s.error()};
        m_update.bind(1, derived.guid).bind(2, derived.link).bind(3, derived.title);
        m_update.bind(4, derived.author).bind(5, derived.source);
        if (article.published.isValid())
            m_update.bind(6, article.published.toSecsSinceEpoch());
        else
            m_update.bindNull(6);
        m_update.bind(7, derived.tags).bind(8, derived.thumbnail).bind(9, derived.contentHash);
        m_update.bind(10, version).bind(11, derived.mentionsJson).bind(12, derived.remoteImages);
        m_update.bind(13, result.id);
        if (Status s = m_update.exec(); !s)
            return failed(m_update, QStringLiteral("update an article"));
        if (Status s = m_updateBody.bind(1, result.id).bindBlob(2, derived.body).exec(); !s)
            return failed(m_updateBody, QStringLiteral("update an article"));
        Result<Stored> updated = storedOf(result.id);
        if (!updated)
            return failed(m_sortTime, QStringLiteral("update an article"));
        sortTime = updated->sortTime;
        // The text changed: the analyst's highlights follow their passages (or become orphans).
        Result<ArticleBody> body = decompressBody(derived.body);
        if (!body)
            return Error{body.error()};
        if (Result<ReanchorReport> moved = reanchorHighlights(m_db, result.id, body->text); !moved)
            return Error{moved.error()};
    } else {
        m_find.reset();
        result.outcome = UpsertOutcome::Inserted;
        const QDateTime fetched =
            article.fetched.isValid() ? article.fetched : QDateTime::currentDateTimeUtc();
        sortTime = (article.published.isValid() ? article.published : fetched).toSecsSinceEpoch();
        m_insert.bind(1, article.feedId).bind(2, derived.dedupeKey).bind(3, derived.guid);
        m_insert.bind(4, derived.link).bind(5, derived.title).bind(6, derived.author);
        m_insert.bind(7, derived.source);
        if (article.published.isValid())
            m_insert.bind(8, article.published.toSecsSinceEpoch());
        else
            m_insert.bindNull(8);
        m_insert.bind(9, fetched.toSecsSinceEpoch()).bind(10, sortTime);
        m_insert.bind(11, derived.tags).bind(12, derived.thumbnail);
        m_insert.bind(13, derived.contentHash).bind(14, version).bind(15, derived.mentionsJson);
        m_insert.bind(16, derived.remoteImages);
        if (Status s = m_insert.exec(); !s)
            return failed(m_insert, QStringLiteral("store an article"));
        result.id = m_insert.lastInsertId();
        if (Status s = m_insertBody.bind(1, result.id).bindBlob(2, derived.body).exec(); !s)
            return failed(m_insertBody, QStringLiteral("store an article"));
        ++m_insertedPerFeed[article.feedId]; // new, so unread
    }
    const bool updated = result.outcome == UpsertOutcome::Updated;
    if (Status s = indexForSearch(result.id, derived, updated); !s)
        return Error{s.error()};
    // The row itself holds the mentions and their tagged_version; the index follows.
    indexEntities(result.id, sortTime, unread, derived.entityIds);
    return result;
}

} // namespace mirsad::storage
