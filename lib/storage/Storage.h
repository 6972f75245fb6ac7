#pragma once

#include "core/Result.h"
#include "storage/ChangeListener.h"
#include "storage/DatabaseThread.h"

#include <QObject>

namespace mirsad::storage {

// The GUI's door to the database: one writer thread (the only one that writes), one reader
// thread for what the user waits for, and one for background reads (re-tagging reads the
// archive in batches of hundreds of articles: on the reader, every click waited behind them).
// Each has its own connection; WAL lets them work at the same time.
class Storage : public QObject {
    Q_OBJECT
public:
    explicit Storage(QString path, QObject* parent = nullptr);
    ~Storage() override;

    // Opens and migrates the database on the writer, then opens the readers.
    QFuture<Status> open();

    // The application is closing: background work stops at its next transaction boundary and
    // what is queued of it is dropped, reads are given up; what the user wrote is still stored
    // (see DatabaseThread::close). Returns at once; the destructor waits for the rest.
    void close();
    bool isClosing() const { return m_writer->isClosing(); }

    DatabaseThread& writer() { return *m_writer; }
    DatabaseThread& reader() { return *m_reader; }
    DatabaseThread& background() { return *m_background; }
    const QString& path() const { return m_path; }
    // Whether the archive is a file this process can read but not write (see storage::isReadOnly):
    // known once open() finished. The window then offers reading and exporting only.
    bool isReadOnly() const { return m_writer->isReadOnly(); }
    // On a team's archive the role the connections act as, read once when it opens (it is
    // whose highlights and notes are the analyst's own); empty for an SQLite file.
    const QString& teamRole() const { return m_teamRole; }

    // On a team's archive, what colleagues change, as they change it (see ChangeListener); the
    // articles and feeds it announces are signalled as articlesChanged and feedsChanged too.
    // Call listen() once the archive is open (a no-op for an SQLite file).
    ChangeListener& changes() { return *m_changes; }
    QFuture<Status> listen() { return m_changes->start(m_path); }

signals:
    // Emitted (on the UI thread) after writes that change which articles exist or their state.
    void articlesChanged();
    void feedsChanged();
    // Only the read state of some articles changed: the unread counts are stale, the lists not.
    void readStateChanged();

public:
    void notifyArticlesChanged() { emit articlesChanged(); }
    void notifyFeedsChanged() { emit feedsChanged(); }
    void notifyReadStateChanged() { emit readStateChanged(); }

private:
    QString m_path;
    QString m_teamRole; // written before open()'s future finishes, read after
    std::unique_ptr<DatabaseThread> m_writer;
    std::unique_ptr<DatabaseThread> m_reader;
    std::unique_ptr<DatabaseThread> m_background;
    std::unique_ptr<ChangeListener> m_changes;
};

} // namespace mirsad::storage
