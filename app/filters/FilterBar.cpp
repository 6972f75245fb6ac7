#include "filters/FilterBar.h"

#include "filters/DateField.h"
#include "filters/SearchHelp.h"
#include "names/Gazetteer.h"
#include "search/QueryParser.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace mirsad;

namespace {

QToolButton* toggle(const QString& text, const QString& toolTip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto* controls = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search titles and text…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setToolTip(SearchHelp::summary());
    m_search->installEventFilter(this);
    controls->addWidget(m_search, 1);
    m_searchHelp = new QToolButton(this);
    m_searchHelp->setObjectName(QStringLiteral("searchHelpButton"));
    m_searchHelp->setText(QStringLiteral("?"));
    m_searchHelp->setToolTip(tr("How to search: words, \"phrases\", OR, -word, prefix* (F1)"));
    m_searchHelp->setAutoRaise(true);
    m_searchHelp->setFocusPolicy(Qt::NoFocus);
    controls->addWidget(m_searchHelp);
    m_since = new DateField(tr("from any date"), this);
    m_until = new DateField(tr("to any date"), this);
    m_since->setObjectName(QStringLiteral("filterSince"));
    m_until->setObjectName(QStringLiteral("filterUntil"));
    m_since->setToolTip(tr("Published on or after this day"));
    m_until->setToolTip(tr("Published on or before this day (that day included)"));
    controls->addWidget(m_since);
    controls->addWidget(new QLabel(QStringLiteral("–"), this));
    controls->addWidget(m_until);
    m_unread = toggle(tr("Unread"), tr("Only unread articles"), this);
    m_starred = toggle(tr("★ Starred"), tr("Only starred articles"), this);
    m_withNotes = toggle(tr("Has notes"), tr("Only articles with notes"), this);
    m_unread->setObjectName(QStringLiteral("filterUnread"));
    m_starred->setObjectName(QStringLiteral("filterStarred"));
    m_withNotes->setObjectName(QStringLiteral("filterWithNotes"));
    controls->addWidget(m_unread);
    controls->addWidget(m_starred);
    controls->addWidget(m_withNotes);
    layout->addLayout(controls);

    m_searchError = new QLabel(this);
    m_searchError->setObjectName(QStringLiteral("searchError"));
    m_searchError->setWordWrap(true);
    m_searchError->setTextFormat(Qt::PlainText);
    m_searchError->hide();
    layout->addWidget(m_searchError);

    m_chipRow = new QHBoxLayout;
    m_chipRow->setSpacing(4);
    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear all"));
    m_clear->setAutoRaise(true);
    m_chipRow->addStretch(1);
    m_chipRow->addWidget(m_clear);
    layout->addLayout(m_chipRow);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyControls();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !m_updating) // the clear button
            applyControls();
        else if (!m_searchErrorText.isEmpty() && search::parseQuery(text).ok())
            showSearchError({}); // fixed: the error goes at once, the search follows the pause
    });
    connect(m_searchHelp, &QToolButton::clicked, this, &FilterBar::showSearchHelp);
    connect(m_searchTimer, &QTimer::timeout, this, &FilterBar::applyControls);
    for (DateField* field : {m_since, m_until})
        connect(field, &DateField::dateChanged, this, &FilterBar::applyControls);
    for (QToolButton* button : {m_unread, m_starred, m_withNotes})
        connect(button, &QToolButton::toggled, this, &FilterBar::applyControls);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_searchTimer->stop();
        if (!m_search->text().isEmpty()) { // a malformed query, never applied, goes too
            m_updating = true;
            m_search->clear();
            m_updating = false;
            showSearchError({});
        }
        apply(ArticleFilter{});
    });
    showFilter();
}

FilterBar::~FilterBar() = default;

void FilterBar::setFilter(const ArticleFilter& filter) {
    m_filter = filter;
    showFilter();
}

void FilterBar::setGazetteer(std::shared_ptr<const names::Gazetteer> gazetteer) {
    m_gazetteer = std::move(gazetteer);
    rebuildChips();
}

void FilterBar::setFilterNames(const filters::FilterNames& names) {
    m_names = names;
    rebuildChips();
}

void FilterBar::setSearchDelay(int milliseconds) {
    m_searchTimer->setInterval(milliseconds);
}

void FilterBar::apply(const ArticleFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    showFilter();
    emit filterChanged(m_filter);
}

void FilterBar::showSearchHelp() {
    auto* help = new SearchHelp(this);
    help->showBelow(m_search);
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event) {
    // F1 in the box: its help (also the Help menu's, where the window has one).
    if (watched == m_search && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::HelpContents)) {
        event->accept();
        return true;
    }
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::HelpContents)) {
        showSearchHelp();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showSearchError(m_searchErrorText); // the error's colours follow the theme
}

bool FilterBar::checkSearch() {
    const Result<search::ParsedQuery> parsed = search::parseQuery(m_search->text());
    showSearchError(parsed ? QString() : parsed.error());
    return parsed.ok();
}

void FilterBar::showSearchError(const QString& error) {
    m_searchErrorText = error;
    m_searchError->setText(error);
    m_searchError->setVisible(!error.isEmpty());
    // The box says it in the palette's warning colours, as the reader's find bar does; without an
    // error it takes the theme's colours again (no palette of its own).
    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
    if (error.isEmpty()) {
        m_search->setPalette(QPalette());
        return m_search->setAccessibleDescription({});
    }
    QPalette box = palette;
    box.setColor(QPalette::Base, dark ? QColor(0x5c, 0x1e, 0x1e) : QColor(0xff, 0xe0, 0xe0));
    m_search->setPalette(box);
    QPalette label = palette;
    label.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x1b, 0x1b));
    m_searchError->setPalette(label);
    m_search->setAccessibleDescription(error);
}

// The controls' state into the filter (the chips' conditions stay).
void FilterBar::applyControls() {
    if (m_updating)
        return;
    ArticleFilter filter = m_filter;
    // A malformed query stays in the box with its error; the list keeps the last search.
    if (checkSearch())
        filter.text = m_search->text().trimmed();
    // Days are the user's days, from midnight local time; the "to" day is included, and the
    // filter's end (exclusive) is the midnight after it.
    filter.since = m_since->date().isValid() ? QDateTime(m_since->date(), QTime(0, 0)).toUTC() : QDateTime();
    filter.until =
        m_until->date().isValid() ? QDateTime(m_until->date().addDays(1), QTime(0, 0)).toUTC() : QDateTime();
    filter.unreadOnly = m_unread->isChecked();
    filter.starredOnly = m_starred->isChecked();
    filter.withNotesOnly = m_withNotes->isChecked();
    m_shownText = filter.text;
    apply(filter);
}

void FilterBar::showFilter() {
    m_updating = true;
    // Only a text from elsewhere (a watchlist, Clear all) replaces what the user typed: a
    // malformed query, not applied, stays in the box while the other filters change.
    if (m_filter.text != m_shownText) {
        m_shownText = m_filter.text;
        if (m_search->text().trimmed() != m_filter.text.trimmed())
            m_search->setText(m_filter.text);
        m_searchTimer->stop();
        checkSearch();
    }
    m_since->setDate(m_filter.since.isValid() ? m_filter.since.toLocalTime().date() : QDate());
    m_until->setDate(m_filter.until.isValid() ? m_filter.until.toLocalTime().addSecs(-1).date() : QDate());
    m_unread->setChecked(m_filter.unreadOnly);
    m_starred->setChecked(m_filter.starredOnly);
    m_withNotes->setChecked(m_filter.withNotesOnly);
    m_updating = false;
    rebuildChips();
}

void FilterBar::rebuildChips() {
    // Later: this may run inside the clicked chip's own signal.
    for (QToolButton* chip : std::as_const(m_chips)) {
        m_chipRow->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_chips.clear();
    static const names::Gazetteer empty;
    const QList<filters::FilterChip> chips =
        filters::describeFilter(m_filter, m_gazetteer ? *m_gazetteer : empty, m_names);
    int position = 0;
    for (const filters::FilterChip& chip : chips) {
        auto* button = new QToolButton(this);
        button->setText(chip.label + QStringLiteral("  ✕"));
        button->setToolTip(chip.toolTip.isEmpty() ? tr("Remove this filter") : chip.toolTip);
        button->setObjectName(QStringLiteral("filterChip"));
        button->setStyleSheet(QStringLiteral("QToolButton#filterChip { border: 1px solid palette(mid); "
                                             "border-radius: 10px; padding: 2px 8px; background: "
                                             "palette(alternate-base); }"));
        const ArticleFilter without = chip.without;
        connect(button, &QToolButton::clicked, this, [this, without] { apply(without); });
        m_chipRow->insertWidget(position++, button);
        m_chips << button;
    }
    m_clear->setVisible(!chips.isEmpty());
}
