#include "storage/DatabaseThread.h"

#include "storage/Database.h"
#include "storage/Logging.h"
#include "storage/SqliteStatement.h"
#include "storage/WalCheckpointer.h"

#include <sqlite3.h>

namespace mirsad::storage {

DatabaseThread::DatabaseThread(QString path, QString purpose, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_connectionName(uniqueConnectionName(purpose))
    , m_context(new QObject) {
    m_thread.setObjectName(QStringLiteral("mirsad-db-%1").arg(purpose));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DatabaseThread::~DatabaseThread() {
    // Close the connection on its own thread, after the queued work, then stop the thread.
    run([this](QSqlDatabase& db) {
        m_handle.store(nullptr);
        if (m_checkpointer && db.isOpen()) { // the writer
            if (Status s = tidyUpDatabase(db); !s)
                qCWarning(lcStorage) << s.error();
        }
        m_checkpointer.reset();
        m_db = QSqlDatabase();
        closeDatabase(m_connectionName);
    }).waitForFinished();
    m_thread.quit();
    m_thread.wait();
}

QFuture<Status> DatabaseThread::open(bool migrate, Use use) {
    return run([this, migrate, use](QSqlDatabase& db) -> Status {
        Result<QSqlDatabase> opened = openDatabase(m_path, m_connectionName, migrate);
        if (!opened)
            return Error{opened.error()};
        db = opened.value();
        m_handle.store(sqliteHandle(db));
        m_readOnly.store(storage::isReadOnly(db), std::memory_order_release);
        if (use == Use::Reading || storage::isReadOnly(db)) // a read-only file has no WAL to checkpoint
            return {};
        m_checkpointer = WalCheckpointer::attach(db);
        return useWriterCache(db);
    });
}

void DatabaseThread::close(Drop drop) {
    if (drop == Drop::Everything)
        m_dropAll.store(true, std::memory_order_release);
    m_closing->store(true, std::memory_order_release);
    // A reader's query (a count, a search) is of no use to a closing window: stop it. A writer's
    // statement is never interrupted: its transaction ends as its work decides.
    if (drop == Drop::Everything) {
        // Called on the thread that owns this object, as the destructor, so the connection
        // cannot close meanwhile.
        if (auto* handle = static_cast<sqlite3*>(m_handle.load()))
            sqlite3_interrupt(handle);
    }
}

void DatabaseThread::drain() {
    run([](QSqlDatabase&) {}).waitForFinished();
}

} // namespace mirsad::storage
