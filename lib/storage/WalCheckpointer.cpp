#include "storage/WalCheckpointer.h"

#include "storage/SqliteStatement.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace mirsad::storage {

Q_LOGGING_CATEGORY(lcCheckpoint, "mirsad.storage.checkpoint", QtWarningMsg)

namespace {
// SQLite's own threshold (wal_autocheckpoint's default, in pages), restored when detached.
constexpr int kSqliteWalPages = 1000;
// A checkpoint is asked for past SQLite's default in bytes (1,000 pages of 4 kB), whatever the
// page size.
constexpr qint64 kWalBytes = 1000 * 4096;
// The WAL only starts over when a write begins with every frame copied, which a writer that
// goes straight on to the next feed never sees: past this it waits once for a checkpoint to
// catch up, so that the WAL stays about this size instead of growing with the whole import.
constexpr qint64 kMaxWalBytes = 64 * 1024 * 1024;

int pageSize(sqlite3* db) {
    SqliteStatement query(db, "PRAGMA page_size");
    const Result<bool> row = query.next();
    return row && *row && query.int64(0) > 0 ? int(query.int64(0)) : 4096;
}
} // namespace

std::unique_ptr<WalCheckpointer> WalCheckpointer::attach(const QSqlDatabase& writer) {
    sqlite3* handle = sqliteHandle(writer);
    if (!handle)
        return nullptr;
    const char* file = sqlite3_db_filename(handle, "main");
    if (!file || !*file)
        return nullptr; // in memory: no WAL
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(handle, QString::fromUtf8(file)));
}

WalCheckpointer::WalCheckpointer(sqlite3* writer, QString path)
    : m_writer(writer)
    , m_path(std::move(path))
    , m_pageSize(pageSize(writer))
    , m_walPages(int(kWalBytes / m_pageSize))
    , m_maxWalPages(int(kMaxWalBytes / m_pageSize)) {
    m_thread.reset(QThread::create([this] { work(); }));
    m_thread->setObjectName(QStringLiteral("mirsad-checkpoint"));
    m_thread->start(QThread::LowPriority);
    // Replaces the automatic checkpoint, which is this same hook.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::committed, this);
}

WalCheckpointer::~WalCheckpointer() {
    sqlite3_wal_autocheckpoint(m_writer, kSqliteWalPages);
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
}

int WalCheckpointer::checkpointsRun() const {
    QMutexLocker lock(&m_mutex);
    return m_done;
}

int WalCheckpointer::lastFramesCopied() const {
    QMutexLocker lock(&m_mutex);
    return m_lastCopied;
}

int WalCheckpointer::committed(void* self, sqlite3*, const char*, int walPages) {
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (walPages >= checkpointer->m_walPages)
        checkpointer->request(walPages >= checkpointer->m_maxWalPages);
    return SQLITE_OK;
}

void WalCheckpointer::request(bool waitForIt) {
    QMutexLocker lock(&m_mutex);
    m_pending = true;
    m_wake.wakeAll();
    // The next checkpoint to start copies this commit too; one running now may not.
    const int ticket = m_started + 1;
    while (waitForIt && m_working && m_done < ticket)
        m_finished.wait(&m_mutex);
}

void WalCheckpointer::work() {
    sqlite3* db = nullptr;
    const int opened = sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (opened != SQLITE_OK) {
        // The writer's commits then leave the WAL to the last connection that closes.
        QMutexLocker lock(&m_mutex);
        m_working = false;
        m_finished.wakeAll();
        qCWarning(lcCheckpoint, "Cannot open %s to checkpoint it: %s", qPrintable(m_path),
                  db ? sqlite3_errmsg(db) : sqlite3_errstr(opened));
        sqlite3_close(db);
        return;
    }
    // A connection learns that the database is in WAL mode on its first read; until then a
    // checkpoint does nothing (and says -1 frames).
    sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_pending && !m_stopping)
                m_wake.wait(&m_mutex);
            if (!m_pending)
                break; // stopping, nothing asked for
            m_pending = false;
            ++m_started;
        }
        int walFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        qCDebug(lcCheckpoint, "checkpoint: %d of %d WAL frames in the database", copied, walFrames);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint, "Checkpoint of %s failed: %s", qPrintable(m_path), sqlite3_errmsg(db));
        QMutexLocker lock(&m_mutex);
        ++m_done;
        m_lastCopied = copied;
        m_finished.wakeAll();
    }
    sqlite3_close(db);
}

} // namespace mirsad::storage
