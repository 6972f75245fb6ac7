#include "LoopbackHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <array>

namespace {

quint32 crc32(const QByteArray& data) {
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (char byte : data)
        crc = table[(crc ^ static_cast<quint8>(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLittleEndian(QByteArray& out, quint32 value) {
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

} // namespace

LoopbackHttpServer::LoopbackHttpServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onConnection);
}

bool LoopbackHttpServer::start() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void LoopbackHttpServer::setRedirect(const QByteArray& from, const QByteArray& to, int status) {
    Route route;
    route.status = status;
    route.headers.append({"Location", to});
    route.contentType = "text/plain";
    m_routes.insert(from, route);
}

// gzip = a 10-byte header, raw deflate data, CRC-32 and length; qCompress gives the deflate
// data inside a zlib wrapper (2-byte header, 4-byte Adler-32) after a 4-byte length.
QByteArray LoopbackHttpServer::gzip(const QByteArray& data) {
    const QByteArray zlib = qCompress(data, 9);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += zlib.mid(6, zlib.size() - 6 - 4);
    appendLittleEndian(out, crc32(data));
    appendLittleEndian(out, quint32(data.size()));
    return out;
}

void LoopbackHttpServer::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_maxOpen = std::max(m_maxOpen, ++m_open);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            socket->deleteLater();
        });
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket* socket) {
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0 || socket->property("answered").toBool())
        return;
    socket->setProperty("answered", true);
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Request request;
    request.path = lines.value(0).split(' ').value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    m_requests.append(request);
    const int delay = m_routes.value(request.path).delayMs;
    if (delay > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, this, [this, guard, request] {
            if (guard)
                respond(guard, request);
        });
    } else {
        respond(socket, request);
    }
}

void LoopbackHttpServer::respond(QTcpSocket* socket, const Request& request) {
    const auto it = m_routes.constFind(request.path);
    Route route =
        it != m_routes.constEnd()
            ? *it
            : Route{404, "no such fixture", "text/plain", {}, {}, {}, false, 0, Route::Mode::Normal, -1};
    int status = route.status;
    const QByteArray ifNoneMatch = request.headers.value("if-none-match");
    const QByteArray ifModifiedSince = request.headers.value("if-modified-since");
    if ((!route.etag.isEmpty() && ifNoneMatch == route.etag) ||
        (!route.lastModified.isEmpty() && ifModifiedSince == route.lastModified))
        status = 304;

    QByteArray body = status == 304 ? QByteArray() : route.body;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + route.contentType + "\r\nConnection: close\r\n";
    if (!route.etag.isEmpty())
        head += "ETag: " + route.etag + "\r\n";
    if (!route.lastModified.isEmpty())
        head += "Last-Modified: " + route.lastModified + "\r\n";
    for (const auto& [name, value] : route.headers)
        head += name + ": " + value + "\r\n";
    if (route.gzipWhenAccepted && request.headers.value("accept-encoding").contains("gzip") &&
        status == 200) {
        body = gzip(body);
        head += "Content-Encoding: gzip\r\n";
        ++m_gzipResponses;
    }

    switch (route.mode) {
    case Route::Mode::Normal:
        head += "Content-Length: " +
                QByteArray::number(route.announcedLength >= 0 ? route.announcedLength : body.size()) +
                "\r\n\r\n";
        socket->write(head + body);
        if (route.announcedLength < 0)
            socket->disconnectFromHost();
        break;
    case Route::Mode::NeverFinish:
        head += "Content-Length: 100000\r\n\r\n";
        socket->write(head + body.left(10));
        break;
    case Route::Mode::Endless:
    case Route::Mode::Trickle: {
        socket->write(head + "\r\n");
        const bool endless = route.mode == Route::Mode::Endless;
        auto* timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket, endless] {
            // The timer is the socket's child, so the socket is alive whenever this runs.
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < (1 << 20))
                socket->write(endless ? QByteArray(64 * 1024, 'x') : QByteArray("x"));
        });
        timer->start(endless ? 1 : 100);
        break;
    }
    }
}
