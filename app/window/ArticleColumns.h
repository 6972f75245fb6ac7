#pragma once

#include <QObject>

class QTableView;

// The widths of the article list's columns as the list is resized: the title takes what the
// others leave (it stretches), the date is as wide as a date, and the source and the names get a
// share of the width between a minimum and a maximum, so that in a small window the title keeps
// more than half of the list instead of being squeezed next to full-width columns.
class ArticleColumns : public QObject {
    Q_OBJECT
public:
    explicit ArticleColumns(QTableView* view);

    // Lays the columns out for the view's current width.
    void update();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTableView* m_view;
};
