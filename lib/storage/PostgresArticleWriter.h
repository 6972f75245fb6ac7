#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "storage/IndexRowWriter.h"
#include "storage/PostgresCopy.h"
#include "storage/SearchVocabulary.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

namespace mirsad::storage {

struct ArticleDerived;
struct UpsertResult;

// ArticleWriter on PostgreSQL (see ArticleWriter.h for what storing means). Where SQLite runs a
// statement per article in-process, a server costs a round trip per statement, so this writer
// batches: the articles coming next are looked up together (lookAhead), new articles get ids
// reserved from the identity sequence in blocks and wait in memory, and their rows (articles,
// bodies, search documents) go out by COPY in binary (storage/PostgresCopy.h) when a batch is full or at
// flush(). Updates of stored articles, rare, run at once, after the batch is written.
//
// Two clients storing the same feed at once would both find an item missing and both insert it:
// each transaction takes an advisory lock per feed before it looks articles up, so the second
// waits for the first to commit and then finds its articles.
class PostgresArticleWriter {
public:
    explicit PostgresArticleWriter(QSqlDatabase db);
    const QString& error() const { return m_error; }

    Status lookAhead(const QList<Article>& articles, const QList<ArticleDerived>& derived);
    Result<UpsertResult> upsert(const Article& article, const QByteArray& version,
                                const ArticleDerived& derived);
    Status replaceMentions(qint64 articleId, const QByteArray& mentionsJson, const QByteArray& version,
                           const QList<QByteArray>& entityIds);
    Status finish();

private:
    struct Found {
        qint64 id = 0;
        QByteArray contentHash;
        bool read = false;
    };
    struct Stored {
        qint64 sortTime = 0;
        bool unread = false;
    };
    Status prepare();
    Status lockFeed(qint64 feedId);
    Result<std::optional<Found>> find(qint64 feedId, const QByteArray& dedupeKey);
    Result<qint64> reserveId();
    Status writeInserts();
    Status unindexEntities(qint64 articleId);
    Result<Stored> storedOf(qint64 articleId);
    Result<UpsertResult> update(const Article& article, const QByteArray& version,
                                const ArticleDerived& derived, Found found);

    QSqlDatabase m_db;
    QString m_error;
    QSqlQuery m_find;
    QSqlQuery m_update;
    QSqlQuery m_updateBody;
    QSqlQuery m_updateSearch;
    QSqlQuery m_rehash;
    QSqlQuery m_setMentions;
    QSqlQuery m_sortTime;
    QSqlQuery m_unindexRegions;
    QSqlQuery m_unindex;
    QSqlQuery m_countFeed;
    PostgresCopy m_articles;
    PostgresCopy m_bodies;
    PostgresCopy m_search;
    std::optional<IndexRowWriter> m_entities;
    std::optional<IndexRowWriter> m_regions;
    VocabularyWriter m_vocabulary;
    RegionsOfPlace m_regionsOfPlace;

    QList<qint64> m_reservedIds; // taken from the back
    int m_nextReservation = 8;   // how many ids the next block reserves (see reserveId)
    QSet<qint64> m_lockedFeeds;
    QSet<qint64> m_emptyFeeds;        // locked when they had no articles: lookAhead need not ask
    QSet<QByteArray> m_writtenKeys;   // the pending keys written so far, while there are such feeds
    qint64 m_lookedUpFeed = 0;        // what lookAhead found, for the articles of this feed:
    QHash<QByteArray, Found> m_ahead; // stored ones, by dedupe key
    QSet<QByteArray> m_aheadMissing;  // and the keys of ones not stored
    QSet<QByteArray> m_pendingKeys;   // feed id and dedupe key of the inserts not yet written
    QHash<qint64, qint64> m_insertedPerFeed;
};

} // namespace mirsad::storage
