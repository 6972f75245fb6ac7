#pragma once

#include "reader/BidiItemDelegate.h"

class QTableView;

namespace mirsad::models {
class ArticleListModel;
}

// The article list's title column. With a text search, each row shows under its title the
// passage of the article that matched (ArticleListModel::SnippetRole): in its own direction (an
// Arabic passage reads from the right), the matched words in bold, elided to the row with the
// first match kept in sight. The rows are two lines high only while the list shows such a search.
class ArticleTitleDelegate : public BidiItemDelegate {
    Q_OBJECT
public:
    // Draws `view`'s title column and sets its row height after each reload of `model`.
    ArticleTitleDelegate(QTableView* view, mirsad::models::ArticleListModel* model);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The heights of a row of one line, and of a title with its passage.
    static int singleLineHeight(const QWidget* view);
    static int snippetRowHeight(const QWidget* view);

private:
    void updateRowHeight();

    QTableView* m_view;
    mirsad::models::ArticleListModel* m_model;
};
