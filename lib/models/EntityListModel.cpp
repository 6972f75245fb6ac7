#include "models/EntityListModel.h"

#include "models/EntityNames.h"
#include "names/Gazetteer.h"
#include "text/TextNormalizer.h"

#include <QLocale>

namespace mirsad::models {

EntityListModel::EntityListModel(QObject* parent)
    : QAbstractListModel(parent) {
}

void EntityListModel::setKinds(const QList<names::EntityKind>& kinds) {
    m_kinds = kinds;
}

void EntityListModel::setGazetteer(const names::Gazetteer& gazetteer) {
    m_all.clear();
    for (const names::Entity& entity : gazetteer.entities()) {
        if (!m_kinds.contains(entity.kind))
            continue;
        Item item{entity.id, entity.kind, entity.name, entity.nameAr, entity.description, {}};
        for (const QString& name : QStringList{entity.name, entity.nameAr} + entity.aliases)
            if (!name.isEmpty())
                item.searchForms << text::normalizeForSearch(name);
        m_all << item;
    }
    rebuild();
}

void EntityListModel::setCounts(const QHash<QString, qint64>& counts) {
    m_counts = counts;
    rebuild();
}

void EntityListModel::setFilterText(const QString& text) {
    if (text == m_filterText)
        return;
    m_filterText = text;
    rebuild();
}

void EntityListModel::rebuild() {
    const QString needle = text::normalizeForSearch(m_filterText.trimmed()).simplified();
    beginResetModel();
    m_rows.clear();
    for (const Item& item : m_all) {
        if (!needle.isEmpty() && std::none_of(item.searchForms.begin(), item.searchForms.end(),
                                              [&](const QString& form) { return form.contains(needle); }))
            continue;
        m_rows << &item;
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [this](const Item* a, const Item* b) {
        const qint64 countA = m_counts.value(a->id), countB = m_counts.value(b->id);
        if (countA != countB)
            return countA > countB;
        return a->name.localeAwareCompare(b->name) < 0;
    });
    endResetModel();
}

int EntityListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EntityListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = *m_rows.at(index.row());
    const qint64 count = m_counts.value(item.id);
    switch (role) {
    case Qt::DisplayRole:
        return count > 0 ? QStringLiteral("%1 (%2)").arg(shownName(item.name, item.nameAr),
                                                         QLocale().toString(count))
                         : shownName(item.name, item.nameAr);
    case Qt::ToolTipRole:
        return nameTooltip(item.name, item.nameAr, item.description);
    case EntityIdRole:
        return item.id;
    case CountRole:
        return count;
    case KindRole:
        return names::kindToString(item.kind);
    case NameArRole:
        return item.nameAr;
    }
    return {};
}

QString EntityListModel::entityId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row)->id : QString();
}

} // namespace mirsad::models
