#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace mirsad::names {

enum class EntityKind { Person, Place, Organization };

// "person", "place", "organization": the names used in the gazetteer and by mirsadctl.
// (Not named toString: QTest would take it for its own printer.)
QString kindToString(EntityKind kind);
std::optional<EntityKind> kindFromString(QStringView text);

// A person, place or organisation of the gazetteer.
struct Entity {
    QString id; // stable, e.g. "mustafa-al-kadhimi"
    EntityKind kind = EntityKind::Person;
    QString name;        // canonical English name
    QString nameAr;      // canonical Arabic name
    QStringList aliases; // other spellings, in either script
    QStringList within;  // ids of the places this one belongs to (several allowed)
    QString description; // a role or a region, shown on hover
};

} // namespace mirsad::names
