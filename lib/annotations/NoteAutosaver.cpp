#include "annotations/NoteAutosaver.h"

#include "annotations/Annotations.h"
#include "storage/Storage.h"

#include <utility>

namespace mirsad::annotations {

NoteAutosaver::NoteAutosaver(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage) {
    m_idle.setSingleShot(true);
    m_max.setSingleShot(true);
    setDelays(500, 900);
    connect(&m_idle, &QTimer::timeout, this, &NoteAutosaver::flush);
    connect(&m_max, &QTimer::timeout, this, &NoteAutosaver::flush);
}

NoteAutosaver::~NoteAutosaver() {
    flush();
}

void NoteAutosaver::setDelays(int idleMs, int maxDelayMs) {
    m_idle.setInterval(idleMs);
    m_max.setInterval(maxDelayMs);
}

void NoteAutosaver::edit(qint64 noteId, const QString& body, const QStringList& tags) {
    if (m_noteId > 0 && m_noteId != noteId)
        flush();
    m_noteId = noteId;
    m_body = body;
    m_tags = tags;
    m_idle.start();
    // A pause resets the idle timer only: steady typing is still saved every maxDelayMs.
    if (!m_max.isActive())
        m_max.start();
}

void NoteAutosaver::flush() {
    m_idle.stop();
    m_max.stop();
    if (m_noteId <= 0)
        return;
    const qint64 id = std::exchange(m_noteId, 0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QFuture<Status> written =
        m_storage.writer().run([id, body = std::move(m_body), tags = std::move(m_tags),
                                now](QSqlDatabase& db) { return updateNote(db, id, body, tags, now); });
    m_body.clear();
    m_tags.clear();
    written.then(this, [this, id, now](const Status& status) {
        if (status)
            emit saved(id, now);
        else
            emit saveFailed(status.error());
    });
}

} // namespace mirsad::annotations
