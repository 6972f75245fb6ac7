#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "names/Entity.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace mirsad::storage {
class DatabaseThread;
}

namespace mirsad::ingest {

class Tagger;

// What the user added to the gazetteer since the articles were tagged: the versions that differ
// from the current one only by these names. An article tagged with one of those versions can
// change only if its text contains one of the names, so the others just take the new version.
struct NamesAdded {
    QSet<QString> previousVersions;
    QStringList names;
    QString entityId; // whose names they are (the last one, once merged)

    bool isEmpty() const { return names.isEmpty(); }
    void merge(const NamesAdded& other) {
        previousVersions.unite(other.previousVersions);
        names += other.names;
        entityId = other.entityId;
    }
};

// Stores a user entity (user_entities) or an alias (user_aliases) after checking it against the
// gazetteer in use, forgets the cached tagger and returns what changed. Run on the writer.
Result<NamesAdded> storeUserEntity(QSqlDatabase& db, const names::Entity& entity);
Result<NamesAdded> storeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias);

// The articles whose text may contain one of the names, found through the full-text index's
// vocabulary (so that romanisation variants and clitics are found too); nullopt when the index
// cannot narrow the search (a name made only of very common words): then every article may change.
Result<std::optional<QList<qint64>>> candidateArticles(QSqlDatabase& db, const QStringList& names);

// One batch of articles to re-tag.
struct RetagBatch {
    QList<qint64> ids;
    QList<QString> texts;
    QList<QString> hashes;                // content_hash when read: a re-fetched article is left alone
    QList<QList<StoredMention>> mentions; // filled by matchBatch
};

// Reads up to `limit` articles not tagged with `version`, after id `afterId`, in id order.
Result<RetagBatch> readOutdated(QSqlDatabase& db, const QString& version, qint64 afterId, int limit);
// Reads the given articles (those still not tagged with `version`).
Result<RetagBatch> readArticles(QSqlDatabase& db, const QList<qint64>& ids, const QString& version);
// Finds the names of every article of the batch, on the worker threads of QThreadPool.
void matchBatch(const Tagger& tagger, RetagBatch& batch);
// One article of the batch (batch.mentions must already have the batch's size).
void matchArticle(const Tagger& tagger, RetagBatch& batch, qsizetype index);
// Replaces the batch's mentions in one transaction; returns how many articles' names changed.
Result<int> writeBatch(QSqlDatabase& db, const RetagBatch& batch, const QString& version);
// Gives `version` to at most `limit` articles tagged with one of `from` (once their candidates
// were re-tagged); returns how many. The caller owns the transaction.
Result<qint64> bumpVersions(QSqlDatabase& db, const QSet<QString>& from, const QString& version, int limit);
// How many articles are not tagged with `version`.
Result<qint64> countOutdated(QSqlDatabase& db, const QString& version);

struct RetagReport {
    qint64 examined = 0; // articles whose names were looked for again
    qint64 bumped = 0;   // articles that only took the new version
    qint64 changed = 0;  // articles whose names changed
};

// The whole re-tagging on one connection, synchronously (mirsadctl): first the candidates of
// `added`, then the others of its versions, then anything else out of date. `progress` is called
// after each batch with (done, total).
Result<RetagReport> retagArchive(QSqlDatabase& db, const NamesAdded& added = {},
                                 const std::function<void(qint64, qint64)>& progress = {});

// Re-tags the archive in the background after the user adds names, in batches: articles are read
// on the reader thread, matched on worker threads, written 500 to a transaction by the writer.
// Cheap to interrupt: each article records the gazetteer version that tagged it, so start()
// after a restart continues where the last run stopped.
class Retagger : public QObject {
    Q_OBJECT
public:
    Retagger(storage::DatabaseThread& writer, storage::DatabaseThread& reader, QObject* parent = nullptr);
    ~Retagger() override;

    static constexpr int kBatchSize = 500;

    // Store the name (on the writer), then re-tag. A refused name emits failed().
    void addAlias(const QString& entityId, const QString& alias);
    void addEntity(const names::Entity& entity);
    // Re-tags whatever is out of date (e.g. at start-up, after an interrupted run).
    void start();
    // Stops after the batch in flight; start() resumes.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void aliasAdded(const QString& entityId, const QString& alias);
    void entityAdded(const QString& entityId);
    void progress(qint64 done, qint64 total);
    void finished(qint64 changedArticles);
    void failed(const QString& error);

private:
    void namesStored(const NamesAdded& added);
    void begin();
    void nextBatch();
    void finish(bool restart);
    void fail(const QString& error);

    storage::DatabaseThread& m_writer;
    storage::DatabaseThread& m_reader;
    NamesAdded m_pending; // merged into the run when it starts
    NamesAdded m_added;   // what the run in flight narrows with
    std::shared_ptr<const Tagger> m_tagger;
    QList<qint64> m_candidates; // still to re-tag, for the fast path
    bool m_bumped = false;      // the fast path's bump done
    qint64 m_afterId = 0;       // the general path's cursor
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_changed = 0;
    bool m_running = false;
    bool m_restart = false; // names were added while running: run again
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

} // namespace mirsad::ingest
