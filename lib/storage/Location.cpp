#include "storage/Location.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace mirsad::storage {

bool isPostgresUri(const QString& text) {
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

// libpq's URIs percent-encode; a '%' not followed by two hex digits is refused, as libpq does.
static Result<QString> decoded(const QString& part, const QString& uri) {
    static const QRegularExpression badEscape(QStringLiteral("%(?![0-9A-Fa-f]{2})"));
    if (part.contains(badEscape))
        return Error{QStringLiteral("The location %1 has a '%' that is not followed by two hexadecimal "
                                    "digits (percent-encoding).")
                         .arg(uri)};
    return QUrl::fromPercentEncoding(part.toUtf8());
}

Result<Location> Location::parse(const QString& text) {
    Location location;
    if (!isPostgresUri(text)) {
        location.path = text;
        return location;
    }
    location.kind = Kind::PostgreSQL;
    // Never echo a password in an error: errors name the location by its display form.
    const QString uri = text;
    QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    QString query;
    if (const qsizetype q = rest.indexOf(u'?'); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    QString authority = rest;
    QString path;
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        authority = rest.left(slash);
        path = rest.mid(slash + 1);
    }
    auto fail = [&](const QString& why) -> Result<Location> {
        Location shown = location;
        shown.password.clear();
        return Error{QStringLiteral("The location %1 is not a PostgreSQL URI libpq understands: %2")
                         .arg(shown.display(), why)};
    };
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        Result<QString> user = decoded(colon >= 0 ? userInfo.left(colon) : userInfo, QString());
        if (!user)
            return fail(QStringLiteral("the user name has a bad percent-encoding."));
        location.user = *user;
        if (colon >= 0) {
            Result<QString> password = decoded(userInfo.mid(colon + 1), QString());
            if (!password)
                return fail(QStringLiteral("the password has a bad percent-encoding."));
            location.password = *password;
        }
    }
    QStringList hosts, ports;
    bool anyPort = false;
    if (!authority.isEmpty()) {
        for (const QString& entry : authority.split(u',')) {
            QString host = entry, port;
            if (entry.startsWith(u'[')) { // an IPv6 address
                const qsizetype close = entry.indexOf(u']');
                if (close < 0)
                    return fail(QStringLiteral("an IPv6 address lacks its closing ']'."));
                host = entry.mid(1, close - 1);
                if (entry.size() > close + 1) {
                    if (entry.at(close + 1) != u':')
                        return fail(QStringLiteral("unexpected text after the IPv6 address %1.").arg(host));
                    port = entry.mid(close + 2);
                }
            } else if (const qsizetype colon = entry.lastIndexOf(u':'); colon >= 0) {
                host = entry.left(colon);
                port = entry.mid(colon + 1);
            }
            Result<QString> hostText = decoded(host, QString());
            if (!hostText)
                return fail(QStringLiteral("a host name has a bad percent-encoding."));
            bool numeric = true;
            if (!port.isEmpty())
                port.toUInt(&numeric);
            if (!numeric || port.toUInt() > 65535)
                return fail(QStringLiteral("the port %1 is not a number from 1 to 65535.").arg(port));
            anyPort = anyPort || !port.isEmpty();
            hosts << *hostText;
            ports << port;
        }
    }
    location.host = hosts.join(u',');
    if (anyPort)
        location.port = ports.join(u',');
    Result<QString> database = decoded(path, QString());
    if (!database)
        return fail(QStringLiteral("the database name has a bad percent-encoding."));
    location.database = *database;
    if (!query.isEmpty()) {
        for (const QString& pair : query.split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            if (equals <= 0)
                return fail(QStringLiteral("the parameter \"%1\" has no value.").arg(pair));
            Result<QString> key = decoded(pair.left(equals), QString());
            Result<QString> value = decoded(pair.mid(equals + 1), QString());
            if (!key || !value)
                return fail(QStringLiteral("a parameter has a bad percent-encoding."));
            if (value->contains(u';'))
                return fail(
                    QStringLiteral("the value of %1 contains ';', which Qt's PostgreSQL driver cannot "
                                   "pass on.")
                        .arg(*key));
            if (*key == QLatin1String("host"))
                location.host = *value;
            else if (*key == QLatin1String("port"))
                location.port = *value;
            else if (*key == QLatin1String("dbname"))
                location.database = *value;
            else if (*key == QLatin1String("user"))
                location.user = *value;
            else if (*key == QLatin1String("password"))
                location.password = *value;
            else
                location.options.append({*key, *value});
        }
    }
    return location;
}

// Percent-encodes what would end a part of the URI early.
static QString encoded(const QString& part, const QByteArray& keep = {}) {
    return QString::fromUtf8(QUrl::toPercentEncoding(part, keep));
}

QString Location::display() const {
    if (kind == Kind::SQLite)
        return path;
    QString uri = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        uri += encoded(user) + u'@';
    // A socket folder goes in the query, as libpq's own examples write it.
    const bool socket = host.startsWith(u'/');
    const bool severalPorts = port.contains(u',');
    if (!socket && !host.isEmpty()) {
        const QStringList hosts = host.split(u',');
        const QStringList ports = port.split(u',');
        QStringList parts;
        for (qsizetype i = 0; i < hosts.size(); ++i) {
            QString part = hosts[i].contains(u':') ? u'[' + hosts[i] + u']' : encoded(hosts[i], "-.");
            const QString p =
                ports.size() == hosts.size() ? ports[i] : (ports.size() == 1 ? port : QString());
            if (!p.isEmpty())
                part += u':' + p;
            parts << part;
        }
        uri += parts.join(u',');
    }
    uri += u'/' + encoded(database);
    QStringList query;
    if (socket)
        query << QStringLiteral("host=") + encoded(host, "/");
    if ((socket || host.isEmpty()) && !port.isEmpty() && !severalPorts)
        query << QStringLiteral("port=") + port;
    for (const auto& [key, value] : options)
        query << encoded(key) + u'=' + encoded(value, "/");
    if (!query.isEmpty())
        uri += u'?' + query.join(u'&');
    return uri;
}

// libpq's conninfo quoting: single quotes, with backslash before ' and \.
static QString quotedValue(QString value) {
    value.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("\\'"));
    return u'\'' + value + u'\'';
}

QString Location::connectOptions() const {
    QStringList parts;
    if (port.contains(u','))
        parts << QStringLiteral("port=") + quotedValue(port);
    bool named = false, timeout = false;
    for (const auto& [key, value] : options) {
        parts << key + u'=' + quotedValue(value);
        named = named || key == QLatin1String("application_name");
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    // The server's lists of sessions say who is connected; a dead address fails in seconds rather
    // than after the operating system's minutes.
    if (!named)
        parts << QStringLiteral("application_name=mirsad");
    if (!timeout)
        parts << QStringLiteral("connect_timeout=10");
    return parts.join(u';');
}

bool needsPassword(const QString& driverMessage) {
    return driverMessage.contains(QLatin1String("no password supplied"), Qt::CaseInsensitive);
}

ConnectionFault connectionFault(const QString& driverMessage) {
    auto has = [&](const char* text) {
        return driverMessage.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    if (needsPassword(driverMessage) || has("password authentication failed"))
        return ConnectionFault::Password;
    if (has("database \"") && has("does not exist"))
        return ConnectionFault::Database;
    if (has("role \"") && has("does not exist"))
        return ConnectionFault::User;
    if (has("SSL") || has("no encryption") || has("certificate"))
        return ConnectionFault::Encryption;
    if (has("could not translate host name") || has("timeout expired") || has("Connection refused") ||
        has("No such file or directory") || has("could not connect") || has("connection to server"))
        return ConnectionFault::Server;
    return ConnectionFault::Other;
}

QString explainConnectionFailure(const Location& location, const QString& driverMessage) {
    const QString where = location.display();
    const QString user = location.user.isEmpty() ? QStringLiteral("(your login name)") : location.user;
    const QString message = driverMessage.simplified();
    auto has = [&](const char* text) { return message.contains(QLatin1String(text), Qt::CaseInsensitive); };
    static const QRegularExpression missingDatabase(QStringLiteral("database \"([^\"]+)\" does not exist"));
    static const QRegularExpression missingRole(QStringLiteral("role \"([^\"]+)\" does not exist"));
    if (needsPassword(message))
        return QStringLiteral(
                   "The server at %1 asks for the password of %2: put it in ~/.pgpass or PGPASSWORD, or "
                   "type it when Mirsad asks.")
            .arg(where, user);
    if (has("password authentication failed"))
        return QStringLiteral("The server at %1 refused the password of %2.").arg(where, user);
    if (const auto match = missingDatabase.match(message); match.hasMatch())
        return QStringLiteral("The server at %1 has no database named \"%2\"; an administrator creates it "
                              "(CREATE DATABASE \"%2\";) or the location names another.")
            .arg(where, match.captured(1));
    if (const auto match = missingRole.match(message); match.hasMatch())
        return QStringLiteral("The server at %1 has no user named \"%2\".").arg(where, match.captured(1));
    if (has("server does not support SSL"))
        return QStringLiteral(
                   "The location %1 asks for an encrypted (TLS) connection, and the server does not "
                   "offer one.")
            .arg(where);
    if (has("no encryption") || has("SSL off") || has("requires SSL") || has("SSL required"))
        return QStringLiteral("The server at %1 accepts only encrypted connections: add sslmode=require (or "
                              "verify-full) to the location.")
            .arg(where);
    if (has("certificate"))
        return QStringLiteral("The server at %1 has a certificate Mirsad cannot trust: %2")
            .arg(where, message);
    if (has("could not translate host name"))
        return QStringLiteral("The host name in %1 is unknown: is it spelt right, and is the network up?")
            .arg(where);
    if (has("timeout expired"))
        return QStringLiteral("The server at %1 did not answer in time.").arg(where);
    if (has("Connection refused") || has("No such file or directory") || has("could not connect") ||
        has("connection to server"))
        return QStringLiteral(
                   "No PostgreSQL server answers at %1: is it running, and is the address right? (%2)")
            .arg(where, message);
    return QStringLiteral("Could not connect to %1: %2").arg(where, message);
}

} // namespace mirsad::storage
