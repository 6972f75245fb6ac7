#pragma once

#include "filters/FilterChips.h"
#include "storage/ArticleFilter.h"

#include <QWidget>
#include <memory>

class DateField;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace mirsad::names {
class Gazetteer;
}

// Above the article list: a chip per active condition (a click removes it), a full-text search
// box (applied after a short pause in typing, at once on Enter; its "?" button and F1 show the
// query language), a date range and unread / starred / has-notes toggles. Every change emits
// filterChanged with the whole new filter. A malformed query is not applied: the box turns red
// and the parser's sentence says what is wrong, until it is fixed. The "to" day is inclusive:
// the filter's exclusive end is the midnight after it.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);
    ~FilterBar() override;

    // Shows `filter` without emitting filterChanged.
    void setFilter(const mirsad::ArticleFilter& filter);
    const mirsad::ArticleFilter& filter() const { return m_filter; }

    // For the chips' labels: entity names, and feed and folder titles.
    void setGazetteer(std::shared_ptr<const mirsad::names::Gazetteer> gazetteer);
    void setFilterNames(const mirsad::filters::FilterNames& names);

    // How long typing must pause before the search applies.
    void setSearchDelay(int milliseconds);

    QLineEdit* searchBox() const { return m_search; }
    QToolButton* searchHelpButton() const { return m_searchHelp; }
    // What is wrong with the query in the box (empty when nothing is); shown under it.
    const QString& searchError() const { return m_searchErrorText; }
    QLabel* searchErrorLabel() const { return m_searchError; }
    // Opens the query language's help under the search box.
    void showSearchHelp();
    DateField* sinceField() const { return m_since; }
    DateField* untilField() const { return m_until; }
    QToolButton* clearAllButton() const { return m_clear; }
    QList<QToolButton*> chipButtons() const { return m_chips; }

signals:
    void filterChanged(const mirsad::ArticleFilter& filter);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void apply(const mirsad::ArticleFilter& filter);
    void showFilter();
    void rebuildChips();
    void applyControls();
    // Checks the query in the box; shows or clears its error. False when it is malformed.
    bool checkSearch();
    void showSearchError(const QString& error);

    mirsad::ArticleFilter m_filter;
    std::shared_ptr<const mirsad::names::Gazetteer> m_gazetteer;
    mirsad::filters::FilterNames m_names;
    QHBoxLayout* m_chipRow = nullptr;
    QList<QToolButton*> m_chips;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchTimer = nullptr;
    QToolButton* m_searchHelp = nullptr;
    QLabel* m_searchError = nullptr;
    QString m_searchErrorText;
    QString m_shownText; // the filter's text last put in the box: the box keeps what the user typed
    DateField* m_since = nullptr;
    DateField* m_until = nullptr;
    QToolButton* m_unread = nullptr;
    QToolButton* m_starred = nullptr;
    QToolButton* m_withNotes = nullptr;
    QToolButton* m_clear = nullptr;
    bool m_updating = false;
};
