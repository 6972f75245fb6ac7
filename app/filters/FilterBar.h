#pragma once

#include "filters/FilterChips.h"
#include "storage/ArticleFilter.h"

#include <QWidget>
#include <memory>

class DateField;
class QHBoxLayout;
class QLineEdit;
class QTimer;
class QToolButton;

namespace mirsad::names {
class Gazetteer;
}

// Above the article list: a chip per active condition (a click removes it), a full-text search
// box (applied after a short pause in typing), a date range and unread / starred / has-notes
// toggles. Every change emits filterChanged with the whole new filter. The "to" day is inclusive:
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
    DateField* sinceField() const { return m_since; }
    DateField* untilField() const { return m_until; }
    QToolButton* clearAllButton() const { return m_clear; }
    QList<QToolButton*> chipButtons() const { return m_chips; }

signals:
    void filterChanged(const mirsad::ArticleFilter& filter);

private:
    void apply(const mirsad::ArticleFilter& filter);
    void showFilter();
    void rebuildChips();
    void applyControls();

    mirsad::ArticleFilter m_filter;
    std::shared_ptr<const mirsad::names::Gazetteer> m_gazetteer;
    mirsad::filters::FilterNames m_names;
    QHBoxLayout* m_chipRow = nullptr;
    QList<QToolButton*> m_chips;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchTimer = nullptr;
    DateField* m_since = nullptr;
    DateField* m_until = nullptr;
    QToolButton* m_unread = nullptr;
    QToolButton* m_starred = nullptr;
    QToolButton* m_withNotes = nullptr;
    QToolButton* m_clear = nullptr;
    bool m_updating = false;
};
