#include "window/PaneLayout.h"

#include "window/AppSettings.h"

#include <QVBoxLayout>

PaneLayout::PaneLayout(const Panes& panes, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_feedSplitter(new QSplitter(Qt::Vertical))
    , m_centreSplitter(new QSplitter(Qt::Vertical))
    , m_readerSplitter(new QSplitter(Qt::Horizontal))
    , m_notesSplitter(new QSplitter(Qt::Vertical)) {
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
    m_notesSplitter->setStretchFactor(0, 3);
    m_notesSplitter->setStretchFactor(1, 1);
    m_notesSplitter->setSizes({420, 200});

    // Only the reader has a stretch factor: it takes the width the window gains or loses, and
    // the notes column keeps its own.
    m_readerSplitter->setObjectName(QStringLiteral("readerSplitter"));
    m_readerSplitter->addWidget(panes.reader);
    m_readerSplitter->addWidget(m_notesSplitter);
    m_readerSplitter->setStretchFactor(0, 3);
    m_readerSplitter->setSizes({700, 280});

    // The filter bar sits on top of the article list it filters.
    auto* listArea = new QWidget;
    auto* listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(panes.filterBar);
    listLayout->addWidget(panes.articleList);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->addWidget(listArea);
    m_centreSplitter->addWidget(m_readerSplitter);
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 3);
    m_centreSplitter->setSizes({220, 600});

    addWidget(m_feedSplitter);
    addWidget(m_centreSplitter);
    setStretchFactor(0, 0);
    setStretchFactor(1, 1);
    setSizes({220, 1000});
}

void PaneLayout::restoreSplitters() {
    if (const QByteArray state = AppSettings::mainSplitterState(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray state = AppSettings::readerSplitterState(); !state.isEmpty())
        m_readerSplitter->restoreState(state);
    if (const QByteArray state = AppSettings::notesSplitterState(); !state.isEmpty())
        m_notesSplitter->restoreState(state);
}

void PaneLayout::saveSplitters() const {
    AppSettings::setMainSplitterState(saveState());
    AppSettings::setReaderSplitterState(m_readerSplitter->saveState());
    AppSettings::setNotesSplitterState(m_notesSplitter->saveState());
}
