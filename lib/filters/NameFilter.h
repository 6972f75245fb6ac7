#pragma once

#include "core/Result.h"
#include "names/Entity.h"

#include <QStringList>
#include <optional>

namespace mirsad::tagging {
class Tagger;
}

namespace mirsad::filters {

enum class NameScope {
    Exactly,      // the entity itself
    WithinRegion, // the place and every place inside it, transitively
};

// The one entity a typed name (any known spelling, either script, or an entity id) stands for,
// of `kind` when given. An unknown or ambiguous name is an Error that says so and names the
// closest entities.
Result<const names::Entity*> resolveEntity(const tagging::Tagger& tagger, const QString& typed,
                                           std::optional<names::EntityKind> kind);

} // namespace mirsad::filters
