#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <utility>

class QSqlDatabase;

namespace mirsad::storage {

// Where an archive lives, as the user names it (--db, the settings, File → Open): a file path
// means an SQLite file; a PostgreSQL connection URI (postgresql:// or postgres://, as libpq
// documents it, e.g. postgresql://ana@db.desk/team?sslmode=verify-full or
// postgresql:///team?host=/run/postgresql) means a team server reached through QPSQL.
struct Location {
    enum class Kind { SQLite, PostgreSQL };
    Kind kind = Kind::SQLite;

    QString path; // SQLite: the file (":memory:" allowed)

    // PostgreSQL, each empty when the URI leaves it to libpq's defaults (PGHOST, PGUSER...).
    QString host; // a name, an address, or a socket folder; several separated by commas
    QString port; // as given; several separated by commas
    QString database;
    QString user;
    QString password; // only when the URI itself carries one; never shown, never saved
    QList<std::pair<QString, QString>> options; // the other libpq parameters, in order

    bool isPostgres() const { return kind == Kind::PostgreSQL; }

    // Reads a location. A file path is taken as it is; a URI that libpq would refuse is an error.
    static Result<Location> parse(const QString& text);

    // The URI again, for messages, window titles and the recent-locations list: never the password.
    QString display() const;

    // QPSQL's connect options ("key=value;key=value") for the options and the ports.
    QString connectOptions() const;
};

// Whether `text` names a PostgreSQL server rather than a file.
bool isPostgresUri(const QString& text);

// One sentence for a failed connection, from libpq's message: the server is down, the password is
// wrong or missing, the database does not exist, the server wants TLS...
QString explainConnectionFailure(const Location& location, const QString& driverMessage);

// Whether libpq's message says the server wants a password that was not given (a prompt can help).
bool needsPassword(const QString& driverMessage);

// What a failed connection's message is about: the field of a connection dialog to fix.
enum class ConnectionFault { Password, Database, User, Server, Encryption, Other };
ConnectionFault connectionFault(const QString& driverMessage);

} // namespace mirsad::storage
