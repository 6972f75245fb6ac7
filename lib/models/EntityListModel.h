#pragma once

#include "names/Entity.h"

#include <QAbstractListModel>
#include <QHash>

namespace mirsad::names {
class Gazetteer;
}

namespace mirsad::models {

// The sidebar's people and organisations: most-mentioned first (then by name), each with the
// number of articles that mention it, narrowed by a filter string matched against every known
// name in both scripts with the matcher's folding (so "kadhimi", "الكاظمي" and "كاظمي" all find
// Mustafa al-Kadhimi).
class EntityListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { EntityIdRole = Qt::UserRole + 1, CountRole, KindRole, NameArRole };

    explicit EntityListModel(QObject* parent = nullptr);

    // The kinds listed (default: people and organisations).
    void setKinds(const QList<names::EntityKind>& kinds);
    void setGazetteer(const names::Gazetteer& gazetteer);
    void setCounts(const QHash<QString, qint64>& counts);
    void setFilterText(const QString& text);
    const QString& filterText() const { return m_filterText; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    QString entityId(int row) const;

private:
    struct Item {
        QString id;
        names::EntityKind kind = names::EntityKind::Person;
        QString name;
        QString nameAr;
        QString description;
        QStringList searchForms; // every name, folded
    };
    void rebuild();

    QList<names::EntityKind> m_kinds{names::EntityKind::Person, names::EntityKind::Organization};
    QList<Item> m_all;
    QList<const Item*> m_rows;
    QHash<QString, qint64> m_counts;
    QString m_filterText;
};

} // namespace mirsad::models
