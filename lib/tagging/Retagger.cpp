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
    , m_reader(reader) {
}

Retagger::~Retagger() {
    m_cancelled->store(true);
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
        .run([](QSqlDatabase& db) -> Result<Loaded> {
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
    if (m_cancelled->load())
        return finish(m_restart);
    RetagPlan& plan = *m_plan;
    const QString version = plan.version();
    switch (plan.next()) {
    case RetagPlan::Step::FindCandidates:
        m_reader.run([names = plan.names()](QSqlDatabase& db) { return candidateArticles(db, names); })
            .then(this, [this](const Result<std::optional<QList<qint64>>>& candidates) {
                if (!candidates)
                    return fail(candidates.error());
                m_plan->setCandidates(*candidates);
                nextStep();
            });
        return;
    case RetagPlan::Step::ReadCandidates:
        m_reader
            .run([ids = plan.takeCandidates(), version](QSqlDatabase& db) {
                return readArticles(db, ids, version);
            })
            .then(this, [this](const Result<RetagBatch>& read) { retag(read); });
        return;
    case RetagPlan::Step::BumpVersions:
        m_writer
            .run([from = plan.previousVersions(), version](QSqlDatabase& db) {
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
            .run([version, after = plan.afterId()](QSqlDatabase& db) {
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
    QtConcurrent::map(*indexes, [tagger = m_tagger, batch, indexes](qsizetype i) {
        matchArticle(*tagger, *batch, i);
    }).then(this, [this, batch, version = m_plan->version()]() {
        if (m_cancelled->load() && m_restart)
            return finish(true); // the names changed: these results are already out of date
        m_writer.run([batch, version](QSqlDatabase& db) { return writeBatch(db, *batch, version); })
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
    if (m_plan)
        m_pending.merge(m_plan->unfinished()); // not all of its articles were seen: keep the fast path
    m_plan.reset();
    if (restart) {
        m_restart = false;
        begin();
        return;
    }
    emit finished(m_changed);
}

void Retagger::fail(const QString& error) {
    m_running = false;
    m_restart = false;
    m_plan.reset();
    emit failed(error);
}

} // namespace mirsad::tagging
