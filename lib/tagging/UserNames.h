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

// What the user changed in the gazetteer since the articles were tagged: the versions that differ
// from the current one only by these names (added, removed or given to another entity). An
// article tagged with one of those versions can change only if its text contains one of the
// names, so the others just take the new version.
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

// A spelling the user taught for an entity (bundled or their own).
struct UserAlias {
    QString entityId;
    QString alias;
    friend bool operator==(const UserAlias&, const UserAlias&) = default;
};

// Everything the user taught, oldest first (Names ▸ Manage Names).
struct UserNameList {
    QList<names::Entity> entities; // aliases: those stored with the entity
    QList<UserAlias> aliases;      // spellings added to an entity afterwards
};
Result<UserNameList> listUserNames(const QSqlDatabase& db);

// Changing and removing what the user taught: each checks the change against the gazetteer in
// use, forgets the cached tagger and returns the names whose articles must be re-tagged (the old
// names and the new). Run on the writer; a refused change is an Error that says why and changes
// nothing.

// Removes a spelling the user added (an error when there is none).
Result<NamesAdded> removeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias);
// Changes a spelling, or gives it to another entity.
Result<NamesAdded> updateUserAlias(QSqlDatabase& db, const UserAlias& from, const UserAlias& to);
// Removes an entity the user added, with the spellings added to it afterwards (put in
// `removedAliases`, for undo). Refused while another entity lies within it.
Result<NamesAdded> removeUserEntity(QSqlDatabase& db, const QString& entityId,
                                    QStringList* removedAliases = nullptr);
// Puts back an entity removeUserEntity() removed, with those spellings.
Result<NamesAdded> restoreUserEntity(QSqlDatabase& db, const names::Entity& entity,
                                     const QStringList& aliases);
// Replaces an entity the user added by `entity` (the same id): kind, names, places, description.
Result<NamesAdded> updateUserEntity(QSqlDatabase& db, const names::Entity& entity);

} // namespace mirsad::tagging
