#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace mirsad::storage {

// A team on a PostgreSQL archive: each analyst connects as a login role of their own, a member of
// one of the database's three group roles. The server enforces what each may do:
//
//   reader   reads the archive and marks articles read or starred;
//   analyst  also imports and refreshes feeds, teaches names, and makes highlights, notes, briefs
//            and watchlists; row-level security keeps each highlight and note private to its
//            author until shared, and lets only its author change or delete it;
//   admin    also adds and removes people (its members get CREATEROLE).
//
// The group roles are named after the database ("desk" has desk_reader, desk_analyst and
// desk_admin): roles belong to the whole server, and a membership must not open another
// database on it. The database's owner and superusers administer it outside these rules.
enum class TeamRole { Reader, Analyst, Admin };

QString teamRoleName(TeamRole role);                           // "reader", "analyst", "admin"
std::optional<TeamRole> teamRoleFromName(const QString& name); // the reverse, or none
QString teamGroup(const QString& database, TeamRole role);     // "desk_analyst"

struct TeamMember {
    QString name;
    TeamRole role = TeamRole::Reader;
};

// Makes the group roles (when missing) and grants them their rights on this database's tables and
// sequences. Run again after an upgrade adds tables. Needs the database's owner (or a superuser)
// with CREATEROLE; anything else is an Error that says so.
Status initTeam(QSqlDatabase& db);

// Adds a person as a login role of their own (made when missing, without a password: set one with
// psql's \password, or use the server's other authentication) in the group of `role`, leaving the
// other groups. Names are PostgreSQL role names: letters, digits, _ . -; they are quoted, never
// spliced raw.
Status addTeamMember(QSqlDatabase& db, const QString& name, TeamRole role);

// Takes a person out of this database's groups. Their login role stays (it is the server's, and
// may be used elsewhere), and so do their highlights and notes: kept, never dropped.
Status removeTeamMember(QSqlDatabase& db, const QString& name);

// The role this connection acts as on a team's archive (the author the server writes on its
// highlights and notes); empty for an SQLite file, which has no team.
Result<QString> connectedRole(const QSqlDatabase& db);

// The people in this database's groups, by name.
Result<QList<TeamMember>> teamMembers(const QSqlDatabase& db);

} // namespace mirsad::storage
