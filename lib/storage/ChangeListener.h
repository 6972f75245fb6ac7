#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

namespace mirsad::storage {

class DatabaseThread;

// What colleagues change on a team's archive, as it happens: the server announces each change
// on the channel mirsad_changes (resources/migrations-postgresql/006_live_changes.sql) and this
// turns the announcements into signals, on the thread that owns the listener. It listens on a
// connection of its own, on a thread of its own whose event loop QPSQL's notifications arrive
// in. An SQLite file has no other writers: start() does nothing there.
//
// Announcements that arrive together (an import's transactions, a re-tagging's batches) are
// gathered for a moment and signalled once.
//
// The connection can go (a server restart, the network, an administrator ending sessions): the
// listener notices within a second, connects again with growing pauses (a quarter of a second,
// doubled each time, at most 30 s), listens again, and then signals everything changed once,
// since what colleagues did meanwhile was announced to nobody.
class ChangeListener : public QObject {
    Q_OBJECT
public:
    explicit ChangeListener(QObject* parent = nullptr);
    ~ChangeListener() override;

    static constexpr const char* kChannel = "mirsad_changes";

    // Connects to the archive at `location` and listens; a no-op for an SQLite file.
    QFuture<Status> start(const QString& location);
    bool isListening() const { return m_listening; }
    // How many announcements arrived (before gathering): for tests and the benchmark.
    qint64 received() const { return m_received; }
    // How often the connection was lost and made again.
    int reconnections() const { return m_reconnections; }

signals:
    // The highlights or notes of these articles changed (read them again: what the analyst may
    // see is for the server to say). `all`: of more articles than were named.
    void annotationsChanged(const QSet<qint64>& articleIds, bool all);
    void articlesChanged();
    void feedsChanged();
    void namesChanged();
    // Each announcement as it arrives, before gathering (for tests and the benchmark).
    void announced(const QString& payload);
    // The connection to the server was lost: changes do not arrive until reconnected().
    void disconnected();
    // Listening again after a loss; every *Changed signal above has just been emitted once.
    void reconnected();

private:
    void receive(const QString& payload);
    void emitGathered();
    void checkConnection();
    void lost();
    void tryAgain();

    std::unique_ptr<DatabaseThread> m_thread;
    QTimer m_gather;
    QTimer m_health; // while listening: is the connection still there?
    QTimer m_retry;  // while lost: the next attempt to connect again
    bool m_checking = false;
    int m_reconnections = 0;
    bool m_listening = false;
    qint64 m_received = 0;
    QSet<qint64> m_annotated;
    bool m_allAnnotations = false;
    bool m_articles = false;
    bool m_feeds = false;
    bool m_names = false;
};

} // namespace mirsad::storage
