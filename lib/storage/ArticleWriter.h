#pragma once

#include "articles/Article.h"
#include "core/Result.h"

#include <QHash>
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
    QString mentionsJson;  // the articles.mentions column (see storage/MentionsColumn.h)
    QString entityIdsJson; // the distinct entities, for the filters' index

    static ArticleDerived of(const Article& article);
};

// Stores articles through statements prepared once per connection. The caller owns the
// transaction, so that a batch is one transaction. The filters' indexes of the articles stored
// (entities, regions, counts) are written by finish(), a few statements for the whole batch:
// call it before committing (the destructor does it too, late, as a safety net).
class ArticleWriter {
public:
    explicit ArticleWriter(QSqlDatabase db);
    ~ArticleWriter();
    ArticleWriter(const ArticleWriter&) = delete;
    ArticleWriter& operator=(const ArticleWriter&) = delete;

    // Inserts a new article, or updates one with the same identity (Article::dedupeKey) in its
    // feed when its content changed. Read/starred state, highlights and notes stay attached.
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion = {});
    // The same with `derived` computed beforehand (it must be ArticleDerived::of(article)).
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion,
                                const ArticleDerived& derived);

    // Replaces the stored mentions of an article (after re-tagging).
    Status replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                           const QString& taggedVersion);

    // Writes the filters' indexes of everything stored since the last call.
    Status finish();

private:
    Status indexForSearch(qint64 id, const ArticleDerived& derived, bool replace);
    Status indexEntities(qint64 articleId, qint64 sortTime, const QString& entityIdsJson, bool replace);
    Status exec(QSqlQuery& query, std::initializer_list<QVariant> values, const QString& what);

    struct PendingIndex {
        qint64 sortTime = 0;
        QString entityIdsJson;
    };
    QHash<qint64, PendingIndex> m_pending; // by article id: a second store of one article wins

    QSqlDatabase m_db;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_setMentions;
    QSqlQuery m_sortTime;
    QSqlQuery m_unindex;
    QSqlQuery m_indexEntities;
    QSqlQuery m_countEntities;
    QSqlQuery m_indexRegions;
    QSqlQuery m_countRegions;
    QSqlQuery m_deleteSearch;
    QSqlQuery m_insertSearch;
};

} // namespace mirsad::storage
