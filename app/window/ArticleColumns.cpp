#include "window/ArticleColumns.h"

#include "models/ArticleListModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QTableView>

using mirsad::models::ArticleListModel;

ArticleColumns::ArticleColumns(QTableView* view)
    : QObject(view)
    , m_view(view) {
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ArticleListModel::StarColumn, QHeaderView::Fixed);
    view->viewport()->installEventFilter(this);
    update();
}

bool ArticleColumns::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize)
        update();
    return QObject::eventFilter(watched, event);
}

void ArticleColumns::update() {
    QHeaderView* header = m_view->horizontalHeader();
    const QFontMetrics metrics(m_view->font());
    const QFontMetrics headerMetrics(header->font());
    const int padding = 2 * metrics.averageCharWidth() + 8;
    const auto fit = [&](const QString& text, const QString& heading) {
        return std::max(metrics.horizontalAdvance(text), headerMetrics.horizontalAdvance(heading)) + padding;
    };
    // A late date and time in the locale's short format, as the list shows dates.
    const int date =
        fit(QLocale().toString(QDateTime(QDate(2028, 12, 28), QTime(23, 58)), QLocale::ShortFormat),
            m_view->model()->headerData(ArticleListModel::DateColumn, Qt::Horizontal).toString());
    const int notes =
        fit(QStringLiteral("99"),
            m_view->model()->headerData(ArticleListModel::NotesColumn, Qt::Horizontal).toString());
    const int star = metrics.height() + 12;
    const int rest = std::max(0, m_view->viewport()->width() - star - notes - date);
    // Shares of what is left; the title, stretching, takes the remaining two thirds or more.
    const int source =
        std::clamp(rest * 14 / 100, metrics.averageCharWidth() * 8, metrics.averageCharWidth() * 18);
    const int names =
        std::clamp(rest * 20 / 100, metrics.averageCharWidth() * 6, metrics.averageCharWidth() * 30);
    header->resizeSection(ArticleListModel::StarColumn, star);
    header->resizeSection(ArticleListModel::SourceColumn, source);
    header->resizeSection(ArticleListModel::DateColumn, date);
    header->resizeSection(ArticleListModel::NamesColumn, names);
    header->resizeSection(ArticleListModel::NotesColumn, notes);
}
