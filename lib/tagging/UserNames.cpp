#include "tagging/UserNames.h"

#include "names/Gazetteer.h"
#include "storage/Database.h"
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

} // namespace

Status addUserNames(const QSqlDatabase& db, names::Gazetteer& gazetteer) {
    QSqlQuery entities(db);
    if (!entities.exec(QStringLiteral("SELECT id, kind, name, name_ar, aliases, within, description FROM "
                                      "user_entities ORDER BY created")))
        return storage::sqlError(QStringLiteral("read your entities"), entities);
    while (entities.next()) {
        names::Entity entity;
        entity.id = entities.value(0).toString();
        entity.kind = names::kindFromString(entities.value(1).toString()).value_or(names::EntityKind::Person);
        entity.name = entities.value(2).toString();
        entity.nameAr = entities.value(3).toString();
        entity.aliases = entities.value(4).toString().split(u'|', Qt::SkipEmptyParts);
        entity.within = entities.value(5).toString().split(u'|', Qt::SkipEmptyParts);
        entity.description = entities.value(6).toString();
        if (Status s = gazetteer.addEntity(entity); !s)
            qCWarning(lcTagging) << "Skipping the user entity" << entity.id << ":" << s.error();
    }
    QSqlQuery aliases(db);
    if (!aliases.exec(QStringLiteral("SELECT entity_id, alias FROM user_aliases ORDER BY created")))
        return storage::sqlError(QStringLiteral("read your aliases"), aliases);
    while (aliases.next()) {
        if (Status s = gazetteer.addAlias(aliases.value(0).toString(), aliases.value(1).toString()); !s)
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
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO user_aliases (entity_id, alias, created) VALUES (?, ?, ?)"));
    insert.addBindValue(storage::sqlText(entityId));
    insert.addBindValue(storage::sqlText(trimmed));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!insert.exec())
        return storage::sqlError(QStringLiteral("store the alias"), insert);
    Tagger::invalidate(db);
    return NamesAdded{{(*tagger)->version()}, {trimmed}, entityId};
}

} // namespace mirsad::tagging
