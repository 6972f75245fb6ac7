#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "tagging/UserNames.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <functional>
#include <optional>

namespace mirsad::tagging {

class Tagger;

// Re-tagging the archive after the user taught Mirsad names. Each article records the gazetteer
// version that tagged it, so a run can stop anywhere and the next one continues.
//
// The steps are database functions (read, match, write, bump) and RetagPlan says which comes
// next; retagArchive() runs them on one connection, the Retagger runs them on the database threads.

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
// One transaction of bumpVersions, RetagPlan::kBumpBatchSize articles at most.
Result<qint64> bumpBatch(QSqlDatabase& db, const QSet<QString>& from, const QString& version);
// How many articles are not tagged with `version`.
Result<qint64> countOutdated(QSqlDatabase& db, const QString& version);

// Where a re-tagging run stands and what it does next. With names added since the articles were
// tagged (the fast path), only the articles that may contain them are matched again
// (candidateArticles) and the other articles of those versions just take the new one; then, or
// without such names, every article still out of date is matched again, in id order.
class RetagPlan {
public:
    static constexpr int kBatchSize = 500;      // articles matched and written per transaction
    static constexpr int kBumpBatchSize = 5000; // articles given the new version per transaction

    enum class Step {
        FindCandidates, // candidateArticles(names()), then setCandidates()
        ReadCandidates, // readArticles(takeCandidates()), match and write
        BumpVersions,   // bumpBatch(previousVersions()), then bumped()
        ReadOutdated,   // readOutdated(afterId()), then outdatedRead(batch), match and write
        Done,
    };

    // `outdated`: how many articles are not tagged with `version`.
    RetagPlan(NamesAdded added, QString version, qint64 outdated);

    Step next() const;
    const QString& version() const { return m_version; }
    const QStringList& names() const { return m_added.names; }
    const QSet<QString>& previousVersions() const { return m_added.previousVersions; }
    qint64 afterId() const { return m_afterId; }

    // nullopt: the index cannot narrow the search, so every outdated article is matched again.
    void setCandidates(std::optional<QList<qint64>> candidates);
    QList<qint64> takeCandidates();
    void bumped(qint64 count);
    void outdatedRead(const RetagBatch& batch);
    // What a run stopped half-way leaves for the next one: the names whose fast path is not done.
    NamesAdded unfinished() const;

private:
    enum class Phase { FindCandidates, Candidates, Outdated, Done };
    NamesAdded m_added;
    QString m_version;
    Phase m_phase = Phase::Outdated;
    QList<qint64> m_candidates;
    qint64 m_afterId = 0;
};

struct RetagReport {
    qint64 examined = 0; // articles whose names were looked for again
    qint64 bumped = 0;   // articles that only took the new version
    qint64 changed = 0;  // articles whose names changed
};

// The whole re-tagging on one connection, synchronously (mirsadctl). `progress` is called after
// each step with (done, total).
Result<RetagReport> retagArchive(QSqlDatabase& db, const NamesAdded& added = {},
                                 const std::function<void(qint64, qint64)>& progress = {});

} // namespace mirsad::tagging
