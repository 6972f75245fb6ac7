#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <memory>
#include <vector>

namespace mirsad::names {
class Gazetteer;
}

namespace mirsad::models {

// The sidebar's place hierarchy from the gazetteer, with how many articles mention each region
// or any place within it. A place inside two regions (Kirkuk: its governorate and the disputed
// territories) appears under both. Column 0 is the name, column 1 the count.
class RegionTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { EntityIdRole = Qt::UserRole + 1, CountRole, NameArRole };
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit RegionTreeModel(QObject* parent = nullptr);
    ~RegionTreeModel() override;

    // Rebuilds the tree from the gazetteer's places (counts are kept).
    void setGazetteer(const names::Gazetteer& gazetteer);
    // Updates the counts in place (regions missing from `counts` have none).
    void setCounts(const QHash<QString, qint64>& counts);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The first index showing this region, if any.
    QModelIndex indexOf(const QString& entityId) const;

private:
    struct Node {
        QString id;
        QString name;
        QString nameAr;
        QString description;
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    Node* nodeOf(const QModelIndex& index) const;
    void emitCountsChanged(const Node& node);

    Node m_root;
    QHash<QString, qint64> m_counts;
};

} // namespace mirsad::models
