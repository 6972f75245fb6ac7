#include "briefs/BriefArticleModel.h"

#include "models/ArticleListModel.h"
#include "text/TextDirection.h"

#include <QLocale>
#include <QMimeData>
#include <algorithm>

using mirsad::briefs::BriefEntry;
using mirsad::models::ArticleListModel;

BriefArticleModel::BriefArticleModel(QObject* parent)
    : QAbstractListModel(parent) {
}

int BriefArticleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant BriefArticleModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const BriefEntry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // "1. Title" over "Source · date", each part in its own direction.
        const QString title = entry.title.isEmpty() ? tr("(article %1)").arg(entry.id) : entry.title;
        QStringList details;
        if (!entry.source.isEmpty())
            details << mirsad::text::isolated(entry.source);
        if (entry.published.isValid())
            details << mirsad::text::isolated(
                QLocale().toString(entry.published.toLocalTime().date(), QLocale::ShortFormat));
        QString text =
            QStringLiteral("%1. %2").arg(QLocale().toString(index.row() + 1), mirsad::text::isolated(title));
        if (!details.isEmpty())
            text += u'\n' + details.join(QStringLiteral(" · "));
        return text;
    }
    case Qt::ToolTipRole:
        return entry.title;
    case ArticleIdRole:
        return entry.id;
    default:
        return {};
    }
}

Qt::ItemFlags BriefArticleModel::flags(const QModelIndex& index) const {
    // Drops go between the rows (or after the last), never onto one.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList BriefArticleModel::mimeTypes() const {
    return {ArticleListModel::articleIdsMimeType()};
}

QMimeData* BriefArticleModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const QModelIndex& index : indexes)
        if (index.isValid() && !rows.contains(index.row()))
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (const int row : rows)
        ids << m_entries.at(row).id;
    return ArticleListModel::articleIdsMimeData(ids);
}

Qt::DropActions BriefArticleModel::supportedDropActions() const {
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions BriefArticleModel::supportedDragActions() const {
    return Qt::MoveAction;
}

bool BriefArticleModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                        const QModelIndex&) const {
    return (action == Qt::CopyAction || action == Qt::MoveAction) && data &&
           data->hasFormat(ArticleListModel::articleIdsMimeType());
}

bool BriefArticleModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                     const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<qint64> ids = ArticleListModel::articleIds(data);
    if (ids.isEmpty())
        return false;
    if (row < 0 && parent.isValid())
        row = parent.row();
    const QList<qint64> added = placeArticles(ids, row);
    if (!added.isEmpty())
        emit detailsWanted(added);
    return true;
}

QList<qint64> BriefArticleModel::placeArticles(const QList<qint64>& ids, int row) {
    if (row < 0 || row > m_entries.size())
        row = int(m_entries.size());
    // The rows before the drop position that move count out of it.
    QList<BriefEntry> placed;
    QList<qint64> added;
    int before = row;
    for (const qint64 id : ids) {
        const int at = rowOfArticle(id);
        if (at >= 0) {
            placed << m_entries.at(at);
            if (at < row)
                --before;
        } else {
            placed << BriefEntry{id, {}, {}, {}};
            added << id;
        }
    }
    beginResetModel();
    m_entries.removeIf([&ids](const BriefEntry& entry) { return ids.contains(entry.id); });
    for (qsizetype i = 0; i < placed.size(); ++i)
        m_entries.insert(before + i, placed.at(i));
    endResetModel();
    emit articlesEdited();
    return added;
}

bool BriefArticleModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                                 const QModelIndex& destinationParent, int destinationChild) {
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > m_entries.size() || destinationChild < 0 || destinationChild > m_entries.size() ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    const QList<BriefEntry> moving = m_entries.mid(sourceRow, count);
    m_entries.remove(sourceRow, count);
    const int to = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_entries.insert(to + i, moving.at(i));
    endMoveRows();
    // The numbers in front of the titles.
    emit dataChanged(index(0), index(int(m_entries.size()) - 1), {Qt::DisplayRole});
    emit articlesEdited();
    return true;
}

bool BriefArticleModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_entries.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_entries.remove(row, count);
    endRemoveRows();
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1), {Qt::DisplayRole});
    emit articlesEdited();
    return true;
}

void BriefArticleModel::setEntries(const QList<BriefEntry>& entries) {
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QList<qint64> BriefArticleModel::articleIds() const {
    QList<qint64> ids;
    ids.reserve(m_entries.size());
    for (const BriefEntry& entry : m_entries)
        ids << entry.id;
    return ids;
}

int BriefArticleModel::rowOfArticle(qint64 id) const {
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).id == id)
            return row;
    return -1;
}

void BriefArticleModel::setEntryDetails(const QList<BriefEntry>& entries) {
    for (const BriefEntry& entry : entries) {
        const int row = rowOfArticle(entry.id);
        if (row < 0)
            continue;
        m_entries[row] = entry;
        emit dataChanged(index(row), index(row));
    }
}
