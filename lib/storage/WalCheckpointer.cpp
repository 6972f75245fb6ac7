#include "storage/WalCheckpointer.h"

#include "storage/SqliteStatement.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace mirsad::storage {

Q_LOGGING_CATEGORY(lcCheckpoint, "mirsad.storage.checkpoint", QtWarningMsg)

namespace {
// SQLite's own threshold (wal_autocheckpoint's default), kept.
constexpr int kWalPages = 1000;
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
    , m_path(std::move(path)) {
    m_thread.reset(QThread::create([this] { work(); }));
    m_thread->setObjectName(QStringLiteral("mirsad-checkpoint"));
    m_thread->start(QThread::LowPriority);
    // Replaces the automatic checkpoint, which is this same hook.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::committed, this);
}

WalCheckpointer::~WalCheckpointer() {
    sqlite3_wal_autocheckpoint(m_writer, kWalPages);
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

int WalCheckpointer::committed(void* self, sqlite3*, const char*, int walPages) {
    if (walPages >= kWalPages)
        static_cast<WalCheckpointer*>(self)->request();
    return SQLITE_OK;
}

void WalCheckpointer::request() {
    QMutexLocker lock(&m_mutex);
    m_pending = true;
    m_wake.wakeAll();
}

void WalCheckpointer::work() {
    sqlite3* db = nullptr;
    const int opened = sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (opened != SQLITE_OK) {
        // The writer's commits then leave the WAL to the last connection that closes.
        qCWarning(lcCheckpoint, "Cannot open %s to checkpoint it: %s", qPrintable(m_path),
                  db ? sqlite3_errmsg(db) : sqlite3_errstr(opened));
        sqlite3_close(db);
        return;
    }
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_pending && !m_stopping)
                m_wake.wait(&m_mutex);
            if (!m_pending)
                break; // stopping, nothing asked for
            m_pending = false;
        }
        int walFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint, "Checkpoint of %s failed: %s", qPrintable(m_path), sqlite3_errmsg(db));
        QMutexLocker lock(&m_mutex);
        ++m_done;
    }
    sqlite3_close(db);
}

} // namespace mirsad::storage
