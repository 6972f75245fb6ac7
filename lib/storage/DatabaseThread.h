#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QThread>
#include <atomic>
#include <memory>
#include <type_traits>

namespace mirsad::storage {

class WalCheckpointer;

// A thread that owns one SQLite connection and runs database work queued to it, in order.
// The GUI keeps one for writing (the single writer) and one for reading, so that no query
// ever runs on the UI thread. Results come back as QFutures; use QFuture::then(context, ...)
// to continue on the UI thread.
class DatabaseThread : public QObject {
    Q_OBJECT
public:
    DatabaseThread(QString path, QString purpose, QObject* parent = nullptr);
    ~DatabaseThread() override;

    // What the connection is mostly for: a writer gets a small page cache (see useWriterCache)
    // and its WAL checkpoints run on a thread of their own (see WalCheckpointer).
    enum class Use { Reading, Writing };

    // Opens the connection in the thread (migrating the schema when `migrate` is true).
    QFuture<Status> open(bool migrate, Use use = Use::Reading);

    const QString& path() const { return m_path; }
    // Whether the connection opened read-only (see storage::isReadOnly); known once open() finished.
    bool isReadOnly() const { return m_readOnly.load(std::memory_order_acquire); }

    // Runs `work(QSqlDatabase&)` on the thread; the returned future holds its result.
    template <typename Work> auto run(Work work) -> QFuture<std::invoke_result_t<Work, QSqlDatabase&>> {
        return enqueue(std::move(work), false);
    }

    // The same for background work that the application may give up when it closes (a re-tag
    // batch, a feed to store): once close() was called, such work that has not started is
    // skipped and its future cancelled, so its continuations do not run. Never for what the user
    // did or wrote (a note, a read mark): that always runs.
    template <typename Work>
    auto runDroppable(Work work) -> QFuture<std::invoke_result_t<Work, QSqlDatabase&>> {
        return enqueue(std::move(work), true);
    }

    // What close() gives up.
    enum class Drop {
        Droppable, // the work queued with runDroppable()
        Everything // all queued work, and the query running is interrupted (for a reader)
    };
    // The application is closing: the work `drop` names is skipped from now on, and long work
    // that checks isClosing() stops at its next transaction boundary. Returns at once; the
    // destructor then only waits for what is left. Thread-safe.
    void close(Drop drop);
    bool isClosing() const { return m_closing->load(std::memory_order_acquire); }
    // For work that outlives a reference to this thread (e.g. on the thread pool).
    std::shared_ptr<const std::atomic_bool> closingFlag() const { return m_closing; }

    // Blocks until everything queued so far has run.
    void drain();

private:
    template <typename Work>
    auto enqueue(Work work, bool droppable) -> QFuture<std::invoke_result_t<Work, QSqlDatabase&>> {
        using R = std::invoke_result_t<Work, QSqlDatabase&>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, droppable, work = std::move(work)]() mutable {
                if (isClosing() && (droppable || m_dropAll.load(std::memory_order_acquire))) {
                    promise->future().cancel();
                    promise->finish();
                    return;
                }
                if constexpr (std::is_void_v<R>)
                    work(m_db);
                else
                    promise->addResult(work(m_db));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    QString m_path;
    QString m_connectionName;
    QThread m_thread;
    QObject* m_context = nullptr;                    // lives in m_thread
    QSqlDatabase m_db;                               // used only on m_thread
    std::unique_ptr<WalCheckpointer> m_checkpointer; // a writer's; made and freed on m_thread
    const std::shared_ptr<std::atomic_bool> m_closing = std::make_shared<std::atomic_bool>(false);
    std::atomic_bool m_dropAll = false;
    std::atomic_bool m_readOnly = false;
    std::atomic<void*> m_handle = nullptr; // the sqlite3 connection while open, to interrupt it
};

} // namespace mirsad::storage
