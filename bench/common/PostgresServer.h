#pragma once

#include <QString>
#include <QStringList>

// A throwaway PostgreSQL server for a benchmark's PostgreSQL column: tools/postgres-test-server
// started in a folder of its own, stopped by the destructor. The script tunes a server for tests
// (no fsync); a benchmark's keeps durability on (MIRSAD_PG_DURABLE=1: fsync, full page writes,
// synchronous commit; start() checks them), so that the figures are those of a server that keeps
// what it is given, as Newsboat's and Mirsad's SQLite files do. Databases are made and read with psql.
class PostgresServer {
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // Starts the server with its state in `dir`; false with error() saying why not.
    bool start(const QString& dir);
    const QString& error() const { return m_error; }

    // A new, empty database `name`; its location (a postgresql:// URI), or empty (see error()).
    QString createDatabase(const QString& name);
    bool dropDatabase(const QString& name);
    // The first column of the first row `sql` returns in database `name`, or empty.
    QString value(const QString& name, const QString& sql);

private:
    QString locationOf(const QString& name) const;
    bool psql(const QString& location, const QString& sql, QString* output = nullptr);

    QString m_dir;
    QString m_location; // the server's maintenance database
    QString m_error;
};
