#pragma once

#include "articles/Article.h"
#include "articles/ContentHash.h"
#include "core/Result.h"
#include "storage/IndexRowWriter.h"
#include "storage/SearchVocabulary.h"
#include "storage/SqliteStatement.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <memory>
#include <optional>

namespace mirsad::storage {

class PostgresArticleWriter;

enum class UpsertOutcome { Inserted, Updated, Unchanged };

struct UpsertResult {
    qint64 id = 0;
    UpsertOutcome outcome = UpsertOutcome::Unchanged;
};

// What storing an article writes, computed by of() anywhere: its identity, content hash, search
// forms and names, its body compressed (storage/ArticleBody.h) and the rest in the UTF-8 SQLite
// stores. The CPU work is done on worker threads, so that the single writer only writes.
struct ArticleDerived {
    QByteArray dedupeKey; // identityDigest(Article::dedupeKey()), as stored
    QByteArray contentHash;
    QByteArray guid;
    QByteArray link;
    QByteArray title;
    QByteArray author;
    QByteArray source;
    QByteArray body; // compressBody(html, text): the article_bodies row
    QByteArray tags; // separated by U+001F
    QByteArray thumbnail;
    QByteArray remoteImages; // separated by U+001F
    QByteArray searchTitle;
    QByteArray searchBody;
    QByteArray searchWords;      // the distinct words of both, for the search vocabulary (indexWords)
    QByteArray mentionsJson;     // the articles.mentions column (see storage/MentionsColumn.h)
    QList<QByteArray> entityIds; // the distinct entities, for the filters' index
    // PostgreSQL's search document (postgresSearchDocumentBinary of searchTitle and searchBody)
    // when the preparation knew the archive to be there; else the writer builds it.
    QByteArray postgresDocument;

    static ArticleDerived of(const Article& article);
};

// Stores articles through statements prepared once per connection, on SQLite's own interface
// (see storage/SqliteStatement.h), or on PostgreSQL in batches (PostgresArticleWriter.h: what
// upsert() inserts reaches the server by finish() at the latest). The caller owns the transaction, so that a
// batch is one transaction. The filters' indexes (the articles' entities and regions, and their counts) are
// gathered in memory and written by finish() (see IndexRowWriter): call it before committing
// (the destructor does it too, late, as a safety net), and before changing the read state of an
// article stored since the last call (the unread counts take the state it was stored with).
class ArticleWriter {
public:
    explicit ArticleWriter(QSqlDatabase db);
    ~ArticleWriter();
    ArticleWriter(const ArticleWriter&) = delete;
    ArticleWriter& operator=(const ArticleWriter&) = delete;

    // Says which articles come next (one feed's, in order), so that PostgreSQL can look them up
    // in one query; SQLite finds each as it comes and ignores it. Optional.
    Status lookAhead(const QList<Article>& articles, const QList<ArticleDerived>& derived);

    // Inserts a new article, or updates one with the same identity (Article::dedupeKey) in its
    // feed when its content changed. Read/starred state, highlights and notes stay attached.
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion = {});
    // The same with `derived` computed beforehand: it must be ArticleDerived::of(article), and
    // what it holds is what is stored (the article's own html and text may be released by then).
    Result<UpsertResult> upsert(const Article& article, const QString& taggedVersion,
                                const ArticleDerived& derived);

    // Replaces the stored mentions of an article (after re-tagging).
    Status replaceMentions(qint64 articleId, const QList<StoredMention>& mentions,
                           const QString& taggedVersion);

    // Writes the filters' index rows and counts of what was stored since the last call.
    Status finish();

private:
    Status prepare();
    Status indexForSearch(qint64 id, const ArticleDerived& derived, bool replace);
    // Removes an article's rows from the filters' indexes, before its row changes.
    Status unindexEntities(qint64 articleId);
    // Adds an article's rows to the filters' indexes, written by finish().
    void indexEntities(qint64 articleId, qint64 sortTime, bool unread, const QList<QByteArray>& entityIds);
    struct Stored {
        qint64 sortTime = 0;
        bool unread = false;
    };
    Result<Stored> storedOf(qint64 articleId);
    // Whether `derived` has the content `stored`, a content hash of the legacy form.
    Result<bool> sameAsLegacy(QByteArrayView stored, const ArticleDerived& derived) const;

    QSqlDatabase m_db;
    QString m_error;                                   // why the statements could not be prepared
    std::unique_ptr<PostgresArticleWriter> m_postgres; // the writer on PostgreSQL; the rest is SQLite's

    SqliteStatement m_find;
    SqliteStatement m_insert;
    SqliteStatement m_insertBody;
    SqliteStatement m_updateBody;
    SqliteStatement m_update;
    SqliteStatement m_rehash;
    SqliteStatement m_setMentions;
    SqliteStatement m_sortTime;
    SqliteStatement m_unindexRegions;
    SqliteStatement m_unindex;
    std::optional<IndexRowWriter> m_entities;
    std::optional<IndexRowWriter> m_regions;
    SqliteStatement m_deleteSearch;
    SqliteStatement m_insertSearch;
    SqliteStatement m_countFeed;
    VocabularyWriter m_vocabulary;

    QHash<QByteArray, QList<QByteArray>> m_regionsOfPlace; // place_closure
    QHash<qint64, qint64> m_insertedPerFeed;               // added to the feeds' counts by finish()
};

} // namespace mirsad::storage
