#pragma once

#include "core/Result.h"
#include "names/Entity.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

namespace mirsad::names {
class Gazetteer;
}

namespace mirsad::tagging {

// The names the user taught Mirsad are kept in the database (user_entities, user_aliases); this
// file is the only one that reads or writes those tables.

// What the user added to the gazetteer since the articles were tagged: the versions that differ
// from the current one only by these names. An article tagged with one of those versions can
// change only if its text contains one of the names, so the others just take the new version.
struct NamesAdded {
    QSet<QString> previousVersions;
    QStringList names;
    QString entityId; // whose names they are (the last one, once merged)

    bool isEmpty() const { return names.isEmpty(); }
    void merge(const NamesAdded& other) {
        previousVersions.unite(other.previousVersions);
        names += other.names;
        entityId = other.entityId;
    }
};

Result<NamesAdded> storeUserEntity(QSqlDatabase& db, const names::Entity& entity);
Result<NamesAdded> storeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias);

// Adds the user's entities and aliases stored in `db` to `gazetteer`. One that no longer fits
// (its id now taken by the bundled gazetteer, say) is skipped with a warning (mirsad.tagging).
Status addUserNames(const QSqlDatabase& db, names::Gazetteer& gazetteer);

// The ids of the entities the user added.
Result<QSet<QString>> userEntityIds(const QSqlDatabase& db);

// Stores a user entity or an alias after checking it against the gazetteer in use, forgets the
// cached tagger and returns what changed, for re-tagging. A refused name is an Error that says
// why. Run on the writer.
Result<NamesAdded> storeUserEntity(QSqlDatabase& db, const names::Entity& entity);
Result<NamesAdded> storeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias);

} // namespace mirsad::tagging
