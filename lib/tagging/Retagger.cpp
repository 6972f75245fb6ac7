#include "tagging/Retagger.h"

#include "storage/DatabaseThread.h"
#include "tagging/Tagger.h"

#include <QtConcurrent/QtConcurrentMap>
#include <numeric>
#include <vector>

namespace mirsad::tagging {

Retagger::Retagger(storage::DatabaseThread& writer, storage::DatabaseThread& reader, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_reader(reader)
    , m_pool(std::make_unique<QThreadPool>()) {
    // On Linux the idle priority is SCHED_IDLE: matching only takes CPU time nothing else wants,
    // so a re-tag of the whole archive never slows the reader, the window or an import.
    m_pool->setThreadPriority(QThread::IdlePriority);
    m_pool->setMaxThreadCount(QThreadPool::globalInstance()->maxThreadCount());
    m_pool->setObjectName(QStringLiteral("mirsad-retag"));
}

Retagger::~Retagger() {
    m_cancelled->store(true);
    m_abandoned->store(true);
    m_pool->waitForDone(); // quick: the articles left are skipped (see retag)
}

void Retagger::addAlias(const QString& entityId, const QString& alias) {
    m_writer.run([entityId, alias](QSqlDatabase& db) { return storeUserAlias(db, entityId, alias); })
        .then(this, [this, entityId, alias](const Result<NamesAdded>& added) {
            if (!added) {
                emit failed(added.error()); // refused: a run in flight goes on
                return;
            }
            emit aliasAdded(entityId, alias);
            emit namesChanged();
            namesStored(*added);
        });
}

void Retagger::addEntity(const names::Entity& entity) {
    m_writer.run([entity](QSqlDatabase& db) { return storeUserEntity(db, entity); })
        .then(this, [this, entity](const Result<NamesAdded>& added) {
            if (!added) {
                emit failed(added.error());
                return;
            }
            emit entityAdded(added->entityId);
            emit namesChanged();
            namesStored(*added);
        });
}

QFuture<Result<NamesAdded>> Retagger::change(NameChange change) {
    return m_writer.run(std::move(change)).then(this, [this](const Result<NamesAdded>& changed) {
        if (!changed) {
            emit failed(changed.error());
            return changed;
        }
        emit namesChanged();
        namesStored(*changed);
        return changed;
    });
}

void Retagger::namesStored(const NamesAdded& added) {
    if (added.isEmpty()) { // nothing new, but whatever is out of date still is
        start();
        return;
    }
    m_pending.merge(added);
    if (m_running) {
        // The run in flight uses the previous gazetteer: stop it and start again with the new one.
        m_restart = true;
        m_cancelled->store(true);
        return;
    }
    begin();
}

void Retagger::start() {
    if (!m_running)
        begin();
}

void Retagger::cancel() {
    m_restart = false;
    m_cancelled->store(true);
    if (std::exchange(m_parked, false))
        finish(false);
}

void Retagger::setPaused(bool paused) {
    if (paused == m_paused)
        return;
    m_paused = paused;
    emit pausedChanged(paused);
    if (!paused && std::exchange(m_parked, false))
        nextStep();
}

void Retagger::begin() {
    m_running = true;
    m_cancelled->store(false);
    m_done = 0;
    m_changed = 0;
    struct Loaded {
        std::shared_ptr<const Tagger> tagger;
        qint64 outdated = 0;
    };
    // The tagger is loaded on the writer: loading brings the entities table up to date.
    m_writer
        .runDroppable([](QSqlDatabase& db) -> Result<Loaded> {
            Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
            if (!tagger)
                return Error{tagger.error()};
            Result<qint64> outdated = countOutdated(db, (*tagger)->version());
            if (!outdated)
                return Error{outdated.error()};
            return Loaded{*tagger, *outdated};
        })
        .then(this, [this](const Result<Loaded>& loaded) {
            if (!loaded)
                return fail(loaded.error());
            m_tagger = loaded->tagger;
            m_total = loaded->outdated;
            m_plan.emplace(std::exchange(m_pending, {}), m_tagger->version(), m_total);
            emit progress(0, m_total);
            nextStep();
        });
}

void Retagger::nextStep() {
    if (m_cancelled->load() || m_writer.isClosing())
        return finish(m_restart && !m_writer.isClosing());
    if (m_paused) {
        m_parked = true; // setPaused(false) goes on from here
        emit progress(std::min(m_done, m_total), m_total);
        return;
    }
    RetagPlan& plan = *m_plan;
    const QString version = plan.version();
    switch (plan.next()) {
    case RetagPlan::Step::FindCandidates:
        m_reader
            .runDroppable([names = plan.names()](QSqlDatabase& db) { return candidateArticles(db, names); })
            .then(this, [this](const Result<std::optional<QList<qint64>>>& candidates) {
                if (!candidates)
                    return fail(candidates.error());
                m_plan->setCandidates(*candidates);
                nextStep();
            });
        return;
    case RetagPlan::Step::ReadCandidates:
        m_reader
            .runDroppable([ids = plan.takeCandidates(), version](QSqlDatabase& db) {
                return readArticles(db, ids, version);
            })
            .then(this, [this](const Result<RetagBatch>& read) { retag(read); });
        return;
    case RetagPlan::Step::BumpVersions:
        m_writer
            .runDroppable([from = plan.previousVersions(), version](QSqlDatabase& db) {
                return bumpBatch(db, from, version);
            })
            .then(this, [this](const Result<qint64>& bumped) {
                if (!bumped)
                    return fail(bumped.error());
                m_plan->bumped(*bumped);
                m_done += *bumped;
                emit progress(std::min(m_done, m_total), m_total);
                nextStep();
            });
        return;
    case RetagPlan::Step::ReadOutdated:
        m_reader
            .runDroppable([version, after = plan.afterId()](QSqlDatabase& db) {
                return readOutdated(db, version, after, RetagPlan::kBatchSize);
            })
            .then(this, [this](const Result<RetagBatch>& read) {
                if (read)
                    m_plan->outdatedRead(*read);
                retag(read);
            });
        return;
    case RetagPlan::Step::Done:
        return finish(false);
    }
}

void Retagger::retag(const Result<RetagBatch>& read) {
    if (!read)
        return fail(read.error());
    if (read->ids.isEmpty())
        return nextStep();
    auto batch = std::make_shared<RetagBatch>(*read);
    batch->mentions.resize(batch->ids.size());
    auto indexes = std::make_shared<std::vector<qsizetype>>(static_cast<std::size_t>(batch->ids.size()));
    std::iota(indexes->begin(), indexes->end(), 0);
    // Given up half-way when this object goes or the storage closes: then nothing is written.
    const auto stop = [abandoned = m_abandoned, closing = m_writer.closingFlag()] {
        return abandoned->load() || closing->load();
    };
    QtConcurrent::map(m_pool.get(), *indexes, [tagger = m_tagger, batch, indexes, stop](qsizetype i) {
        if (!stop())
            matchArticle(*tagger, *batch, i);
    }).then(this, [this, batch, stop, version = m_plan->version()]() {
        if (stop())
            return finish(false); // not every article was matched: nothing of it is written
        if (m_cancelled->load() && m_restart)
            return finish(true); // the names changed: these results are already out of date
        m_writer.runDroppable([batch, version](QSqlDatabase& db) { return writeBatch(db, *batch, version); })
            .then(this, [this, batch](const Result<int>& changed) {
                if (!changed)
                    return fail(changed.error());
                m_done += batch->ids.size();
                m_changed += *changed;
                emit progress(std::min(m_done, m_total), m_total);
                nextStep();
            });
    });
}

void Retagger::finish(bool restart) {
    m_running = false;
    m_parked = false;
    if (m_plan)
        m_pending.merge(m_plan->unfinished()); // not all of its articles were seen: keep the fast path
    m_plan.reset();
    if (m_writer.isClosing())
        return; // quietly: the next start goes on from here
    if (restart) {
        m_restart = false;
        begin();
        return;
    }
    emit finished(m_changed);
}

void Retagger::fail(const QString& error) {
    m_running = false;
    m_parked = false;
    m_restart = false;
    m_plan.reset();
    emit failed(error);
}

} // namespace mirsad::tagging
