#pragma once

#include <QByteArray>
#include <QHash>
#include <QThread>
#include <QUrl>

class QTcpServer;

// Serves fixed bodies over HTTP/1.1 on 127.0.0.1 from a thread of its own, so that the bench
// can block in wait4() on a child process while the child fetches. Routes are set before start().
class StaticHttpServer {
public:
    StaticHttpServer();
    ~StaticHttpServer();

    void addRoute(const QByteArray& path, const QByteArray& body, const QByteArray& contentType);
    // Serves the file at filePath, read at each request (so that big corpora stay on disk).
    void addFileRoute(const QByteArray& path, const QString& filePath, const QByteArray& contentType);
    bool start();
    QUrl url(const QString& path) const;

private:
    struct Route {
        QByteArray body;
        QByteArray contentType;
        QString filePath;
    };
    void serve(); // on m_thread

    QHash<QByteArray, Route> m_routes;
    QThread m_thread;
    QObject* m_context;             // lives in m_thread
    QTcpServer* m_server = nullptr; // a child of m_context
    quint16 m_port = 0;
};
