#include "filters/NameFilter.h"

#include "names/Gazetteer.h"
#include "names/NameMatcher.h"
#include "tagging/Tagger.h"

namespace mirsad::filters {

static QString kindWord(std::optional<names::EntityKind> kind) {
    if (!kind)
        return QStringLiteral("entity");
    switch (*kind) {
    case names::EntityKind::Person:
        return QStringLiteral("person");
    case names::EntityKind::Place:
        return QStringLiteral("place");
    case names::EntityKind::Organization:
        return QStringLiteral("organisation");
    }
    return QStringLiteral("entity");
}

static QString describe(const names::Entity& entity) {
    return entity.nameAr.isEmpty()
               ? QStringLiteral("%1 (%2)").arg(entity.name, entity.id)
               : QStringLiteral("%1 / %2 (%3)").arg(entity.name, entity.nameAr, entity.id);
}

Result<const names::Entity*> resolveEntity(const tagging::Tagger& tagger, const QString& typed,
                                           std::optional<names::EntityKind> kind) {
    const names::Gazetteer& gazetteer = tagger.gazetteer();
    QList<const names::Entity*> candidates;
    if (const names::Entity* byId = gazetteer.entity(typed.trimmed()); byId && (!kind || byId->kind == *kind))
        candidates << byId;
    else
        candidates = tagger.matcher().resolve(typed, kind);

    if (candidates.isEmpty()) {
        QStringList closest;
        for (const QString& name : tagger.matcher().suggest(typed, 5))
            closest << name;
        QString message = QStringLiteral("No %1 called \"%2\" is known.").arg(kindWord(kind), typed);
        if (!closest.isEmpty())
            message += QStringLiteral(" Closest: %1.").arg(closest.join(QStringLiteral("; ")));
        return Error{message};
    }
    if (candidates.size() > 1) {
        QStringList options;
        for (const names::Entity* entity : candidates)
            options << describe(*entity);
        return Error{QStringLiteral("\"%1\" is ambiguous: it could be %2. Use a fuller name or the id.")
                         .arg(typed, options.join(QStringLiteral("; ")))};
    }
    return candidates.first();
}

} // namespace mirsad::filters
