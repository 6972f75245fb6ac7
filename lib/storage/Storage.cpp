#include "storage/Storage.h"

#include "storage/Team.h"

namespace mirsad::storage {

Storage::Storage(QString path, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_writer(std::make_unique<DatabaseThread>(m_path, QStringLiteral("writer")))
    , m_reader(std::make_unique<DatabaseThread>(m_path, QStringLiteral("reader")))
    , m_background(std::make_unique<DatabaseThread>(m_path, QStringLiteral("background")))
    , m_changes(std::make_unique<ChangeListener>()) {
    connect(m_changes.get(), &ChangeListener::articlesChanged, this, &Storage::articlesChanged);
    connect(m_changes.get(), &ChangeListener::feedsChanged, this, &Storage::feedsChanged);
}

Storage::~Storage() {
    // The listener and the readers go first; the writer finishes what was queued to it before closing.
    m_changes.reset();
    m_background.reset();
    m_reader.reset();
    m_writer.reset();
}

void Storage::close() {
    m_changes->blockSignals(true); // nothing is read again now
    m_background->close(DatabaseThread::Drop::Everything);
    m_reader->close(DatabaseThread::Drop::Everything);
    m_writer->close(DatabaseThread::Drop::Droppable);
}

QFuture<Status> Storage::open() {
    return m_writer->open(true, DatabaseThread::Use::Writing).then([this](Status opened) -> Status {
        if (!opened)
            return opened;
        if (Status reader = m_reader->open(false).result(); !reader)
            return reader;
        Result<QString> role = m_reader->run([](QSqlDatabase& db) { return connectedRole(db); }).result();
        if (!role)
            return Error{role.error()};
        m_teamRole = *role;
        return m_background->open(false).result();
    });
}

} // namespace mirsad::storage
