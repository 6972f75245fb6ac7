#include "models/RegionTreeModel.h"

#include "models/EntityNames.h"
#include "names/Gazetteer.h"

#include <QLocale>
#include <QSet>
#include <functional>

namespace mirsad::models {

RegionTreeModel::RegionTreeModel(QObject* parent)
    : QAbstractItemModel(parent) {
}

RegionTreeModel::~RegionTreeModel() = default;

void RegionTreeModel::setGazetteer(const names::Gazetteer& gazetteer) {
    beginResetModel();
    m_root.children.clear();
    QHash<QString, QList<const names::Entity*>> children;
    QList<const names::Entity*> roots;
    for (const names::Entity& entity : gazetteer.entities()) {
        if (entity.kind != names::EntityKind::Place)
            continue;
        bool hasParent = false;
        for (const QString& parentId : entity.within) {
            const names::Entity* parent = gazetteer.entity(parentId);
            if (parent && parent->kind == names::EntityKind::Place) {
                children[parentId] << &entity;
                hasParent = true;
            }
        }
        if (!hasParent)
            roots << &entity;
    }
    // Depth-first; `path` guards against a containment cycle in user-added places.
    QSet<QString> path;
    std::function<void(Node&, const names::Entity&)> add = [&](Node& parent, const names::Entity& entity) {
        if (path.contains(entity.id))
            return;
        auto node = std::make_unique<Node>();
        node->id = entity.id;
        node->name = entity.name;
        node->nameAr = entity.nameAr;
        node->description = entity.description;
        node->parent = &parent;
        node->row = int(parent.children.size());
        Node& added = *node;
        parent.children.push_back(std::move(node));
        path.insert(entity.id);
        for (const names::Entity* child : children.value(entity.id))
            add(added, *child);
        path.remove(entity.id);
    };
    for (const names::Entity* root : roots)
        add(m_root, *root);
    endResetModel();
}

void RegionTreeModel::setCounts(const QHash<QString, qint64>& counts) {
    m_counts = counts;
    emitCountsChanged(m_root);
}

void RegionTreeModel::emitCountsChanged(const Node& node) {
    if (node.children.empty())
        return;
    const QModelIndex parent = &node == &m_root ? QModelIndex() : createIndex(node.row, 0, &node);
    emit dataChanged(index(0, 0, parent), index(int(node.children.size()) - 1, CountColumn, parent));
    for (const auto& child : node.children)
        emitCountsChanged(*child);
}

RegionTreeModel::Node* RegionTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : const_cast<Node*>(&m_root);
}

QModelIndex RegionTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    const Node* node = nodeOf(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex RegionTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const Node* parent = nodeOf(child)->parent;
    if (!parent || parent == &m_root)
        return {};
    return createIndex(parent->row, 0, parent);
}

int RegionTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int RegionTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant RegionTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = *nodeOf(index);
    const qint64 count = m_counts.value(node.id);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CountColumn)
            return count > 0 ? QLocale().toString(count) : QString();
        return shownName(node.name, node.nameAr);
    case Qt::ToolTipRole:
        return nameTooltip(node.name, node.nameAr, node.description);
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EntityIdRole:
        return node.id;
    case CountRole:
        return count;
    case NameArRole:
        return node.nameAr;
    }
    return {};
}

QVariant RegionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Region") : tr("Articles");
}

QModelIndex RegionTreeModel::indexOf(const QString& entityId) const {
    std::function<const Node*(const Node&)> find = [&](const Node& node) -> const Node* {
        for (const auto& child : node.children) {
            if (child->id == entityId)
                return child.get();
            if (const Node* found = find(*child))
                return found;
        }
        return nullptr;
    };
    const Node* found = find(m_root);
    return found ? createIndex(found->row, 0, found) : QModelIndex();
}

} // namespace mirsad::models
