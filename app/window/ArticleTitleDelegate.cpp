#include "window/ArticleTitleDelegate.h"

#include "models/ArticleListModel.h"
#include "search/SearchMatches.h"
#include "text/TextDirection.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>
#include <QTextLayout>

using namespace mirsad;

namespace {

constexpr int kPadding = 4; // above and below the text of a row

struct Marked {
    QString text;
    QList<text::Span> marks;
};

QList<QTextLayout::FormatRange> formatsOf(const Marked& marked, const QColor& markColor) {
    QList<QTextLayout::FormatRange> formats;
    for (const text::Span& mark : marked.marks) {
        QTextLayout::FormatRange range;
        range.start = int(mark.start);
        range.length = int(mark.end - mark.start);
        range.format.setFontWeight(QFont::Bold);
        range.format.setForeground(markColor);
        formats << range;
    }
    return formats;
}

// The width of a passage on one line, its marks in bold.
qreal naturalWidth(const Marked& marked, const QFont& font) {
    QTextLayout layout(marked.text, font);
    layout.setFormats(formatsOf(marked, Qt::black));
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    return line.naturalTextWidth();
}

// The first `length` characters and an ellipsis, the marks cut to them.
Marked leftPart(const Marked& marked, qsizetype length) {
    QString head = marked.text.left(length);
    while (!head.isEmpty() && head.back().isSpace())
        head.chop(1);
    Marked part{head + QStringLiteral("…"), {}};
    for (const text::Span& mark : marked.marks) {
        if (mark.start < length)
            part.marks << text::Span{mark.start, qMin(mark.end, length)};
    }
    return part;
}

// The passage made to fit `width`: its beginning cut (at a space) when the first match would be
// out of sight, its end elided (at a space) when it is too long.
Marked fitted(Marked marked, const QFont& font, qreal width) {
    if (!marked.marks.isEmpty()) {
        const qsizetype first = marked.marks.first().start;
        qsizetype from = 0;
        // Keep about a quarter of the row before the first match.
        while (from < first && naturalWidth({marked.text.mid(from, first - from), {}}, font) > width / 4) {
            const qsizetype space = marked.text.indexOf(u' ', from + 1);
            if (space < 0 || space >= first)
                break;
            from = space;
        }
        if (from > 0) {
            qsizetype start = from;
            while (start < marked.text.size() && marked.text.at(start).isSpace())
                ++start;
            Marked cut{QStringLiteral("…") + marked.text.mid(start), {}};
            for (const text::Span& mark : std::as_const(marked.marks))
                cut.marks << text::Span{mark.start - start + 1, mark.end - start + 1};
            marked = cut;
        }
    }
    if (naturalWidth(marked, font) <= width)
        return marked;
    // The longest beginning, ended at a space, that fits with its ellipsis.
    qsizetype low = 0;
    qsizetype high = marked.text.size();
    while (low < high) {
        const qsizetype middle = (low + high + 1) / 2;
        if (naturalWidth(leftPart(marked, middle), font) <= width)
            low = middle;
        else
            high = middle - 1;
    }
    if (const qsizetype space = marked.text.lastIndexOf(u' ', low); space > 0)
        low = space;
    return leftPart(marked, low);
}

} // namespace

ArticleTitleDelegate::ArticleTitleDelegate(QTableView* view, models::ArticleListModel* model)
    : BidiItemDelegate(view)
    , m_view(view)
    , m_model(model) {
    view->setItemDelegateForColumn(models::ArticleListModel::TitleColumn, this);
    connect(model, &QAbstractItemModel::modelReset, this, &ArticleTitleDelegate::updateRowHeight);
}

int ArticleTitleDelegate::singleLineHeight(const QWidget* view) {
    return view->fontMetrics().height() + 2 * kPadding;
}

int ArticleTitleDelegate::snippetRowHeight(const QWidget* view) {
    return 2 * view->fontMetrics().height() + 2 * kPadding + 2;
}

void ArticleTitleDelegate::updateRowHeight() {
    m_view->verticalHeader()->setDefaultSectionSize(m_model->hasSnippets() ? snippetRowHeight(m_view)
                                                                           : singleLineHeight(m_view));
}

QSize ArticleTitleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = BidiItemDelegate::sizeHint(option, index);
    if (index.data(models::ArticleListModel::SnippetRole).isValid())
        size.setHeight(qMax(size.height(), snippetRowHeight(m_view)));
    return size;
}

void ArticleTitleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    const QVariant value = index.data(models::ArticleListModel::SnippetRole);
    if (!value.isValid())
        return BidiItemDelegate::paint(painter, option, index);
    const auto snippet = value.value<search::Snippet>();

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = opt.rect.adjusted(margin, kPadding, -margin, -kPadding);
    const QFontMetrics metrics(opt.font);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setClipRect(opt.rect);
    // The title, as the list draws it on one line (bold while unread, aligned by its direction).
    painter->setFont(opt.font);
    painter->setPen(textColor);
    const QRect titleRect(area.left(), area.top(), area.width(), metrics.height());
    const Qt::Alignment titleAlign = (opt.displayAlignment & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter;
    painter->drawText(titleRect, int(titleAlign),
                      metrics.elidedText(title, opt.textElideMode, titleRect.width()));

    // The passage under it, dimmer, its matches in bold in the text's own colour.
    QFont font = opt.font;
    font.setBold(false);
    const Marked marked = fitted({snippet.text, snippet.marks}, font, area.width());
    const Qt::LayoutDirection direction = text::paragraphDirection(marked.text);
    QTextLayout layout(marked.text, font);
    QTextOption textOption;
    textOption.setTextDirection(direction);
    textOption.setAlignment(Qt::AlignLeading); // the right edge for an Arabic passage
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.setFormats(formatsOf(marked, textColor));
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(area.width());
    layout.endLayout();
    QColor dim = textColor;
    if (!selected) {
        const QColor base = opt.palette.color(group, QPalette::Base);
        dim = QColor::fromRgbF(0.68f * textColor.redF() + 0.32f * base.redF(),
                               0.68f * textColor.greenF() + 0.32f * base.greenF(),
                               0.68f * textColor.blueF() + 0.32f * base.blueF());
    }
    painter->setPen(dim);
    layout.draw(painter, QPointF(area.left(), titleRect.bottom() + 2));
    painter->restore();
}
