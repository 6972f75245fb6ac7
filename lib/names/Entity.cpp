#include "names/Entity.h"

namespace mirsad::names {

QString kindToString(EntityKind kind) {
    switch (kind) {
    case EntityKind::Person:
        return QStringLiteral("person");
    case EntityKind::Place:
        return QStringLiteral("place");
    case EntityKind::Organization:
        return QStringLiteral("organization");
    }
    return {};
}

std::optional<EntityKind> kindFromString(QStringView text) {
    const QStringView trimmed = text.trimmed();
    if (trimmed.compare(u"person", Qt::CaseInsensitive) == 0)
        return EntityKind::Person;
    if (trimmed.compare(u"place", Qt::CaseInsensitive) == 0)
        return EntityKind::Place;
    if (trimmed.compare(u"organization", Qt::CaseInsensitive) == 0 ||
        trimmed.compare(u"organisation", Qt::CaseInsensitive) == 0)
        return EntityKind::Organization;
    return std::nullopt;
}

} // namespace mirsad::names
