#include "storage/Team.h"

#include "storage/Database.h"
#include "storage/Dialect.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <algorithm>

namespace mirsad::storage {

namespace {

constexpr TeamRole kRoles[] = {TeamRole::Reader, TeamRole::Analyst, TeamRole::Admin};

QString quoted(const QSqlDatabase& db, const QString& identifier) {
    return db.driver()->escapeIdentifier(identifier, QSqlDriver::TableName);
}

// Roles and grants are utility statements, which the server cannot prepare: names go in quoted
// (QSqlDriver::escapeIdentifier), after checkName.
Status run(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(QStringLiteral("set the team up"), query);
    return {};
}

Result<QVariant> value(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {}) {
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant& v : values)
        query.addBindValue(v);
    if (!query.exec())
        return sqlError(QStringLiteral("read the team"), query);
    return query.next() ? query.value(0) : QVariant();
}

Status needsPostgres(const QSqlDatabase& db) {
    if (!isPostgres(db))
        return Error{QStringLiteral("A team needs an archive on a PostgreSQL server: an SQLite file is one "
                                    "analyst's (see README, \"A team's archive on PostgreSQL\").")};
    return {};
}

Result<QString> databaseName(const QSqlDatabase& db) {
    Result<QVariant> name = value(db, QStringLiteral("SELECT current_database()"));
    if (!name)
        return Error{name.error()};
    return name->toString();
}

bool roleExists(const QSqlDatabase& db, const QString& role) {
    Result<QVariant> found = value(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role});
    return found && found->isValid();
}

bool isMember(const QSqlDatabase& db, const QString& person, const QString& group) {
    Result<QVariant> found =
        value(db,
              QStringLiteral("SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                             "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = ? AND g.rolname = ?"),
              {person, group});
    return found && found->isValid();
}

// The group roles must exist: `team init` made them.
Status needsTeam(const QSqlDatabase& db, const QString& database) {
    for (TeamRole role : kRoles)
        if (!roleExists(db, teamGroup(database, role)))
            return Error{
                QStringLiteral("The database %1 has no team yet: run 'mirsadctl team init' on it first "
                               "(as its owner).")
                    .arg(database)};
    return {};
}

Status checkName(const QString& name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,62}$"));
    if (!valid.match(name).hasMatch())
        return Error{
            QStringLiteral("\"%1\" cannot name a person on the server: use letters, digits, _ . and -, "
                           "beginning with a letter, at most 63.")
                .arg(name)};
    if (name.startsWith(QStringLiteral("pg_")))
        return Error{QStringLiteral("Names beginning with pg_ are the server's own.")};
    return {};
}

} // namespace

QString teamRoleName(TeamRole role) {
    switch (role) {
    case TeamRole::Reader:
        return QStringLiteral("reader");
    case TeamRole::Analyst:
        return QStringLiteral("analyst");
    case TeamRole::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<TeamRole> teamRoleFromName(const QString& name) {
    for (TeamRole role : kRoles)
        if (name.compare(teamRoleName(role), Qt::CaseInsensitive) == 0)
            return role;
    return std::nullopt;
}

QString teamGroup(const QString& database, TeamRole role) {
    return database + QLatin1Char('_') + teamRoleName(role);
}

Status initTeam(QSqlDatabase& db) {
    if (Status s = needsPostgres(db); !s)
        return s;
    Result<QString> database = databaseName(db);
    if (!database)
        return Error{database.error()};
    Result<QVariant> allowed =
        value(db, QStringLiteral(
                      "SELECT (r.rolsuper OR (d.datdba = r.oid AND r.rolcreaterole)) FROM pg_roles r, "
                      "pg_database d WHERE r.rolname = current_user AND d.datname = current_database()"));
    if (!allowed)
        return Error{allowed.error()};
    if (!allowed->toBool())
        return Error{QStringLiteral("Only the owner of the database %1, with the right to create roles "
                                    "(CREATEROLE), or a superuser can set its team up.")
                         .arg(*database)};
    Result<QVariant> schema = value(
        db, QStringLiteral("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE c.oid = 'articles'::regclass"));
    if (!schema)
        return Error{schema.error()};
    const QString s = quoted(db, schema->toString());
    const QString reader = quoted(db, teamGroup(*database, TeamRole::Reader));
    const QString analyst = quoted(db, teamGroup(*database, TeamRole::Analyst));
    const QString admin = quoted(db, teamGroup(*database, TeamRole::Admin));

    Transaction transaction(db);
    // Two administrators at once would both create the groups.
    if (Status locked = serializeWork(db, QStringLiteral("team")); !locked)
        return locked;
    for (TeamRole role : kRoles) {
        const QString group = teamGroup(*database, role);
        if (!roleExists(db, group))
            if (Status made = run(db, QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoted(db, group))); !made)
                return made;
    }
    const QStringList grants = {
        // Each group has the one below's rights.
        QStringLiteral("GRANT %1 TO %2").arg(reader, analyst),
        QStringLiteral("GRANT %1 TO %2").arg(analyst, admin),
        // TEMPORARY: the import stages its batches in temporary tables.
        QStringLiteral("GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2").arg(quoted(db, *database), reader),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(s, reader),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(s, reader),
        // Reading: each person's own read and starred marks and watchlists (migration 010; row-level
        // security keeps each to their own rows; their counts are kept by the server's triggers).
        // The old shared columns stay writable: an UPDATE of them marks the writer's own state.
        QStringLiteral("GRANT SELECT, INSERT, DELETE, UPDATE (read, starred) ON article_states TO %1")
            .arg(reader),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON watchlists TO %1").arg(reader),
        QStringLiteral("GRANT UPDATE (read, starred) ON articles TO %1").arg(reader),
        QStringLiteral("GRANT UPDATE (article_count, unread_count) ON feeds TO %1").arg(reader),
        QStringLiteral("GRANT UPDATE (unread) ON entity_counts, region_counts TO %1").arg(reader),
        QStringLiteral("GRANT INSERT, DELETE ON bulk_read_change TO %1").arg(reader),
        // The archive is the team's: analysts change any of it, except what row-level security
        // keeps to each author (highlights and notes).
        QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2").arg(s, analyst),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(s, analyst),
        // Each analyst's read counts are the server's to keep (migration 010's triggers).
        QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON feed_reads, entity_reads, region_reads FROM %1")
            .arg(analyst),
    };
    for (const QString& grant : grants)
        if (Status granted = run(db, grant); !granted)
            return granted;
    return transaction.commit();
}

Status addTeamMember(QSqlDatabase& db, const QString& name, TeamRole role) {
    if (Status s = needsPostgres(db); !s)
        return s;
    if (Status s = checkName(name); !s)
        return s;
    Result<QString> database = databaseName(db);
    if (!database)
        return Error{database.error()};
    if (Status s = needsTeam(db, *database); !s)
        return s;
    Transaction transaction(db);
    const QString person = quoted(db, name);
    if (!roleExists(db, name))
        if (Status made = run(db, QStringLiteral("CREATE ROLE %1 LOGIN").arg(person)); !made)
            return made;
    // Out of the other groups: only those they are in (a REVOKE of another is a server warning
    // on the user's terminal).
    for (TeamRole other : kRoles) {
        const QString from = teamGroup(*database, other);
        if (!isMember(db, name, from))
            continue;
        if (Status revoked = run(db, QStringLiteral("REVOKE %1 FROM %2").arg(quoted(db, from), person));
            !revoked)
            return revoked;
    }
    const QString group = quoted(db, teamGroup(*database, role));
    if (role == TeamRole::Admin) {
        // An administrator adds and removes people: the groups are theirs to grant.
        QStringList groups;
        for (TeamRole each : kRoles)
            groups << quoted(db, teamGroup(*database, each));
        if (Status s = run(db, QStringLiteral("ALTER ROLE %1 CREATEROLE").arg(person)); !s)
            return s;
        if (Status s = run(db, QStringLiteral("GRANT %1 TO %2 WITH ADMIN OPTION")
                                   .arg(groups.join(QStringLiteral(", ")), person));
            !s)
            return s;
    } else if (Status s = run(db, QStringLiteral("GRANT %1 TO %2").arg(group, person)); !s) {
        return s;
    }
    return transaction.commit();
}

Status removeTeamMember(QSqlDatabase& db, const QString& name) {
    if (Status s = needsPostgres(db); !s)
        return s;
    if (Status s = checkName(name); !s)
        return s;
    Result<QList<TeamMember>> members = teamMembers(db);
    if (!members)
        return Error{members.error()};
    if (std::none_of(members->cbegin(), members->cend(), [&](const TeamMember& m) { return m.name == name; }))
        return Error{QStringLiteral("%1 is not in this database's team.").arg(name)};
    Result<QString> database = databaseName(db);
    if (!database)
        return Error{database.error()};
    Transaction transaction(db);
    for (TeamRole role : kRoles) {
        const QString from = teamGroup(*database, role);
        if (!isMember(db, name, from))
            continue;
        if (Status s = run(db, QStringLiteral("REVOKE %1 FROM %2").arg(quoted(db, from), quoted(db, name)));
            !s)
            return s;
    }
    return transaction.commit();
}

Result<QString> connectedRole(const QSqlDatabase& db) {
    if (!isPostgres(db))
        return QString();
    Result<QVariant> role = value(db, QStringLiteral("SELECT current_user"));
    if (!role)
        return Error{role.error()};
    return role->toString();
}

Result<QList<TeamMember>> teamMembers(const QSqlDatabase& db) {
    if (Status s = needsPostgres(db); !s)
        return Error{s.error()};
    Result<QString> database = databaseName(db);
    if (!database)
        return Error{database.error()};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT m.rolname, g.rolname FROM pg_auth_members a "
                                 "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                                 "WHERE m.rolcanlogin AND g.rolname IN (?, ?, ?) ORDER BY m.rolname"));
    for (TeamRole role : kRoles)
        query.addBindValue(teamGroup(*database, role));
    if (!query.exec())
        return sqlError(QStringLiteral("read the team"), query);
    QList<TeamMember> members;
    while (query.next()) {
        const QString name = query.value(0).toString();
        TeamRole role = TeamRole::Reader;
        for (TeamRole each : kRoles)
            if (query.value(1).toString() == teamGroup(*database, each))
                role = each;
        if (!members.isEmpty() && members.last().name == name)
            members.last().role = std::max(members.last().role, role); // the highest of their groups
        else
            members << TeamMember{name, role};
    }
    return members;
}

} // namespace mirsad::storage
