#include "storage/ArticleWriter.h"

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
    , m_insertMention(m_db)
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
    m_insertMention.prepare(QStringLiteral("INSERT OR IGNORE INTO mentions (article_id, entity_id, start, "
                                           "end, surface) VALUES (?, ?, ?, ?, ?)"));
    m_setTagged.prepare(QStringLiteral("UPDATE articles SET tagged_version = ? WHERE id = ?"));
    m_deleteSearch.prepare(QStringLiteral("DELETE FROM article_search WHERE rowid = ?"));
    m_insertSearch.prepare(
        QStringLiteral("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)"));
}

Status ArticleWriter::indexForSearch(qint64 id, const Article& article, bool replace) {
    if (replace) {
        m_deleteSearch.addBindValue(id);
        if (!m_deleteSearch.exec())
            return failed(m_deleteSearch, QStringLiteral("update the search index"));
    }
    m_insertSearch.addBindValue(id);
    m_insertSearch.addBindValue(sqlText(searchText(article.title)));
    m_insertSearch.addBindValue(sqlText(searchText(article.text)));
    if (!m_insertSearch.exec())
        return failed(m_insertSearch, QStringLiteral("update the search index"));
    return {};
}

Status ArticleWriter::replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                                      const QString& taggedVersion) {
    m_deleteMentions.addBindValue(articleId);
    if (!m_deleteMentions.exec())
        return failed(m_deleteMentions, QStringLiteral("store the names found"));
    for (const StoredMention& mention : mentions) {
        m_insertMention.addBindValue(articleId);
        m_insertMention.addBindValue(mention.entityId);
        m_insertMention.addBindValue(mention.start);
        m_insertMention.addBindValue(mention.end);
        m_insertMention.addBindValue(sqlText(mention.surface));
        if (!m_insertMention.exec())
            return failed(m_insertMention, QStringLiteral("store the names found"));
    }
    m_setTagged.addBindValue(sqlText(taggedVersion));
    m_setTagged.addBindValue(articleId);
    if (!m_setTagged.exec())
        return failed(m_setTagged, QStringLiteral("store the names found"));
    return {};
}

Result<UpsertResult> ArticleWriter::upsert(const Article& article, const QString& taggedVersion) {
    if (article.feedId <= 0)
        return Error{QStringLiteral("An article must belong to a feed.")};
    const QString key = article.dedupeKey();
    const QString hash = article.contentHash();
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
    if (Status s = indexForSearch(result.id, article, result.outcome == UpsertOutcome::Updated); !s)
        return Error{s.error()};
    if (Status s = replaceMentions(result.id, article.mentions, taggedVersion); !s)
        return Error{s.error()};
    return result;
}

} // namespace mirsad::storage
