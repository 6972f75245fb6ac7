#include "reader/FindBar.h"

#include "reader/ReaderView.h"
#include "text/TextFind.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace mirsad;

FindBar::FindBar(ReaderView* reader)
    : QWidget(reader)
    , m_reader(reader)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this)) {
    setObjectName(QStringLiteral("findBar"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find in article"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(888).arg(888)));
    m_previous->setIcon(QIcon::fromTheme(QStringLiteral("go-up")));
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setIcon(QIcon::fromTheme(QStringLiteral("go-down")));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (F3)"));
    auto* closeButton = new QToolButton(this);
    closeButton->setIcon(QIcon::fromTheme(QStringLiteral("window-close")));
    closeButton->setText(tr("Close"));
    closeButton->setToolTip(tr("Close the find bar (Esc)"));
    for (QToolButton* button : {m_previous, m_next, closeButton})
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(closeButton);

    connect(m_field, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(reader, &ReaderView::articleShown, this, [this] {
        if (isVisible())
            search();
    });
    reader->installEventFilter(this);
    hide();
}

void FindBar::open() {
    show();
    place();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    search();
}

void FindBar::close() {
    hide();
    m_reader->setViewportBottomMargin(0);
    m_matches.clear();
    m_current = -1;
    m_reader->setFindMatches({});
    m_reader->setFocus(Qt::ShortcutFocusReason);
}

QString FindBar::statusText() const {
    if (m_field->text().trimmed().isEmpty())
        return {};
    if (m_matches.isEmpty())
        return tr("Not found");
    return tr("%1 of %2").arg(m_current + 1).arg(m_matches.size());
}

void FindBar::search() {
    m_matches = text::findFolded(m_reader->article().text, m_field->text());
    m_current = -1;
    // Not found: the field says so in the palette's own warning colours, as Kate's does.
    QPalette palette = m_field->parentWidget()->palette();
    if (!m_matches.isEmpty() || m_field->text().trimmed().isEmpty()) {
        m_field->setPalette(palette);
    } else {
        palette.setColor(QPalette::Base, palette.color(QPalette::Base).lightness() < 128
                                             ? QColor(0x5c, 0x1e, 0x1e)
                                             : QColor(0xff, 0xe0, 0xe0));
        m_field->setPalette(palette);
    }
    m_previous->setEnabled(m_matches.size() > 1);
    m_next->setEnabled(m_matches.size() > 1);
    showMatch(m_matches.isEmpty() ? -1 : 0);
}

void FindBar::findNext() {
    if (!isVisible())
        return open();
    if (!m_matches.isEmpty())
        showMatch((m_current + 1) % int(m_matches.size()));
}

void FindBar::findPrevious() {
    if (!isVisible())
        return open();
    if (!m_matches.isEmpty())
        showMatch((m_current + int(m_matches.size()) - 1) % int(m_matches.size()));
}

void FindBar::showMatch(int index) {
    m_current = index;
    m_status->setText(statusText());
    m_reader->setFindMatches(m_matches);
    if (index >= 0) {
        const text::Span& match = m_matches.at(index);
        m_reader->selectText(match.start, match.end);
        m_reader->ensureCursorVisible();
    }
}

void FindBar::place() {
    const int height = sizeHint().height();
    const QRect area = m_reader->rect();
    setGeometry(area.left(), area.bottom() + 1 - height, area.width(), height);
    m_reader->setViewportBottomMargin(height);
    raise();
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_reader && event->type() == QEvent::Resize && isVisible()) {
        place();
    } else if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
