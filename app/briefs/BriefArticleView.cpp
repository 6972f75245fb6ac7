#include "briefs/BriefArticleView.h"

#include "briefs/BriefArticleModel.h"
#include "models/ArticleListModel.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <algorithm>

using mirsad::models::ArticleListModel;

BriefArticleView::BriefArticleView(QWidget* parent)
    : QListView(parent) {
    setObjectName(QStringLiteral("briefArticles"));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setWordWrap(true);
    setUniformItemSizes(false);
    setAlternatingRowColors(true);
    setTextElideMode(Qt::ElideRight);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit articleActivated(index.data(BriefArticleModel::ArticleIdRole).toLongLong());
    });
}

void BriefArticleView::moveSelected(int delta) {
    const QModelIndex current = currentIndex();
    if (!current.isValid() || !model())
        return;
    const int row = current.row();
    const int target = row + delta;
    if (target < 0 || target >= model()->rowCount())
        return;
    // moveRow's destination is the row the moved one goes before.
    if (model()->moveRow({}, row, {}, delta > 0 ? target + 1 : target)) {
        const QModelIndex moved = model()->index(target, 0);
        setCurrentIndex(moved);
        scrollTo(moved);
    }
}

void BriefArticleView::removeSelected() {
    if (!model())
        return;
    QList<int> rows;
    for (const QModelIndex& index : selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && currentIndex().isValid())
        rows << currentIndex().row();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    const int first = rows.last();
    for (const int row : rows)
        model()->removeRow(row);
    // The article after the removed ones is selected next, so that Delete can go on.
    if (const int count = model()->rowCount(); count > 0)
        setCurrentIndex(model()->index(std::min(first, count - 1), 0));
}

void BriefArticleView::keyPressEvent(QKeyEvent* event) {
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool moveModifier = modifiers == Qt::AltModifier || modifiers == Qt::ControlModifier;
    if (moveModifier && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        moveSelected(event->key() == Qt::Key_Up ? -1 : 1);
        event->accept();
        return;
    }
    if (modifiers == Qt::NoModifier &&
        (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        removeSelected();
        event->accept();
        return;
    }
    if (modifiers == Qt::NoModifier && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        if (currentIndex().isValid())
            emit articleActivated(currentIndex().data(BriefArticleModel::ArticleIdRole).toLongLong());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void BriefArticleView::startDrag(Qt::DropActions) {
    // The drop (into this list) moves the rows itself: nothing is removed after the drag.
    const QModelIndexList indexes = selectionModel()->selectedRows();
    if (indexes.isEmpty() || !model())
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(model()->mimeData(indexes));
    drag->exec(Qt::MoveAction | Qt::CopyAction, Qt::MoveAction);
}

void BriefArticleView::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasFormat(ArticleListModel::articleIdsMimeType())) {
        event->ignore();
        return;
    }
    QListView::dragEnterEvent(event);
    event->acceptProposedAction();
}

void BriefArticleView::dragMoveEvent(QDragMoveEvent* event) {
    if (!event->mimeData()->hasFormat(ArticleListModel::articleIdsMimeType())) {
        event->ignore();
        return;
    }
    QListView::dragMoveEvent(event); // the drop indicator
    event->setDropAction(event->source() == this ? Qt::MoveAction : Qt::CopyAction);
    event->accept();
}

void BriefArticleView::dropEvent(QDropEvent* event) {
    const QMimeData* dropped = event->mimeData();
    if (!model() || !dropped->hasFormat(ArticleListModel::articleIdsMimeType())) {
        event->ignore();
        return;
    }
    const int row = dropRow(event->position().toPoint());
    const bool inside = event->source() == this;
    const QList<qint64> ids = ArticleListModel::articleIds(dropped);
    if (model()->dropMimeData(dropped, inside ? Qt::MoveAction : Qt::CopyAction, row, 0, {})) {
        event->setDropAction(inside ? Qt::MoveAction : Qt::CopyAction);
        event->accept();
        // The dropped articles stay selected.
        auto* briefModel = qobject_cast<BriefArticleModel*>(model());
        if (briefModel && !ids.isEmpty()) {
            clearSelection();
            for (const qint64 id : ids)
                if (const int at = briefModel->rowOfArticle(id); at >= 0)
                    selectionModel()->select(model()->index(at, 0), QItemSelectionModel::Select);
            if (const int first = briefModel->rowOfArticle(ids.first()); first >= 0)
                selectionModel()->setCurrentIndex(model()->index(first, 0), QItemSelectionModel::NoUpdate);
        }
    } else {
        event->ignore();
    }
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
}

int BriefArticleView::dropRow(const QPoint& position) const {
    const QModelIndex index = indexAt(position);
    if (!index.isValid())
        return model()->rowCount();
    const QRect rect = visualRect(index);
    return position.y() < rect.center().y() ? index.row() : index.row() + 1;
}
