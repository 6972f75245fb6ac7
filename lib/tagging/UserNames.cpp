#include "tagging/UserNames.h"

#include "names/Gazetteer.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "tagging/Logging.h"
#include "tagging/Tagger.h"

#include <QDateTime>
#include <QSqlQuery>
#include <algorithm>

namespace mirsad::tagging {

namespace {

bool hasWordCharacter(QStringView text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// A stable id from an English name: "New Generation" → "new-generation".
QString idFromName(const QString& name) {
    QString id;
    for (QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            id += c;
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    return id;
}

// Every written form of an entity: the articles that contain one may change with it.
QStringList namesOf(const names::Entity& entity) {
    QStringList names;
    for (const QString& name : QStringList{entity.name, entity.nameAr} + entity.aliases) {
        if (!name.trimmed().isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

QString displayName(const names::Entity& entity) {
    return entity.name.isEmpty() ? entity.nameAr : entity.name;
}

// The columns of user_entities that make an entity, in the order entityAt() reads them.
const QString kEntityColumns = QStringLiteral("id, kind, name, name_ar, aliases, within, description");

names::Entity entityAt(const QSqlQuery& row) {
    names::Entity entity;
    entity.id = row.value(0).toString();
    entity.kind = names::kindFromString(row.value(1).toString()).value_or(names::EntityKind::Person);
    entity.name = row.value(2).toString();
    entity.nameAr = row.value(3).toString();
    entity.aliases = row.value(4).toString().split(u'|', Qt::SkipEmptyParts);
    entity.within = row.value(5).toString().split(u'|', Qt::SkipEmptyParts);
    entity.description = row.value(6).toString();
    return entity;
}

Result<names::Entity> readUserEntity(const QSqlDatabase& db, const QString& id) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM user_entities WHERE id = ?").arg(kEntityColumns));
    query.addBindValue(storage::sqlText(id));
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read your entities"), query);
    if (!query.next())
        return Error{QStringLiteral("There is no entity \"%1\" among the names you added.").arg(id)};
    return entityAt(query);
}

Result<QStringList> userAliasesOf(const QSqlDatabase& db, const QString& entityId) {
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT alias FROM user_aliases WHERE entity_id = ? ORDER BY created, alias"));
    query.addBindValue(storage::sqlText(entityId));
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read your aliases"), query);
    QStringList aliases;
    while (query.next())
        aliases.append(query.value(0).toString());
    return aliases;
}

} // namespace

Status addUserNames(const QSqlDatabase& db, names::Gazetteer& gazetteer) {
    Result<UserNameList> list = listUserNames(db);
    if (!list)
        return Error{list.error()};
    for (const names::Entity& entity : std::as_const(list->entities)) {
        if (Status s = gazetteer.addEntity(entity); !s)
            qCWarning(lcTagging) << "Skipping the user entity" << entity.id << ":" << s.error();
    }
    for (const UserAlias& alias : std::as_const(list->aliases)) {
        if (Status s = gazetteer.addAlias(alias.entityId, alias.alias); !s)
            qCWarning(lcTagging) << "Skipping an alias:" << s.error();
    }
    return {};
}

Result<QSet<QString>> userEntityIds(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id FROM user_entities")))
        return storage::sqlError(QStringLiteral("read your entities"), query);
    QSet<QString> ids;
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

Result<NamesAdded> storeUserEntity(QSqlDatabase& db, const names::Entity& given) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
    names::Entity entity = given;
    entity.name = entity.name.trimmed();
    entity.nameAr = entity.nameAr.trimmed();
    if (!hasWordCharacter(entity.name) && !hasWordCharacter(entity.nameAr))
        return Error{QStringLiteral("A new entity needs a name (--name or --name-ar).")};
    if (entity.id.isEmpty())
        entity.id = idFromName(entity.name.isEmpty() ? entity.nameAr : entity.name);
    if (entity.id.isEmpty() ||
        std::any_of(entity.id.begin(), entity.id.end(), [](QChar c) { return c.isSpace() || c == u'|'; }))
        return Error{
            QStringLiteral("The id \"%1\" cannot be used: give one without spaces (--id).").arg(entity.id)};
    if (gazetteer.entity(entity.id))
        return Error{
            QStringLiteral("There is already an entity with the id \"%1\"; choose another with --id.")
                .arg(entity.id)};
    for (const QString& parent : std::as_const(entity.within)) {
        if (!gazetteer.entity(parent))
            return Error{QStringLiteral("There is no entity \"%1\" for --within (see 'mirsadctl entities').")
                             .arg(parent)};
    }
    entity.aliases.removeIf([](const QString& a) { return !hasWordCharacter(a); });
    for (QString& alias : entity.aliases)
        alias = alias.trimmed();

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO user_entities (id, kind, name, name_ar, aliases, within, "
                                  "description, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(storage::sqlText(entity.id));
    insert.addBindValue(names::kindToString(entity.kind));
    insert.addBindValue(storage::sqlText(entity.name));
    insert.addBindValue(storage::sqlText(entity.nameAr));
    insert.addBindValue(storage::sqlText(entity.aliases.join(u'|')));
    insert.addBindValue(storage::sqlText(entity.within.join(u'|')));
    insert.addBindValue(storage::sqlText(entity.description.trimmed()));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!insert.exec())
        return storage::sqlError(QStringLiteral("store the entity"), insert);
    Tagger::invalidate(db);

    NamesAdded added{{(*tagger)->version()}, entity.aliases, entity.id};
    for (const QString& name : {entity.name, entity.nameAr}) {
        if (!name.isEmpty())
            added.names.append(name);
    }
    return added;
}

Result<NamesAdded> storeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Entity* entity = (*tagger)->gazetteer().entity(entityId);
    if (!entity)
        return Error{QStringLiteral("There is no entity \"%1\" (see 'mirsadctl entities').").arg(entityId)};
    const QString trimmed = alias.trimmed();
    if (!hasWordCharacter(trimmed))
        return Error{QStringLiteral("An alias needs at least one letter or digit.")};
    if (entity->name == trimmed || entity->nameAr == trimmed || entity->aliases.contains(trimmed))
        return NamesAdded{}; // already known: nothing to re-tag

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO user_aliases (entity_id, alias, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(storage::sqlText(entityId));
    insert.addBindValue(storage::sqlText(trimmed));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!insert.exec())
        return storage::sqlError(QStringLiteral("store the alias"), insert);
    Tagger::invalidate(db);
    return NamesAdded{{(*tagger)->version()}, {trimmed}, entityId};
}

// The order rows were added in, among those of the same second: SQLite's rowid; on PostgreSQL a
// row's place in the table (ctid), which is that order for these small tables, rarely updated.
static QString insertionOrder(const QSqlDatabase& db) {
    return storage::isPostgres(db) ? QStringLiteral("ctid") : QStringLiteral("rowid");
}

Result<UserNameList> listUserNames(const QSqlDatabase& db) {
    UserNameList list;
    QSqlQuery entities(db);
    if (!entities.exec(QStringLiteral("SELECT %1 FROM user_entities ORDER BY created, %2")
                           .arg(kEntityColumns, insertionOrder(db))))
        return storage::sqlError(QStringLiteral("read your entities"), entities);
    while (entities.next()) {
        list.entities.append(entityAt(entities));
    }
    QSqlQuery aliases(db);
    if (!aliases.exec(QStringLiteral("SELECT entity_id, alias FROM user_aliases ORDER BY created, %1")
                          .arg(insertionOrder(db))))
        return storage::sqlError(QStringLiteral("read your aliases"), aliases);
    while (aliases.next())
        list.aliases.append({aliases.value(0).toString(), aliases.value(1).toString()});
    return list;
}

Result<NamesAdded> removeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM user_aliases WHERE entity_id = ? AND alias = ?"));
    remove.addBindValue(storage::sqlText(entityId));
    remove.addBindValue(storage::sqlText(alias));
    if (!remove.exec())
        return storage::sqlError(QStringLiteral("remove the alias"), remove);
    if (remove.numRowsAffected() == 0)
        return Error{
            QStringLiteral("“%1” is not among the spellings you added to \"%2\".").arg(alias, entityId)};
    Tagger::invalidate(db);
    return NamesAdded{{(*tagger)->version()}, {alias}, entityId};
}

Result<NamesAdded> updateUserAlias(QSqlDatabase& db, const UserAlias& from, const UserAlias& to) {
    if (from == to)
        return NamesAdded{};
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Entity* entity = (*tagger)->gazetteer().entity(to.entityId);
    if (!entity)
        return Error{
            QStringLiteral("There is no entity \"%1\" (see 'mirsadctl entities').").arg(to.entityId)};
    const QString trimmed = to.alias.trimmed();
    if (!hasWordCharacter(trimmed))
        return Error{QStringLiteral("An alias needs at least one letter or digit.")};
    const bool sameEntity = from.entityId == to.entityId;
    if ((entity->name == trimmed || entity->nameAr == trimmed || entity->aliases.contains(trimmed)) &&
        !(sameEntity && trimmed == from.alias))
        return Error{QStringLiteral("“%1” is already a spelling of %2.").arg(trimmed, displayName(*entity))};

    storage::Transaction transaction(db);
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE user_aliases SET entity_id = ?, alias = ? WHERE entity_id = ? AND alias = ?"));
    update.addBindValue(storage::sqlText(to.entityId));
    update.addBindValue(storage::sqlText(trimmed));
    update.addBindValue(storage::sqlText(from.entityId));
    update.addBindValue(storage::sqlText(from.alias));
    if (!update.exec())
        return storage::sqlError(QStringLiteral("change the alias"), update);
    if (update.numRowsAffected() == 0)
        return Error{QStringLiteral("“%1” is not among the spellings you added to \"%2\".")
                         .arg(from.alias, from.entityId)};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    Tagger::invalidate(db);
    QStringList names{from.alias};
    if (trimmed != from.alias)
        names.append(trimmed);
    return NamesAdded{{(*tagger)->version()}, names, to.entityId};
}

Result<NamesAdded> removeUserEntity(QSqlDatabase& db, const QString& entityId, QStringList* removedAliases) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    Result<names::Entity> entity = readUserEntity(db, entityId);
    if (!entity)
        return Error{entity.error()};
    for (const names::Entity& other : (*tagger)->gazetteer().entities()) {
        if (other.within.contains(entityId))
            return Error{QStringLiteral("%1 cannot be removed while %2 lies within it: change or remove that "
                                        "first.")
                             .arg(displayName(*entity), displayName(other))};
    }
    Result<QStringList> aliases = userAliasesOf(db, entityId);
    if (!aliases)
        return Error{aliases.error()};

    storage::Transaction transaction(db);
    for (const QString& sql : {QStringLiteral("DELETE FROM user_aliases WHERE entity_id = ?"),
                               QStringLiteral("DELETE FROM user_entities WHERE id = ?")}) {
        QSqlQuery remove(db);
        remove.prepare(sql);
        remove.addBindValue(storage::sqlText(entityId));
        if (!remove.exec())
            return storage::sqlError(QStringLiteral("remove the entity"), remove);
    }
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    Tagger::invalidate(db);
    if (removedAliases)
        *removedAliases = *aliases;
    return NamesAdded{{(*tagger)->version()}, namesOf(*entity) + *aliases, entityId};
}

Result<NamesAdded> restoreUserEntity(QSqlDatabase& db, const names::Entity& entity,
                                     const QStringList& aliases) {
    Result<NamesAdded> restored = storeUserEntity(db, entity);
    if (!restored)
        return restored;
    for (const QString& alias : aliases) {
        Result<NamesAdded> added = storeUserAlias(db, restored->entityId, alias);
        if (!added)
            return Error{added.error()};
        // The tagger the alias was checked against already had the entity: its version is
        // newer than the articles', and the names are in `restored` anyway.
        restored->names.append(added->names);
    }
    return restored;
}

Result<NamesAdded> updateUserEntity(QSqlDatabase& db, const names::Entity& given) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
    Result<names::Entity> before = readUserEntity(db, given.id);
    if (!before)
        return Error{before.error()};
    names::Entity entity = given;
    entity.name = entity.name.trimmed();
    entity.nameAr = entity.nameAr.trimmed();
    entity.description = entity.description.trimmed();
    if (!hasWordCharacter(entity.name) && !hasWordCharacter(entity.nameAr))
        return Error{QStringLiteral("An entity needs a name in English or in Arabic.")};
    entity.aliases.removeIf([](const QString& a) { return !hasWordCharacter(a); });
    for (QString& alias : entity.aliases)
        alias = alias.trimmed();
    const QStringList inside = gazetteer.descendants(entity.id); // the entity itself, and what it holds
    for (const QString& parent : std::as_const(entity.within)) {
        if (!gazetteer.entity(parent))
            return Error{QStringLiteral("There is no entity \"%1\" for --within (see 'mirsadctl entities').")
                             .arg(parent)};
        if (inside.contains(parent))
            return Error{QStringLiteral("%1 cannot lie within %2, which lies within it.")
                             .arg(displayName(entity), displayName(*gazetteer.entity(parent)))};
    }

    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE user_entities SET kind = ?, name = ?, name_ar = ?, aliases = ?, "
                                  "within = ?, description = ? WHERE id = ?"));
    update.addBindValue(names::kindToString(entity.kind));
    update.addBindValue(storage::sqlText(entity.name));
    update.addBindValue(storage::sqlText(entity.nameAr));
    update.addBindValue(storage::sqlText(entity.aliases.join(u'|')));
    update.addBindValue(storage::sqlText(entity.within.join(u'|')));
    update.addBindValue(storage::sqlText(entity.description));
    update.addBindValue(storage::sqlText(entity.id));
    if (!update.exec())
        return storage::sqlError(QStringLiteral("change the entity"), update);
    Tagger::invalidate(db);
    // The articles with its old names or its new ones; with the spellings added afterwards,
    // because its place in the hierarchy decides between names shared with other places.
    Result<QStringList> aliases = userAliasesOf(db, entity.id);
    if (!aliases)
        return Error{aliases.error()};
    QStringList names = namesOf(*before);
    for (const QString& name : namesOf(entity) + *aliases) {
        if (!names.contains(name))
            names.append(name);
    }
    return NamesAdded{{(*tagger)->version()}, names, entity.id};
}

} // namespace mirsad::tagging
