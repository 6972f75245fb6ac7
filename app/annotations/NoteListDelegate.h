#pragma once

#include <QStyledItemDelegate>

// Paints the rows of the notes list, a note's tags as small chips under its text; a click on a
// chip reports the tag (the pane then shows only the notes with that tag).
class NoteListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int TagsRole = Qt::UserRole + 10; // QStringList, on note rows

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Where each tag's chip is drawn in a row's rectangle of `view` (from the leading edge, on
    // one line; chips that do not fit are left out).
    static QList<QRect> chipRects(const QRect& row, const QStringList& tags, const QFont& font,
                                  Qt::LayoutDirection direction, const QWidget* view);

signals:
    void tagClicked(const QString& tag);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
};
