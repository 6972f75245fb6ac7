#include "storage/ArticleWriter.h"

#include "annotations/Annotations.h"
#include "storage/Database.h"
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
    , m_deleteMentions(m_db)
    , m_insertMentions(m_db)
    , m_indexEntities(m_db)
    , m_setTagged(m_db)
    , m_deleteSearch(m_db)
    , m_insertSearch(m_db) {
    m_find.prepare(
        QStringLiteral("SELECT id, content_hash FROM articles WHERE feed_id = ? AND dedupe_key = ?"));
    m_insert.prepare(QStringLiteral(
        "INSERT INTO articles (feed_id, dedupe_key, guid, link, title, author, source, published, fetched, "
        "sort_time, html, text, tags, thumbnail, content_hash, tagged_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_update.prepare(QStringLiteral("UPDATE articles SET guid = ?, link = ?, title = ?, author = ?, source = "
                                    "?, published = coalesce(?, published), "
                                    "sort_time = coalesce(?, published, fetched), html = ?, text = ?, tags = "
                                    "?, thumbnail = ?, content_hash = ?, "
                                    "tagged_version = ? WHERE id = ?"));
    m_deleteMentions.prepare(QStringLiteral("DELETE FROM mentions WHERE article_id = ?"));
    // All of an article's mentions in one statement: the triggers that keep the filter indexes
    // run per row anyway, but the per-statement cost (binding, statement journal) is paid once.
    m_insertMentions.prepare(
        QStringLiteral("INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end, surface) "
                       "SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)"));
    // The filters' (entity, article) index, once per entity and article (see migration 005).
    m_indexEntities.prepare(
        QStringLiteral("INSERT OR IGNORE INTO article_entities (entity_id, sort_time, article_id) "
                       "SELECT DISTINCT m.entity_id, a.sort_time, a.id FROM mentions m JOIN articles a ON "
                       "a.id = m.article_id "
                       "WHERE m.article_id = ?"));
    m_setTagged.prepare(QStringLiteral("UPDATE articles SET tagged_version = ? WHERE id = ?"));
    m_deleteSearch.prepare(QStringLiteral("DELETE FROM article_search WHERE rowid = ?"));
    m_insertSearch.prepare(
        QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
}

static void appendJsonString(QString& out, const QString& text) {
    out += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
}

static QString mentionsAsJson(const QList<StoredMention>& mentions) {
    QString json;
    json.reserve(mentions.size() * 48);
    json += u'[';
    for (const StoredMention& mention : mentions) {
        if (json.size() > 1)
            json += u',';
        json += u'[';
        appendJsonString(json, mention.entityId);
        json += u',' + QString::number(mention.start) + u',' + QString::number(mention.end) + u',';
        appendJsonString(json, mention.surface);
        json += u']';
    }
    json += u']';
    return json;
}

ArticleDerived ArticleDerived::of(const Article& article) {
    return {article.dedupeKey(), article.contentHash(), searchText(article.title), searchText(article.text),
            mentionsAsJson(article.mentions)};
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

Status ArticleWriter::insertMentions(qint64 articleId, const QString& mentionsJson) {
    if (mentionsJson.size() <= 2)
        return {}; // "[]"
    m_insertMentions.addBindValue(articleId);
    m_insertMentions.addBindValue(mentionsJson);
    if (!m_insertMentions.exec())
        return failed(m_insertMentions, QStringLiteral("store the names found"));
    m_indexEntities.addBindValue(articleId);
    if (!m_indexEntities.exec())
        return failed(m_indexEntities, QStringLiteral("index the names found"));
    return {};
}

Status ArticleWriter::replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                                      const QString& taggedVersion) {
    m_deleteMentions.addBindValue(articleId);
    if (!m_deleteMentions.exec())
        return failed(m_deleteMentions, QStringLiteral("store the names found"));
    if (Status s = insertMentions(articleId, mentionsAsJson(mentions)); !s)
        return s;
    m_setTagged.addBindValue(sqlText(taggedVersion));
    m_setTagged.addBindValue(articleId);
    if (!m_setTagged.exec())
        return failed(m_setTagged, QStringLiteral("store the names found"));
    return {};
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
              sqlText(hash), sqlText(taggedVersion), QVariant(result.id)})
            m_update.addBindValue(value);
        if (!m_update.exec())
            return failed(m_update, QStringLiteral("update an article"));
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
        const QDateTime sortTime = article.published.isValid() ? article.published : fetched;
        for (const QVariant& value :
             {QVariant(article.feedId), sqlText(key), sqlText(article.guid), sqlText(article.link),
              sqlText(article.title), sqlText(article.author), sqlText(article.source),
              epochOrNull(article.published), QVariant(fetched.toSecsSinceEpoch()),
              QVariant(sortTime.toSecsSinceEpoch()), sqlText(article.html), sqlText(article.text),
              sqlText(tags), sqlText(article.thumbnail), sqlText(hash), sqlText(taggedVersion)})
            m_insert.addBindValue(value);
        if (!m_insert.exec())
            return failed(m_insert, QStringLiteral("store an article"));
        result.id = m_insert.lastInsertId().toLongLong();
    }
    const bool updated = result.outcome == UpsertOutcome::Updated;
    if (Status s = indexForSearch(result.id, derived, updated); !s)
        return Error{s.error()};
    // A new row has no mentions yet and got its tagged_version from the insert.
    if (Status s = updated ? replaceMentions(result.id, article.mentions, taggedVersion)
                           : insertMentions(result.id, derived.mentionsJson);
        !s)
        return Error{s.error()};
    return result;
}

} // namespace mirsad::storage
