#pragma once

#include "articles/Article.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace mirsad::storage {

enum class UpsertOutcome { Inserted, Updated, Unchanged };

struct UpsertResult {
    qint64 id = 0;
    UpsertOutcome outcome = UpsertOutcome::Unchanged;
};

// What storing an article derives from it: its identity, its content hash and the folded forms
// the search index holds. Computed by derive() anywhere, so that the CPU work can be done on
// worker threads and the single writer only writes.
struct ArticleDerived {
    QString dedupeKey;
    QString contentHash;
    QString searchTitle;
    QString searchBody;
    QString mentionsJson; // [[entity, start, end, surface], ...]: one statement stores them all

    static ArticleDerived of(const Article& article);
};

// Stores articles through statements prepared once per connection. The caller owns the
// transaction, so that a batch is one transaction.
class ArticleWriter {
public:
    explicit ArticleWriter(QSqlDatabase db);

    // Inserts a new article, or updates one with the same identity (Article::dedupeKey) in its
    // feed when its content changed. Read/starred state, highlights and notes stay attached.
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion = {});
    // The same with `derived` computed beforehand (it must be ArticleDerived::of(article)).
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion,
                                const ArticleDerived& derived);

    // Replaces the stored mentions of an article (after re-tagging).
    Status replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                           const QString& taggedVersion);

private:
    Status indexForSearch(qint64 id, const ArticleDerived& derived, bool replace);
    Status insertMentions(qint64 articleId, const QString& mentionsJson);

    QSqlDatabase m_db;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_deleteMentions;
    QSqlQuery m_insertMentions;
    QSqlQuery m_indexEntities;
    QSqlQuery m_setTagged;
    QSqlQuery m_deleteSearch;
    QSqlQuery m_insertSearch;
};

} // namespace mirsad::storage
