#pragma once

#include "core/Result.h"
#include "names/Entity.h"
#include "tagging/Retagging.h"
#include "tagging/UserNames.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace mirsad::storage {
class DatabaseThread;
}

namespace mirsad::tagging {

class Tagger;

// Re-tags the archive in the background after the user adds names, following a RetagPlan:
// articles are read on the reader thread, matched on worker threads of the lowest priority (so
// that the reader and the window always come first), written a batch to a transaction by the
// writer. Cheap to interrupt: start() after a restart continues where the last run stopped. When
// the storage closes, a batch being matched is given up and nothing more is queued (the batch
// being written finishes: each is one transaction).
class Retagger : public QObject {
    Q_OBJECT
public:
    // `reader` should not be the thread the window's own reads go to (Storage::background()):
    // each batch read takes a while on a large archive.
    Retagger(storage::DatabaseThread& writer, storage::DatabaseThread& reader, QObject* parent = nullptr);
    ~Retagger() override;

    // Store the name (on the writer), then re-tag. A refused name emits failed().
    void addAlias(const QString& entityId, const QString& alias);
    void addEntity(const names::Entity& entity);

    // A change to the user's names (UserNames.h), run on the writer; it returns the names whose
    // articles may change.
    using NameChange = std::function<Result<NamesAdded>(QSqlDatabase&)>;
    // Applies the change, then re-tags what it touched. The future tells whether it was stored;
    // a refused change also emits failed().
    QFuture<Result<NamesAdded>> change(NameChange change);
    // Re-tags whatever is out of date (e.g. at start-up, after an interrupted run).
    void start();
    // Stops after the batch in flight; start() resumes.
    void cancel();
    bool isRunning() const { return m_running; }
    // The user's pause: a run waits after the batch in flight until it is resumed (a run
    // started meanwhile waits too). Not remembered across restarts.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Paused, and the batch that was in flight is written: the archive stays as it is.
    bool isParked() const { return m_parked; }
    // How far the run in flight is (0 of 0 when none is).
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }

signals:
    void aliasAdded(const QString& entityId, const QString& alias);
    void entityAdded(const QString& entityId);
    void namesChanged(); // after any change was stored, before the re-tagging
    void progress(qint64 done, qint64 total);
    void pausedChanged(bool paused);
    void finished(qint64 changedArticles);
    void failed(const QString& error);

private:
    void namesStored(const NamesAdded& added);
    void begin();
    void nextStep();
    void retag(const Result<RetagBatch>& read);
    void finish(bool restart);
    void fail(const QString& error);

    storage::DatabaseThread& m_writer;
    storage::DatabaseThread& m_reader;
    NamesAdded m_pending; // merged into the next run when it starts
    std::shared_ptr<const Tagger> m_tagger;
    std::optional<RetagPlan> m_plan;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_changed = 0;
    bool m_running = false;
    bool m_restart = false; // names were added while running: run again
    bool m_paused = false;
    bool m_parked = false; // a run waits in nextStep() for the pause to end
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    // Set when this object goes: the batch being matched is of no use any more.
    std::shared_ptr<std::atomic_bool> m_abandoned = std::make_shared<std::atomic_bool>(false);
    std::unique_ptr<QThreadPool> m_pool; // matching, at the lowest priority
};

} // namespace mirsad::tagging
