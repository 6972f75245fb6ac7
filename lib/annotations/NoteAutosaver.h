#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::annotations {

// Saves a note as the analyst types: edits are collected and written on the writer thread once
// typing pauses (idleMs), and at least every maxDelayMs while it goes on, so that a crash loses
// at most about a second of typing.
class NoteAutosaver : public QObject {
    Q_OBJECT
public:
    explicit NoteAutosaver(storage::Storage& storage, QObject* parent = nullptr);
    ~NoteAutosaver() override; // flushes

    void setDelays(int idleMs, int maxDelayMs);

    // The note's text as it now reads.
    void edit(qint64 noteId, const QString& body, const QStringList& tags);
    // Queues the pending edit now (before switching notes, closing, deleting).
    void flush();
    bool hasPendingEdit() const { return m_noteId > 0; }

signals:
    // On the UI thread, once a note's edit is on disk.
    void saved(qint64 noteId, const QDateTime& updated);
    void saveFailed(const QString& message);

private:
    storage::Storage& m_storage;
    QTimer m_idle;
    QTimer m_max;
    qint64 m_noteId = 0;
    QString m_body;
    QStringList m_tags;
};

} // namespace mirsad::annotations
