#include "names/EntityListPanel.h"

#include "names/EntityDirectory.h"
#include "reader/BidiItemDelegate.h"
#include "reader/HighlightColors.h"

#include <QHeaderView>
#include <QMap>

using namespace mirsad;

EntityListPanel::EntityListPanel(EntityDirectory& directory, QWidget* parent)
    : QTreeWidget(parent)
    , m_directory(directory) {
    setObjectName(QStringLiteral("entityList"));
    setColumnCount(2);
    setHeaderLabels({tr("Names in this article"), tr("Mentions")});
    headerItem()->setToolTip(1, tr("How many times the article mentions each name"));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setRootIsDecorated(false);
    setIndentation(8);
    setUniformRowHeights(true);
    setItemDelegate(new BidiItemDelegate(this)); // "70 Forces" in the Arabic UI too
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QString id = item->data(0, EntityIdRole).toString(); !id.isEmpty())
            emit entityActivated(id);
    });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        if (const QString id = item->data(0, EntityIdRole).toString(); !id.isEmpty())
            emit entityActivated(id);
    });
    connect(&directory, &EntityDirectory::ready, this, [this] { showArticle(m_article); });
}

void EntityListPanel::showArticle(const Article& article) {
    m_article = article;
    clear();
    QMap<QString, int> counts;
    for (const StoredMention& mention : article.mentions)
        ++counts[mention.entityId];
    const bool dark = isDarkPalette(palette());
    const std::pair<names::EntityKind, QString> kinds[] = {
        {names::EntityKind::Person, tr("People")},
        {names::EntityKind::Place, tr("Places")},
        {names::EntityKind::Organization, tr("Organisations")}};
    for (const auto& [kind, label] : kinds) {
        QList<std::pair<int, const names::Entity*>> entities;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (const names::Entity* e = m_directory.entity(it.key()); e && e->kind == kind)
                entities.append({it.value(), e});
        if (entities.isEmpty())
            continue;
        std::sort(entities.begin(), entities.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second->name < b.second->name;
        });
        auto* group = new QTreeWidgetItem(this, {label, QString::number(entities.size())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setForeground(0, nameColor(kind, dark));
        group->setFlags(Qt::ItemIsEnabled);
        for (const auto& [count, entity] : entities) {
            auto* item =
                new QTreeWidgetItem(group, {entity->nameAr.isEmpty()
                                                ? entity->name
                                                : QStringLiteral("%1 · %2").arg(entity->name, entity->nameAr),
                                            QString::number(count)});
            item->setData(0, EntityIdRole, entity->id);
            item->setToolTip(0, m_directory.cardHtml(entity->id));
        }
    }
    expandAll();
}
