#include "annotations/NoteListDelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int chipPadding = 6; // left and right of a tag's text
constexpr int chipSpacing = 4;

QFont chipFont(QFont font) {
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qMax(8, font.pixelSize() * 85 / 100));
    return font;
}

// Metrics for the view the chips are drawn on (its resolution, not the default one).
QFontMetrics chipMetrics(const QFont& font, const QWidget* view) {
    return view ? QFontMetrics(chipFont(font), view) : QFontMetrics(chipFont(font));
}

int chipHeight(const QFont& font, const QWidget* view) {
    return chipMetrics(font, view).height() + 4;
}

QString chipText(const QString& tag) {
    return u'#' + tag;
}

} // namespace

QList<QRect> NoteListDelegate::chipRects(const QRect& row, const QStringList& tags, const QFont& font,
                                         Qt::LayoutDirection direction, const QWidget* view) {
    QList<QRect> rects;
    const QFontMetrics metrics = chipMetrics(font, view);
    const int height = chipHeight(font, view);
    const QRect line(row.left() + 4, row.bottom() - height - 2, row.width() - 8, height);
    int x = line.left();
    for (const QString& tag : tags) {
        const int width = metrics.horizontalAdvance(chipText(tag)) + 2 * chipPadding;
        if (x + width > line.right() + 1 && !rects.isEmpty())
            break;
        // Laid out left to right, then mirrored in a right-to-left interface.
        rects << QStyle::visualRect(direction, line, QRect(x, line.top(), qMin(width, line.width()), height));
        x += width + chipSpacing;
    }
    return rects;
}

void NoteListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const QStringList tags = index.data(TagsRole).toStringList();
    if (tags.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The row's background over its whole height, its text above the chips.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    QStyleOptionViewItem text = opt;
    text.rect.setBottom(opt.rect.bottom() - chipHeight(opt.font, widget) - 2);
    style->drawControl(QStyle::CE_ItemViewItem, &text, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette& palette = opt.palette;
    const QColor ink = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor base = palette.color(selected ? QPalette::Highlight : QPalette::Base);
    // A chip: the text colour at 15% over the row's background, with a thin outline.
    const QColor fill((ink.red() * 15 + base.red() * 85) / 100, (ink.green() * 15 + base.green() * 85) / 100,
                      (ink.blue() * 15 + base.blue() * 85) / 100);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = chipMetrics(opt.font, widget);
    painter->setFont(chipFont(opt.font));
    const QList<QRect> rects = chipRects(opt.rect, tags, opt.font, opt.direction, widget);
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QRectF rect = QRectF(rects[i]).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath path;
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2);
        painter->fillPath(path, fill);
        painter->setPen(QColor(ink.red(), ink.green(), ink.blue(), 90));
        painter->drawPath(path);
        painter->setPen(ink);
        const QString label =
            metrics.elidedText(chipText(tags[i]), Qt::ElideRight, rects[i].width() - 2 * chipPadding + 1);
        // In its own direction: "#security" in the Arabic UI too, not "security#".
        painter->drawText(rects[i], Qt::AlignCenter, QChar(0x2068) + label + QChar(0x2069));
    }
    painter->restore();
}

QSize NoteListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(TagsRole).toStringList().isEmpty())
        size.rheight() += chipHeight(option.font, option.widget) + 4;
    return size;
}

bool NoteListDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                   const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QStringList tags = index.data(TagsRole).toStringList();
        if (mouse->button() == Qt::LeftButton && !tags.isEmpty()) {
            const QList<QRect> rects =
                chipRects(option.rect, tags, option.font, option.direction, option.widget);
            for (qsizetype i = 0; i < rects.size(); ++i) {
                if (rects[i].contains(mouse->position().toPoint())) {
                    emit tagClicked(tags[i]);
                    return true;
                }
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}
