#include "names/Gazetteer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSet>
#include <algorithm>

namespace mirsad::names {

namespace {

QStringList splitList(QStringView field) {
    QStringList items;
    for (QStringView item : field.split(u'|')) {
        item = item.trimmed();
        if (!item.isEmpty())
            items.append(item.toString());
    }
    return items;
}

bool isValidId(QStringView id) {
    return !id.isEmpty() &&
           std::none_of(id.begin(), id.end(), [](QChar c) { return c.isSpace() || c == u'|'; });
}

} // namespace

Status Gazetteer::loadTsv(QIODevice& device, const QString& sourceName) {
    if (!device.isOpen() && !device.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(sourceName, device.errorString())};
    const QString content = QString::fromUtf8(device.readAll());
    int lineNumber = 0;
    for (QStringView line : QStringView(content).split(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        const auto where = QStringLiteral("%1:%2: ").arg(sourceName).arg(lineNumber);
        const QList<QStringView> fields = line.split(u'\t');
        if (fields.size() < 3 || fields.size() > 7)
            return Error{where + QStringLiteral("expected 3 to 7 tab-separated fields (id, kind, name_en, "
                                                "name_ar, aliases, within, description), found %1")
                                     .arg(fields.size())};
        const auto field = [&](int i) { return i < fields.size() ? fields[i].trimmed() : QStringView(); };
        const auto kind = kindFromString(field(1));
        if (!kind)
            return Error{
                where +
                QStringLiteral("unknown kind \"%1\" (expected person, place or organization)").arg(field(1))};
        Entity entity;
        entity.id = field(0).toString();
        entity.kind = *kind;
        entity.name = field(2).toString();
        entity.nameAr = field(3).toString();
        entity.aliases = splitList(field(4));
        entity.within = splitList(field(5));
        entity.description = field(6).toString();
        if (Status added = addEntity(std::move(entity)); !added)
            return Error{where + added.error()};
    }
    return {};
}

Status Gazetteer::loadTsvFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())};
    return loadTsv(file, QFileInfo(path).fileName());
}

Result<Gazetteer> Gazetteer::fromTsvFile(const QString& path) {
    Gazetteer gazetteer;
    if (Status loaded = gazetteer.loadTsvFile(path); !loaded)
        return Error{loaded.error()};
    return gazetteer;
}

Result<Gazetteer> Gazetteer::builtin() {
    static const Result<Gazetteer> cached = []() -> Result<Gazetteer> {
        Gazetteer gazetteer;
        for (const auto* name : {"places.tsv", "people.tsv", "organizations.tsv"}) {
            QFile file(QStringLiteral(":/gazetteer/") + QLatin1String(name));
            if (!file.exists())
                continue; // a gazetteer may ship without one of the three files
            if (Status loaded = gazetteer.loadTsv(file, QLatin1String(name)); !loaded)
                return Error{loaded.error()};
        }
        return gazetteer;
    }();
    return cached;
}

Status Gazetteer::addEntity(Entity entity) {
    if (!isValidId(entity.id))
        return Error{QStringLiteral("the id \"%1\" is empty or contains spaces").arg(entity.id)};
    if (m_index.contains(entity.id))
        return Error{QStringLiteral("the id \"%1\" is used twice").arg(entity.id)};
    if (entity.name.isEmpty() && entity.nameAr.isEmpty())
        return Error{QStringLiteral("the entity \"%1\" has no name").arg(entity.id)};
    m_index.insert(entity.id, m_entities.size());
    m_entities.append(std::move(entity));
    return {};
}

Status Gazetteer::addAlias(const QString& entityId, const QString& alias) {
    const auto it = m_index.constFind(entityId);
    if (it == m_index.constEnd())
        return Error{QStringLiteral("there is no entity \"%1\"").arg(entityId)};
    const QString trimmed = alias.trimmed();
    if (trimmed.isEmpty())
        return Error{QStringLiteral("an alias cannot be empty")};
    Entity& entity = m_entities[*it];
    if (!entity.aliases.contains(trimmed) && entity.name != trimmed && entity.nameAr != trimmed)
        entity.aliases.append(trimmed);
    return {};
}

const Entity* Gazetteer::entity(const QString& id) const {
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_entities[*it];
}

QStringList Gazetteer::ancestors(const QString& id) const {
    QStringList result;
    QSet<QString> seen{id};
    const Entity* start = entity(id);
    QStringList queue = start ? start->within : QStringList();
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const QString current = queue[i];
        if (seen.contains(current))
            continue; // cycle-safe
        seen.insert(current);
        result.append(current);
        if (const Entity* e = entity(current))
            queue.append(e->within);
    }
    return result;
}

QStringList Gazetteer::descendants(const QString& id) const {
    QHash<QString, QStringList> children;
    for (const Entity& e : m_entities)
        for (const QString& parent : e.within)
            children[parent].append(e.id);
    QStringList result{id};
    QSet<QString> seen{id};
    for (qsizetype i = 0; i < result.size(); ++i) {
        for (const QString& child : children.value(result[i])) {
            if (!seen.contains(child)) {
                seen.insert(child);
                result.append(child);
            }
        }
    }
    return result;
}

QString Gazetteer::version() const {
    QList<const Entity*> sorted;
    sorted.reserve(m_entities.size());
    for (const Entity& e : m_entities)
        sorted.append(&e);
    std::sort(sorted.begin(), sorted.end(), [](const Entity* a, const Entity* b) { return a->id < b->id; });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Entity* e : sorted) {
        const QStringList fields{e->id,         kindToString(e->kind), e->name,
                                 e->nameAr,     e->aliases.join(u'|'), e->within.join(u'|'),
                                 e->description};
        hash.addData(fields.join(u'\t').toUtf8());
        hash.addData("\n");
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

bool Gazetteer::isInCycle(const QString& id) const {
    const Entity* start = entity(id);
    QStringList queue = start ? start->within : QStringList();
    QSet<QString> seen;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        if (queue[i] == id)
            return true;
        if (seen.contains(queue[i]))
            continue;
        seen.insert(queue[i]);
        if (const Entity* e = entity(queue[i]))
            queue.append(e->within);
    }
    return false;
}

QStringList Gazetteer::validate() const {
    QStringList problems;
    for (const Entity& e : m_entities) {
        for (const QString& parent : e.within) {
            if (!entity(parent))
                problems.append(
                    QStringLiteral("%1 is within \"%2\", which does not exist").arg(e.id, parent));
        }
        if (isInCycle(e.id))
            problems.append(QStringLiteral("%1 is within itself (a containment cycle)").arg(e.id));
    }
    return problems;
}

} // namespace mirsad::names
