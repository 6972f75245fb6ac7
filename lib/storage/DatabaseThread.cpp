#include "storage/DatabaseThread.h"

#include "storage/Database.h"
#include "storage/Logging.h"
#include "storage/WalCheckpointer.h"

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
        if (use == Use::Reading)
            return {};
        m_checkpointer = WalCheckpointer::attach(db);
        return useWriterCache(db);
    });
}

void DatabaseThread::drain() {
    run([](QSqlDatabase&) {}).waitForFinished();
}

} // namespace mirsad::storage
