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
// the committing thread once the WAL passes 1,000 pages: after each feed of an import the writer
// copied the feed's pages into the database and waited for two fsyncs (about 100 ms of a
// 2,000-item feed's 300) before it could start the next. Here that overlaps the next feed's
// writing. The checkpoints are PASSIVE: they never block the writer or a reader, and whatever
// one leaves is taken by the next, or by the last connection to close.
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

    // How many checkpoints ran (for tests).
    int checkpointsRun() const;

private:
    WalCheckpointer(sqlite3* writer, QString path);
    static int committed(void* self, sqlite3* db, const char* schema, int walPages);
    void request();
    void work();

    sqlite3* m_writer;
    const QString m_path;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    int m_done = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace mirsad::storage
