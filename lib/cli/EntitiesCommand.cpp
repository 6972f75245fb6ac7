#include "cli/Command.h"
#include "names/Gazetteer.h"
#include "tagging/Retagger.h"
#include "tagging/Tagger.h"
#include "tagging/UserNames.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mirsad::cli {

namespace {

const QString kKind = QStringLiteral("kind");
const QString kJson = QStringLiteral("json");

// How many articles mention each entity: one pass over an index.
QHash<QString, qint64> articleCounts(const QSqlDatabase& db) {
    QHash<QString, qint64> counts;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT entity_id, count(*) FROM article_entities GROUP BY entity_id"))) {
        while (query.next())
            counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    }
    return counts;
}

int listEntities(CommandContext& context) {
    std::optional<names::EntityKind> kind;
    if (context.parser.isSet(kKind)) {
        kind = names::kindFromString(context.parser.value(kKind));
        if (!kind) {
            context.error(QStringLiteral("--kind must be person, place or organization, not \"%1\".")
                              .arg(context.parser.value(kKind)));
            return UsageError;
        }
    }
    // The user's own names live in the database: read it when one was given or already exists,
    // never create one just to list the bundled gazetteer.
    const bool useDatabase = databaseGiven(context) || QFileInfo::exists(context.databasePath());
    Result<std::shared_ptr<const tagging::Tagger>> tagger = Error{QString()};
    QHash<QString, qint64> counts;
    QSet<QString> userAdded;
    if (useDatabase) {
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        tagger = tagging::Tagger::forDatabase(**db);
        counts = articleCounts(**db);
        if (Result<QSet<QString>> ids = tagging::userEntityIds(**db))
            userAdded = *ids;
    } else {
        tagger = tagging::Tagger::builtin();
    }
    if (!tagger) {
        context.error(tagger.error());
        return Failure;
    }
    const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
    QList<const names::Entity*> selected;
    for (const names::Entity& entity : gazetteer.entities()) {
        if (!kind || entity.kind == *kind)
            selected.append(&entity);
    }

    if (context.parser.isSet(kJson)) {
        QJsonArray array;
        for (const names::Entity* entity : std::as_const(selected)) {
            QJsonObject object{
                {QStringLiteral("id"), entity->id},
                {QStringLiteral("name"), entity->name},
                {QStringLiteral("name_ar"), entity->nameAr},
                {QStringLiteral("kind"), names::kindToString(entity->kind)},
                {QStringLiteral("description"), entity->description},
                {QStringLiteral("aliases"), QJsonArray::fromStringList(entity->aliases)},
                {QStringLiteral("within"), QJsonArray::fromStringList(entity->within)},
                {QStringLiteral("regions"), QJsonArray::fromStringList(gazetteer.ancestors(entity->id))},
                {QStringLiteral("user_added"), userAdded.contains(entity->id)},
            };
            if (useDatabase)
                object.insert(QStringLiteral("articles"), counts.value(entity->id));
            array.append(object);
        }
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        context.out.flush();
        return Success;
    }
    QTextStream& out = context.out;
    for (const names::Entity* entity : std::as_const(selected)) {
        out << entity->id << "  " << names::kindToString(entity->kind) << "  " << entity->name;
        if (!entity->nameAr.isEmpty())
            out << " · " << entity->nameAr;
        if (useDatabase)
            out << "  (" << counts.value(entity->id)
                << (counts.value(entity->id) == 1 ? " article)" : " articles)");
        out << "\n";
        if (!entity->description.isEmpty())
            out << "    " << entity->description << "\n";
        if (!entity->aliases.isEmpty())
            out << "    also: " << entity->aliases.join(QStringLiteral(", ")) << "\n";
        if (!entity->within.isEmpty())
            out << "    within: " << entity->within.join(QStringLiteral(", ")) << "\n";
    }
    out << selected.size() << (selected.size() == 1 ? " entity\n" : " entities\n");
    out.flush();
    return Success;
}

// Re-tags the archive after names were added, reporting progress on stderr.
int retag(CommandContext& context, QSqlDatabase& db, const tagging::NamesAdded& added, const QString& what) {
    Result<tagging::RetagReport> report = tagging::retagArchive(db, added, [&](qint64 done, qint64 total) {
        context.err << "Re-tagging: " << done << "/" << total << " articles\n";
        context.err.flush();
    });
    if (!report) {
        context.error(QStringLiteral("%1, but re-tagging the archive failed: %2").arg(what, report.error()));
        return Failure;
    }
    if (context.parser.isSet(kJson)) {
        const QJsonObject json{{QStringLiteral("examined"), report->examined},
                               {QStringLiteral("skipped"), report->bumped},
                               {QStringLiteral("changed"), report->changed}};
        context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << "\n";
    } else {
        context.out << what << ". Re-tagged the archive: " << report->changed
                    << (report->changed == 1 ? " article" : " articles") << " changed (" << report->examined
                    << " read again, " << report->bumped << " could not change).\n";
    }
    context.out.flush();
    return Success;
}

int addEntity(CommandContext& context) {
    QCommandLineParser& parser = context.parser;
    if (parser.positionalArguments().size() != 1) {
        context.error(QStringLiteral("entities add takes options only (--kind, --name...)."));
        return UsageError;
    }
    const std::optional<names::EntityKind> kind = names::kindFromString(parser.value(kKind));
    if (!kind) {
        context.error(QStringLiteral("entities add needs --kind person, place or organization."));
        return UsageError;
    }
    names::Entity entity;
    entity.kind = *kind;
    entity.id = parser.value(QStringLiteral("id")).trimmed();
    entity.name = parser.value(QStringLiteral("name"));
    entity.nameAr = parser.value(QStringLiteral("name-ar"));
    entity.aliases = parser.values(QStringLiteral("alias"));
    entity.within = parser.values(QStringLiteral("within"));
    entity.description = parser.value(QStringLiteral("description"));
    Result<QSqlDatabase*> db = context.database();
    if (!db) {
        context.error(db.error());
        return Failure;
    }
    Result<tagging::NamesAdded> added = tagging::storeUserEntity(**db, entity);
    if (!added) {
        context.error(added.error());
        return Failure;
    }
    return retag(context, **db, *added,
                 QStringLiteral("Added the %1 %2 (%3)")
                     .arg(names::kindToString(*kind), entity.name.isEmpty() ? entity.nameAr : entity.name,
                          added->entityId));
}

int addAlias(CommandContext& context) {
    const QStringList args = context.parser.positionalArguments();
    if (args.size() != 3) {
        context.error(
            QStringLiteral("entities alias needs an entity id and the alias: entities alias ID ALIAS."));
        return UsageError;
    }
    Result<QSqlDatabase*> db = context.database();
    if (!db) {
        context.error(db.error());
        return Failure;
    }
    Result<tagging::NamesAdded> added = tagging::storeUserAlias(**db, args[1], args[2]);
    if (!added) {
        context.error(added.error());
        return Failure;
    }
    if (added->isEmpty()) {
        context.out << "\"" << args[2].trimmed() << "\" is already a name of " << args[1] << ".\n";
        context.out.flush();
        return Success;
    }
    return retag(context, **db, *added, QStringLiteral("Added \"%1\" to %2").arg(args[2].trimmed(), args[1]));
}

} // namespace

Command entitiesCommand() {
    Command command;
    command.name = QStringLiteral("entities");
    command.synopsis = QStringLiteral(
        "[--kind person|place|organization] [--json]\n"
        "  entities add --kind KIND --name NAME [--name-ar NAME] [--alias A]... [--within ID]... "
        "[--description D] [--id ID]\n"
        "  entities alias ID ALIAS");
    command.description = QStringLiteral(
        "List the people, places and organisations Mirsad knows; add an entity or an alias (the archive "
        "is then re-tagged).");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("ACTION"),
                                     QStringLiteral("Nothing to list; add, or alias ID ALIAS."),
                                     QStringLiteral("[add|alias ID ALIAS]"));
        parser.addOption({kKind, QStringLiteral("person, place or organization."), QStringLiteral("KIND")});
        parser.addOption({kJson, QStringLiteral("Print JSON.")});
        parser.addOption(
            {QStringLiteral("name"), QStringLiteral("add: the English name."), QStringLiteral("NAME")});
        parser.addOption(
            {QStringLiteral("name-ar"), QStringLiteral("add: the Arabic name."), QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("alias"), QStringLiteral("add: another spelling (repeatable)."),
                          QStringLiteral("ALIAS")});
        parser.addOption({QStringLiteral("within"),
                          QStringLiteral("add: the id of a place this one belongs to (repeatable)."),
                          QStringLiteral("ID")});
        parser.addOption({QStringLiteral("description"), QStringLiteral("add: a role or a region."),
                          QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("id"), QStringLiteral("add: a stable id (default: from the name)."),
                          QStringLiteral("ID")});
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        if (args.isEmpty())
            return listEntities(context);
        if (args.first() == u"add")
            return addEntity(context);
        if (args.first() == u"alias")
            return addAlias(context);
        context.error(QStringLiteral("unknown entities action \"%1\": use add or alias, or nothing to list.")
                          .arg(args.first()));
        return UsageError;
    };
    return command;
}

} // namespace mirsad::cli
