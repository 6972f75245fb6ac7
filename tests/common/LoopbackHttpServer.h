#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 for the fetcher tests: fixed routes with ETag /
// Last-Modified (answering 304), redirects, gzip, delays, responses that never finish, endless
// or trickling bodies, and any status. Every response closes its connection.
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    struct Route {
        enum class Mode { Normal, NeverFinish, Endless, Trickle };
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/rss+xml; charset=utf-8";
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray etag;
        QByteArray lastModified;
        bool gzipWhenAccepted = false;
        int delayMs = 0; // before the status line
        Mode mode = Mode::Normal;
        qint64 announcedLength = -1; // a Content-Length to claim instead of the real one
    };
    struct Request {
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    explicit LoopbackHttpServer(QObject* parent = nullptr);
    bool start();
    QUrl url(const QString& path) const;

    void setRoute(const QByteArray& path, const Route& route) { m_routes.insert(path, route); }
    void setRedirect(const QByteArray& from, const QByteArray& to, int status = 302);

    const QList<Request>& requests() const { return m_requests; }
    int maxSimultaneousConnections() const { return m_maxOpen; }
    int gzipResponses() const { return m_gzipResponses; }

    static QByteArray gzip(const QByteArray& data);

private:
    void onConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Request& request);

    QTcpServer m_server;
    QHash<QByteArray, Route> m_routes;
    QList<Request> m_requests;
    int m_open = 0;
    int m_maxOpen = 0;
    int m_gzipResponses = 0;
};
