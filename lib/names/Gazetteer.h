#pragma once

#include "core/Result.h"
#include "names/Entity.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace mirsad::names {

// The people, places and organisations Mirsad knows, with their names in both scripts and the
// place hierarchy. A value type: copies are cheap (implicitly shared lists).
//
// TSV format, one entity a line, `#` comments and blank lines allowed:
//   id <TAB> kind <TAB> name_en <TAB> name_ar <TAB> aliases (|) <TAB> within (|) <TAB> description
class Gazetteer {
public:
    // Appends the entities of a TSV file; errors name the source and line ("places.tsv:12: ...").
    Status loadTsv(QIODevice& device, const QString& sourceName);
    Status loadTsvFile(const QString& path);
    static Result<Gazetteer> fromTsvFile(const QString& path);
    // The shipped gazetteer (:/gazetteer/{places,people,organizations}.tsv), loaded once.
    static Result<Gazetteer> builtin();

    Status addEntity(Entity entity);
    Status addAlias(const QString& entityId, const QString& alias);

    // Null when unknown. The pointer is valid until the gazetteer is next changed.
    const Entity* entity(const QString& id) const;
    const QList<Entity>& entities() const { return m_entities; }
    qsizetype size() const { return m_entities.size(); }
    bool isEmpty() const { return m_entities.isEmpty(); }

    // Every place that contains id, transitively, nearest first (id itself excluded).
    QStringList ancestors(const QString& id) const;
    // id and every entity transitively within it: what a filter on a region matches.
    QStringList descendants(const QString& id) const;

    // A hash of the content, stable across runs and load order: tagging reruns when it changes.
    QString version() const;

    // Problems that do not prevent loading: `within` ids that do not exist, containment cycles.
    QStringList validate() const;

private:
    bool isInCycle(const QString& id) const;

    QList<Entity> m_entities;
    QHash<QString, qsizetype> m_index;
};

} // namespace mirsad::names
