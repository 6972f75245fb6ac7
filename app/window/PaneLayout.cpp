#include "window/PaneLayout.h"

#include "window/AppSettings.h"

#include <QAction>
#include <QVBoxLayout>

namespace {

// Narrower than this the reader splits words and the list cuts every title.
constexpr int readerMinimumWidth = 380;
constexpr int listMinimumWidth = 380;
constexpr int leftColumnWidth = 220;
constexpr int notesColumnWidth = 280;

} // namespace

PaneLayout::PaneLayout(const Panes& panes, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_feedSplitter(new QSplitter(Qt::Vertical))
    , m_centreSplitter(new QSplitter(Qt::Vertical))
    , m_readerSplitter(new QSplitter(Qt::Horizontal))
    , m_notesSplitter(new QSplitter(Qt::Vertical))
    , m_feedPane{this, 0, leftColumnWidth}
    , m_notesPane{m_readerSplitter, 1, notesColumnWidth} {
    setObjectName(QStringLiteral("mainSplitter"));

    // Left: the feeds, then regions, people, organisations and watchlists.
    m_feedSplitter->setObjectName(QStringLiteral("feedSplitter"));
    m_feedSplitter->addWidget(panes.feeds);
    m_feedSplitter->addWidget(panes.sidebar);
    m_feedSplitter->setStretchFactor(0, 1);
    m_feedSplitter->setStretchFactor(1, 2);

    // The notes share the right column with the article's names.
    m_notesSplitter->setObjectName(QStringLiteral("notesSplitter"));
    m_notesSplitter->addWidget(panes.notes);
    m_notesSplitter->addWidget(panes.names);
    // A header and two rows are enough for the names when the window is small (800×500).
    panes.names->setMinimumHeight(panes.names->fontMetrics().lineSpacing() * 3 + 8);
    m_notesSplitter->setStretchFactor(0, 3);
    m_notesSplitter->setStretchFactor(1, 1);
    m_notesSplitter->setSizes({420, 200});

    // The reader and the notes column share what the window gains or loses, in proportion to
    // their widths, down to the reader's minimum; the notes column collapses, the reader does not.
    m_readerSplitter->setObjectName(QStringLiteral("readerSplitter"));
    m_readerSplitter->addWidget(panes.reader);
    m_readerSplitter->addWidget(m_notesSplitter);
    m_readerSplitter->setStretchFactor(0, 3);
    m_readerSplitter->setStretchFactor(1, 1);
    m_readerSplitter->setCollapsible(0, false);
    m_readerSplitter->setSizes({700, notesColumnWidth});
    panes.reader->setMinimumWidth(readerMinimumWidth);
    m_notesSplitter->setMinimumWidth(200);

    // The filter bar sits on top of the article list it filters.
    auto* listArea = new QWidget;
    auto* listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(panes.filterBar);
    listLayout->addWidget(panes.articleList);
    listArea->setMinimumWidth(listMinimumWidth);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(listArea);
    m_centreSplitter->addWidget(m_readerSplitter);
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 3);
    m_centreSplitter->setSizes({220, 600});

    // The left column keeps its width (the sidebar's tabs and the region names need it) while the
    // centre has room, then gives way; it collapses.
    m_feedSplitter->setMinimumWidth(150);
    addWidget(m_feedSplitter);
    addWidget(m_centreSplitter);
    setStretchFactor(0, 0);
    setStretchFactor(1, 1);
    setCollapsible(1, false);
    setSizes({leftColumnWidth, 1000});

    m_feedPaneAction = createToggle(m_feedPane, tr("Show &Feeds and Filters"), QKeySequence(Qt::Key_F9),
                                    QStringLiteral("actionShowFeedPane"));
    m_notesPaneAction = createToggle(m_notesPane, tr("Show &Notes and Names"), QKeySequence(Qt::Key_F11),
                                     QStringLiteral("actionShowNotesPane"));
    connect(this, &QSplitter::splitterMoved, this, &PaneLayout::updateToggles);
    connect(m_readerSplitter, &QSplitter::splitterMoved, this, &PaneLayout::updateToggles);
}

QAction* PaneLayout::createToggle(Toggle& toggle, const QString& text, const QKeySequence& shortcut,
                                  const QString& objectName) {
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setChecked(true);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [this, &toggle](bool shown) { setPaneShown(toggle, shown); });
    return action;
}

// A pane is hidden by collapsing it (its handle stays at the edge, to drag it out again) and
// shown at the width it had.
void PaneLayout::setPaneShown(Toggle& toggle, bool shown) {
    QList<int> sizes = toggle.splitter->sizes();
    const int other = 1 - toggle.index;
    const int total = sizes[0] + sizes[1];
    if (shown && sizes[toggle.index] == 0) {
        const int size = toggle.lastSize > 0 ? toggle.lastSize : toggle.defaultSize;
        sizes[toggle.index] = size;
        sizes[other] = std::max(0, total - size);
    } else if (!shown && sizes[toggle.index] > 0) {
        toggle.lastSize = sizes[toggle.index];
        sizes[toggle.index] = 0;
        sizes[other] = total;
    }
    toggle.splitter->setSizes(sizes);
    updateToggles();
}

void PaneLayout::updateToggles() {
    m_feedPaneAction->setChecked(sizes().value(0) > 0);
    m_notesPaneAction->setChecked(m_readerSplitter->sizes().value(1) > 0);
}

void PaneLayout::restoreSplitters() {
    if (const QByteArray state = AppSettings::mainSplitterState(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray state = AppSettings::readerSplitterState(); !state.isEmpty())
        m_readerSplitter->restoreState(state);
    if (const QByteArray state = AppSettings::notesSplitterState(); !state.isEmpty())
        m_notesSplitter->restoreState(state);
    updateToggles();
}

void PaneLayout::saveSplitters() const {
    AppSettings::setMainSplitterState(saveState());
    AppSettings::setReaderSplitterState(m_readerSplitter->saveState());
    AppSettings::setNotesSplitterState(m_notesSplitter->saveState());
}
