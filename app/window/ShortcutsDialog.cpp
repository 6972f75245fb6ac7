#include "window/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kIndexRole = Qt::UserRole + 1; // the entry's index; -1 for the list's own keys

QString shown(const QList<QKeySequence>& shortcuts) {
    return QKeySequence::listToString(shortcuts, QKeySequence::NativeText);
}

// A window shortcut must not be a key that types something: a letter, digit or punctuation
// alone or with Shift. Function keys and the like may stand alone.
bool typesText(const QKeySequence& sequence) {
    const QKeyCombination combination = sequence[0];
    const Qt::KeyboardModifiers modifiers = combination.keyboardModifiers() & ~Qt::KeypadModifier;
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const Qt::Key key = combination.key();
    return key < Qt::Key_Escape; // below Escape, Qt key codes are the characters themselves
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow* window)
    : QDialog(window)
    , m_entries(KeyboardShortcuts::entries(window))
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_edit(new QKeySequenceEdit(this))
    , m_none(new QPushButton(tr("&None"), this))
    , m_default(new QPushButton(tr("&Default"), this))
    , m_problem(new QLabel(this))
    , m_reassign(new QPushButton(tr("&Reassign"), this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    for (const KeyboardShortcuts::Entry& entry : std::as_const(m_entries))
        m_pending.append(entry.action->shortcuts());

    m_search->setObjectName(QStringLiteral("shortcutSearch"));
    m_search->setPlaceholderText(tr("Search for an action or a key"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_edit->setObjectName(QStringLiteral("shortcutEdit"));
    m_edit->setMaximumSequenceLength(1);
    m_none->setObjectName(QStringLiteral("shortcutNone"));
    m_none->setToolTip(tr("Leave this command without a shortcut"));
    m_default->setObjectName(QStringLiteral("shortcutDefault"));
    m_problem->setObjectName(QStringLiteral("shortcutProblem"));
    m_problem->setWordWrap(true);
    m_reassign->setObjectName(QStringLiteral("shortcutReassign"));
    m_problem->hide();
    m_reassign->hide();

    auto* editRow = new QHBoxLayout;
    auto* editLabel = new QLabel(tr("&Shortcut:"), this);
    editLabel->setBuddy(m_edit);
    editRow->addWidget(editLabel);
    editRow->addWidget(m_edit, 1);
    editRow->addWidget(m_none);
    editRow->addWidget(m_default);
    auto* problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_reassign);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* resetAll = buttons->addButton(tr("Reset &All"), QDialogButtonBox::ResetRole);
    resetAll->setObjectName(QStringLiteral("shortcutResetAll"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(editRow);
    layout->addLayout(problemRow);
    layout->addWidget(buttons);
    resize(640, 560);

    fill();
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ShortcutsDialog::selectionChanged);
    connect(m_edit, &QKeySequenceEdit::editingFinished, this, &ShortcutsDialog::recorded);
    connect(m_none, &QPushButton::clicked, this, [this] {
        if (currentIndex() >= 0)
            setPending(currentIndex(), {});
    });
    connect(m_default, &QPushButton::clicked, this, [this] {
        if (const int index = currentIndex(); index >= 0) {
            for (const QKeySequence& sequence : std::as_const(m_entries[index].defaults)) {
                if (const int other = indexUsing(sequence, index); other >= 0)
                    setPending(other, {}); // the default wins back its key
            }
            setPending(index, m_entries[index].defaults);
        }
    });
    connect(m_reassign, &QPushButton::clicked, this, [this] {
        const int index = currentIndex();
        const int other = indexUsing(m_contested, index);
        if (index < 0)
            return;
        if (other >= 0) {
            QList<QKeySequence> remaining = m_pending[other];
            remaining.removeAll(m_contested);
            setPending(other, remaining);
        }
        setPending(index, {m_contested});
    });
    connect(resetAll, &QPushButton::clicked, this, [this] {
        for (qsizetype i = 0; i < m_entries.size(); ++i)
            setPending(int(i), m_entries[i].defaults);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &ShortcutsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ShortcutsDialog::reject);
    m_list->setCurrentItem(m_list->topLevelItem(0));
    m_search->setFocus();
}

void ShortcutsDialog::fill() {
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        auto* item = new QTreeWidgetItem(m_list, {m_entries[i].label, shown(m_pending[i])});
        item->setData(0, kIndexRole, int(i));
    }
    // The keys the article list and the reader take themselves: shown, not configurable.
    for (const auto& [key, what] : KeyboardShortcuts::singleKeys()) {
        auto* item = new QTreeWidgetItem(m_list, {tr("Article list and reader › %1").arg(what), key});
        item->setData(0, kIndexRole, -1);
        item->setToolTip(0, tr("These keys work while the article list or the reader has the focus."));
        item->setForeground(0, palette().placeholderText());
    }
}

void ShortcutsDialog::filter(const QString& text) {
    const QString wanted = text.trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const bool match = wanted.isEmpty() || item->text(0).contains(wanted, Qt::CaseInsensitive) ||
                           item->text(1).contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

int ShortcutsDialog::currentIndex() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kIndexRole).toInt() : -1;
}

void ShortcutsDialog::selectionChanged() {
    const int index = currentIndex();
    m_edit->setEnabled(index >= 0);
    m_none->setEnabled(index >= 0);
    m_default->setEnabled(index >= 0);
    m_problem->hide();
    m_reassign->hide();
    const QSignalBlocker blocker(m_edit);
    m_edit->setKeySequence(index >= 0 && !m_pending[index].isEmpty() ? m_pending[index].first()
                                                                     : QKeySequence());
}

int ShortcutsDialog::indexUsing(const QKeySequence& sequence, int except) const {
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (int(i) != except && m_pending[i].contains(sequence))
            return int(i);
    }
    return -1;
}

void ShortcutsDialog::recorded() {
    const int index = currentIndex();
    const QKeySequence sequence = m_edit->keySequence();
    m_problem->hide();
    m_reassign->hide();
    if (index < 0 || sequence.isEmpty())
        return;
    if (typesText(sequence)) {
        m_problem->setText(tr("%1 types text, so it cannot be a shortcut of the window: add Ctrl or Alt.")
                               .arg(sequence.toString(QKeySequence::NativeText)));
        m_problem->show();
        selectionChanged(); // back to what it was
        m_problem->show();
        return;
    }
    if (const int other = indexUsing(sequence, index); other >= 0) {
        m_contested = sequence;
        m_problem->setText(tr("%1 is already the shortcut of “%2”.")
                               .arg(sequence.toString(QKeySequence::NativeText), m_entries[other].label));
        m_problem->show();
        m_reassign->show();
        return;
    }
    setPending(index, {sequence});
}

void ShortcutsDialog::setPending(int index, const QList<QKeySequence>& shortcuts) {
    m_pending[index] = shortcuts;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(0, kIndexRole).toInt() == index)
            item->setText(1, shown(shortcuts));
    }
    if (index == currentIndex()) {
        m_problem->hide();
        m_reassign->hide();
        const QSignalBlocker blocker(m_edit);
        m_edit->setKeySequence(shortcuts.isEmpty() ? QKeySequence() : shortcuts.first());
    }
}

void ShortcutsDialog::accept() {
    KeyboardShortcuts::assign(m_entries, m_pending);
    QDialog::accept();
}
