#pragma once

#include "briefs/BriefStore.h"

#include <QAbstractListModel>

// The articles of the brief being composed, in the analyst's order. Rows are dragged and
// dropped as article ids (ArticleListModel::articleIdsMimeType), so that a drop from the article
// list adds articles and a drag inside the list moves them.
class BriefArticleModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int ArticleIdRole = Qt::UserRole + 1;

    explicit BriefArticleModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    // Puts the articles the data carries before `row` (at the end when row < 0); those already in
    // the brief move there, the others are added. A drop on an article puts them before it.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    // Shows these articles (a brief just opened).
    void setEntries(const QList<mirsad::briefs::BriefEntry>& entries);
    const QList<mirsad::briefs::BriefEntry>& entries() const { return m_entries; }
    QList<qint64> articleIds() const;
    int rowOfArticle(qint64 id) const;
    // Puts `ids` before `row` (see dropMimeData); returns the ids that were not in the brief yet.
    // Their titles are filled in later (setEntryDetails).
    QList<qint64> placeArticles(const QList<qint64>& ids, int row);
    // The titles, sources and dates of articles added by id only.
    void setEntryDetails(const QList<mirsad::briefs::BriefEntry>& entries);

signals:
    // The articles or their order changed (by the analyst): the brief needs saving.
    void articlesEdited();
    // Articles the model knows by id only: their details are wanted.
    void detailsWanted(const QList<qint64>& ids);

private:
    QList<mirsad::briefs::BriefEntry> m_entries;
};
