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

// Stores articles through statements prepared once per connection. The caller owns the
// transaction, so that a batch is one transaction.
class ArticleWriter {
public:
    explicit ArticleWriter(QSqlDatabase db);

    // Inserts a new article, or updates one with the same identity (Article::dedupeKey) in its
    // feed when its content changed. Read/starred state, highlights and notes stay attached.
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion = {});

    // Replaces the stored mentions of an article (after re-tagging).
    Status replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                           const QString& taggedVersion);

private:
    Status indexForSearch(qint64 id, const Article& article, bool replace);

    QSqlDatabase m_db;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_deleteMentions;
    QSqlQuery m_insertMention;
    QSqlQuery m_setTagged;
    QSqlQuery m_deleteSearch;
    QSqlQuery m_insertSearch;
};

} // namespace mirsad::storage
