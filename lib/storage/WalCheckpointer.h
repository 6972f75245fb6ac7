#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QWaitCondition>
#include <memory>

struct sqlite3;

namespace mirsad::storage {

// Runs the WAL checkpoints of a writing connection on a thread of its own. SQLite checkpoints on
// the committing thread once the WAL passes 1,000 pages, so after each feed of an import the
// writer would copy the feed's pages into the database and wait for two fsyncs before it could
// start the next. Here that overlaps the next feed's writing. The checkpoints are PASSIVE: they never block
// the writer or a reader, and whatever one leaves is taken by the next, or by the last connection to close.
// Only a WAL past 64 MB makes the writer wait for one, so that the WAL can start over.
class WalCheckpointer {
public:
    // Takes over the checkpoints of `writer`, an open QSQLITE connection, used on this thread;
    // null when there is nothing to take over (an in-memory database, another driver).
    static std::unique_ptr<WalCheckpointer> attach(const QSqlDatabase& writer);
    // Gives the checkpoints back to the writer, after the one running; call it on the writer's
    // thread, before the writer is closed.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // How many checkpoints ran, and how many WAL frames the last one found in the database
    // (-1 when it found no WAL), for tests.
    int checkpointsRun() const;
    int lastFramesCopied() const;

private:
    WalCheckpointer(sqlite3* writer, QString path);
    static int committed(void* self, sqlite3* db, const char* schema, int walPages);
    void request(bool waitForIt);
    void work();

    sqlite3* m_writer;
    const QString m_path;
    const int m_pageSize;    // the writer's, in bytes
    const int m_walPages;    // a checkpoint is asked for past this many
    const int m_maxWalPages; // and waited for past this many
    mutable QMutex m_mutex;
    QWaitCondition m_wake;     // for the checkpointer: asked for, or stopping
    QWaitCondition m_finished; // for a writer waiting for a checkpoint
    bool m_pending = false;
    bool m_stopping = false;
    bool m_working = true; // false when the checkpointer could not open the database
    int m_started = 0;
    int m_done = 0;
    int m_lastCopied = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace mirsad::storage
