#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QThread>
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

    // Runs `work(QSqlDatabase&)` on the thread; the returned future holds its result.
    template <typename Work> auto run(Work work) -> QFuture<std::invoke_result_t<Work, QSqlDatabase&>> {
        using R = std::invoke_result_t<Work, QSqlDatabase&>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, work = std::move(work)]() mutable {
                if constexpr (std::is_void_v<R>)
                    work(m_db);
                else
                    promise->addResult(work(m_db));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    // Blocks until everything queued so far has run.
    void drain();

private:
    QString m_path;
    QString m_connectionName;
    QThread m_thread;
    QObject* m_context = nullptr;                    // lives in m_thread
    QSqlDatabase m_db;                               // used only on m_thread
    std::unique_ptr<WalCheckpointer> m_checkpointer; // a writer's; made and freed on m_thread
};

} // namespace mirsad::storage
