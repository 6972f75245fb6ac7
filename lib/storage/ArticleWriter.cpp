#include "storage/ArticleWriter.h"

#include "annotations/Annotations.h"
#include "storage/Database.h"
#include "storage/MentionsColumn.h"
#include "storage/SearchText.h"

#include <QSqlError>

namespace mirsad::storage {

static QVariant epochOrNull(const QDateTime& time) {
    return time.isValid() ? QVariant(time.toSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

static Error failed(const QSqlQuery& query, const QString& what) {
    return Error{QStringLiteral("Could not %1: %2").arg(what, query.lastError().text())};
}

ArticleWriter::ArticleWriter(QSqlDatabase db)
    : m_db(std::move(db))
    , m_find(m_db)
    , m_insert(m_db)
    , m_update(m_db)
    , m_setMentions(m_db)
    , m_sortTime(m_db)
    , m_unindex(m_db)
    , m_indexEntities(m_db)
    , m_countEntities(m_db)
    , m_indexRegions(m_db)
    , m_countRegions(m_db)
    , m_deleteSearch(m_db)
    , m_insertSearch(m_db) {
    m_find.prepare(
        QStringLiteral("SELECT id, content_hash FROM articles WHERE feed_id = ? AND dedupe_key = ?"));
    m_insert.prepare(QStringLiteral(
        "INSERT INTO articles (feed_id, dedupe_key, guid, link, title, author, source, published, fetched, "
        "sort_time, html, text, tags, thumbnail, content_hash, tagged_version, mentions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_update.prepare(QStringLiteral("UPDATE articles SET guid = ?, link = ?, title = ?, author = ?, source = "
                                    "?, published = coalesce(?, published), "
                                    "sort_time = coalesce(?, published, fetched), html = ?, text = ?, tags = "
                                    "?, thumbnail = ?, content_hash = ?, "
                                    "tagged_version = ?, mentions = ? WHERE id = ?"));
    m_setMentions.prepare(
        QStringLiteral("UPDATE articles SET mentions = ?, tagged_version = ? WHERE id = ?"));
    // The filters' indexes (migrations 004 and 006): the articles' entities, the regions those
    // lie in, and the articles per entity and per region. ?1 is the batch as JSON,
    // [[article id, sort time, [entity, ...]], ...], each entity once per article.
    m_sortTime.prepare(QStringLiteral("SELECT sort_time FROM articles WHERE id = ?"));
    // The delete triggers take the counts and regions down with the rows.
    m_unindex.prepare(QStringLiteral("DELETE FROM article_entities WHERE article_id = ?"));
    const QString entities = QStringLiteral("json_each(?1) a, json_each(a.value -> 2) e");
    m_indexEntities.prepare(QStringLiteral("INSERT OR IGNORE INTO article_entities (entity_id, sort_time, "
                                           "article_id) SELECT e.value, a.value ->> 1, a.value ->> 0 FROM %1")
                                .arg(entities));
    m_countEntities.prepare(QStringLiteral("INSERT INTO entity_counts (entity_id, articles) "
                                           "SELECT e.value, count(*) FROM %1 GROUP BY e.value "
                                           "ON CONFLICT (entity_id) DO UPDATE SET articles = articles + "
                                           "excluded.articles")
                                .arg(entities));
    const QString regions = QStringLiteral("SELECT DISTINCT c.region_id, a.value ->> 1 AS sort_time, "
                                           "a.value ->> 0 AS article_id FROM %1 "
                                           "JOIN place_closure c ON c.place_id = e.value")
                                .arg(entities);
    m_indexRegions.prepare(
        QStringLiteral("INSERT OR IGNORE INTO article_regions (region_id, sort_time, article_id) %1")
            .arg(regions));
    m_countRegions.prepare(QStringLiteral("INSERT INTO region_counts (region_id, articles) "
                                          "SELECT region_id, count(*) FROM (%1) GROUP BY region_id "
                                          "ON CONFLICT (region_id) DO UPDATE SET articles = articles + "
                                          "excluded.articles")
                               .arg(regions));
    m_deleteSearch.prepare(QStringLiteral("DELETE FROM article_search WHERE rowid = ?"));
    m_insertSearch.prepare(
        QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
}

ArticleDerived ArticleDerived::of(const Article& article) {
    return {article.dedupeKey(),
            article.contentHash(),
            searchText(article.title),
            searchText(article.text),
            encodeMentions(article.mentions),
            encodeEntityIds(article.mentions)};
}

Status ArticleWriter::indexForSearch(qint64 id, const ArticleDerived& derived, bool replace) {
    if (replace) {
        m_deleteSearch.addBindValue(id);
        if (!m_deleteSearch.exec())
            return failed(m_deleteSearch, QStringLiteral("update the search index"));
    }
    m_insertSearch.addBindValue(id);
    m_insertSearch.addBindValue(sqlText(derived.searchTitle));
    m_insertSearch.addBindValue(sqlText(derived.searchBody));
    if (!m_insertSearch.exec())
        return failed(m_insertSearch, QStringLiteral("update the search index"));
    return {};
}

Status ArticleWriter::exec(QSqlQuery& query, std::initializer_list<QVariant> values, const QString& what) {
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return failed(query, what);
    return {};
}

ArticleWriter::~ArticleWriter() {
    if (!m_pending.isEmpty()) {
        if (Status s = finish(); !s)
            qWarning("%s", qPrintable(s.error()));
    }
}

Status ArticleWriter::indexEntities(qint64 articleId, qint64 sortTime, const QString& entityIdsJson,
                                    bool replace) {
    // Replacing starts from nothing, so that finish() only ever adds (and counts) new rows.
    if (replace) {
        if (Status s = exec(m_unindex, {articleId}, QStringLiteral("index the names found")); !s)
            return s;
    }
    if (entityIdsJson.size() > 2) // not "[]"
        m_pending.insert(articleId, {sortTime, entityIdsJson});
    else
        m_pending.remove(articleId);
    return {};
}

Status ArticleWriter::finish() {
    if (m_pending.isEmpty())
        return {};
    QString batch;
    batch.reserve(m_pending.size() * 96);
    batch += u'[';
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (batch.size() > 1)
            batch += u',';
        batch += u'[' + QString::number(it.key()) + u',' + QString::number(it->sortTime) + u',' +
                 it->entityIdsJson + u']';
    }
    batch += u']';
    m_pending.clear();
    const QVariant value(batch);
    for (QSqlQuery* query : {&m_indexEntities, &m_countEntities, &m_indexRegions, &m_countRegions}) {
        if (Status s = exec(*query, {value}, QStringLiteral("index the names found")); !s)
            return s;
    }
    return {};
}

Status ArticleWriter::replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                                      const QString& taggedVersion) {
    m_setMentions.addBindValue(encodeMentions(mentions));
    m_setMentions.addBindValue(sqlText(taggedVersion));
    m_setMentions.addBindValue(articleId);
    if (!m_setMentions.exec())
        return failed(m_setMentions, QStringLiteral("store the names found"));
    if (Status s = exec(m_sortTime, {articleId}, QStringLiteral("store the names found")); !s)
        return s;
    const qint64 sortTime = m_sortTime.next() ? m_sortTime.value(0).toLongLong() : 0;
    m_sortTime.finish();
    return indexEntities(articleId, sortTime, encodeEntityIds(mentions), true);
}

Result<UpsertResult> ArticleWriter::upsert(const Article& article, const QString& taggedVersion) {
    return upsert(article, taggedVersion, ArticleDerived::of(article));
}

Result<UpsertResult> ArticleWriter::upsert(const Article& article, const QString& taggedVersion,
                                           const ArticleDerived& derived) {
    if (article.feedId <= 0)
        return Error{QStringLiteral("An article must belong to a feed.")};
    const QString& key = derived.dedupeKey;
    const QString& hash = derived.contentHash;
    const QString tags = article.tags.join(QChar(0x1f));

    m_find.addBindValue(article.feedId);
    m_find.addBindValue(key);
    if (!m_find.exec())
        return failed(m_find, QStringLiteral("look up an article"));
    UpsertResult result;
    qint64 sortTime = 0;
    if (m_find.next()) {
        result.id = m_find.value(0).toLongLong();
        const bool same = m_find.value(1).toString() == hash;
        m_find.finish();
        if (same)
            return result;
        result.outcome = UpsertOutcome::Updated;
        for (const QVariant& value :
             {sqlText(article.guid), sqlText(article.link), sqlText(article.title), sqlText(article.author),
              sqlText(article.source), epochOrNull(article.published), epochOrNull(article.published),
              sqlText(article.html), sqlText(article.text), sqlText(tags), sqlText(article.thumbnail),
              sqlText(hash), sqlText(taggedVersion), QVariant(derived.mentionsJson), QVariant(result.id)})
            m_update.addBindValue(value);
        if (!m_update.exec())
            return failed(m_update, QStringLiteral("update an article"));
        if (Status s = exec(m_sortTime, {result.id}, QStringLiteral("update an article")); !s)
            return Error{s.error()};
        sortTime = m_sortTime.next() ? m_sortTime.value(0).toLongLong() : 0;
        m_sortTime.finish();
        // The text changed: the analyst's highlights follow their passages (or become orphans).
        if (Result<annotations::ReanchorReport> moved =
                annotations::reanchorHighlights(m_db, result.id, article.text);
            !moved)
            return Error{moved.error()};
    } else {
        m_find.finish();
        result.outcome = UpsertOutcome::Inserted;
        const QDateTime fetched =
            article.fetched.isValid() ? article.fetched : QDateTime::currentDateTimeUtc();
        sortTime = (article.published.isValid() ? article.published : fetched).toSecsSinceEpoch();
        for (const QVariant& value :
             {QVariant(article.feedId), sqlText(key), sqlText(article.guid), sqlText(article.link),
              sqlText(article.title), sqlText(article.author), sqlText(article.source),
              epochOrNull(article.published), QVariant(fetched.toSecsSinceEpoch()), QVariant(sortTime),
              sqlText(article.html), sqlText(article.text), sqlText(tags), sqlText(article.thumbnail),
              sqlText(hash), sqlText(taggedVersion), QVariant(derived.mentionsJson)})
            m_insert.addBindValue(value);
        if (!m_insert.exec())
            return failed(m_insert, QStringLiteral("store an article"));
        result.id = m_insert.lastInsertId().toLongLong();
    }
    const bool updated = result.outcome == UpsertOutcome::Updated;
    if (Status s = indexForSearch(result.id, derived, updated); !s)
        return Error{s.error()};
    // The row itself holds the mentions and their tagged_version; the index follows.
    if (Status s = indexEntities(result.id, sortTime, derived.entityIdsJson, updated); !s)
        return Error{s.error()};
    return result;
}

} // namespace mirsad::storage
