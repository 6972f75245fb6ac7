#include "StaticHttpServer.h"

#include <QFile>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>

StaticHttpServer::StaticHttpServer()
    : m_context(new QObject) {
    m_context->moveToThread(&m_thread);
}

StaticHttpServer::~StaticHttpServer() {
    m_context->deleteLater(); // with the server, when the thread finishes
    m_thread.quit();
    m_thread.wait();
}

void StaticHttpServer::addRoute(const QByteArray& path, const QByteArray& body,
                                const QByteArray& contentType) {
    m_routes.insert(path, Route{body, contentType, {}});
}

void StaticHttpServer::addFileRoute(const QByteArray& path, const QString& filePath,
                                    const QByteArray& contentType) {
    m_routes.insert(path, Route{{}, contentType, filePath});
}

QUrl StaticHttpServer::url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

bool StaticHttpServer::start() {
    m_thread.start();
    QSemaphore ready;
    QMetaObject::invokeMethod(
        m_context,
        [this, &ready] {
            serve();
            ready.release();
        },
        Qt::QueuedConnection);
    ready.acquire();
    return m_port != 0;
}

void StaticHttpServer::serve() {
    m_server = new QTcpServer(m_context);
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return;
    m_port = m_server->serverPort();
    QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                // Buffer until the end of the request head; bodies are never sent to us.
                QByteArray head = socket->property("head").toByteArray() + socket->readAll();
                if (!head.contains("\r\n\r\n")) {
                    socket->setProperty("head", head);
                    return;
                }
                const QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
                const auto route = m_routes.constFind(path);
                if (route == m_routes.constEnd()) {
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                } else {
                    QByteArray body = route->body; // shared, not copied
                    if (!route->filePath.isEmpty()) {
                        QFile file(route->filePath);
                        if (file.open(QIODevice::ReadOnly))
                            body = file.readAll();
                    }
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + route->contentType +
                                  "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                  "\r\nConnection: close\r\n\r\n");
                    socket->write(body);
                }
                socket->disconnectFromHost(); // after the pending bytes are written
            });
        }
    });
}
