#include "names/ManageNamesDialog.h"

#include "names/AddNameDialog.h"
#include "names/Gazetteer.h"
#include "names/NameTeacher.h"
#include "storage/Storage.h"
#include "tagging/Retagger.h"
#include "tagging/Tagger.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace mirsad;

namespace {

QString kindLabel(names::EntityKind kind) {
    switch (kind) {
    case names::EntityKind::Person:
        return ManageNamesDialog::tr("New person");
    case names::EntityKind::Place:
        return ManageNamesDialog::tr("New place");
    case names::EntityKind::Organization:
        return ManageNamesDialog::tr("New organisation");
    }
    return {};
}

QString nameOf(const names::Entity& entity) {
    if (entity.nameAr.isEmpty() || entity.nameAr == entity.name)
        return entity.name;
    if (entity.name.isEmpty())
        return entity.nameAr;
    return QStringLiteral("%1 · %2").arg(entity.name, entity.nameAr);
}

} // namespace

ManageNamesDialog::ManageNamesDialog(NameTeacher& teacher, QWidget* parent)
    : QDialog(parent)
    , m_teacher(teacher)
    , m_list(new QTreeWidget)
    , m_empty(new QLabel)
    , m_edit(new QPushButton(tr("&Change…")))
    , m_remove(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Remove")))
    , m_progressLabel(new QLabel)
    , m_progress(new QProgressBar) {
    setObjectName(QStringLiteral("manageNamesDialog"));
    setWindowTitle(tr("Manage Names"));

    auto* intro =
        new QLabel(tr("The people, places and organisations you added, and the spellings you taught "
                      "for known ones. Each change re-tags the archive; Ctrl+Z undoes it."));
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("userNames"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Name"), tr("Taught as")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_empty->setObjectName(QStringLiteral("noUserNames"));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("You have not taught Mirsad any names yet. Select a name in an article and choose "
                        "Names ▸ Add Name from Selection (Ctrl+Shift+E)."));
    m_empty->hide();

    // Keys on the list: F2 (as for renaming) or Enter changes, Delete removes.
    m_edit->setObjectName(QStringLiteral("changeNameButton"));
    m_remove->setObjectName(QStringLiteral("removeNameButton"));
    auto* editAction = new QAction(tr("Change"), m_list);
    editAction->setObjectName(QStringLiteral("actionChangeName"));
    editAction->setShortcut(QKeySequence(Qt::Key_F2));
    editAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(editAction);
    auto* removeAction = new QAction(tr("Remove"), m_list);
    removeAction->setObjectName(QStringLiteral("actionRemoveName"));
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeAction);
    connect(editAction, &QAction::triggered, this, &ManageNamesDialog::editCurrent);
    connect(removeAction, &QAction::triggered, this, &ManageNamesDialog::removeCurrent);
    connect(m_edit, &QPushButton::clicked, this, &ManageNamesDialog::editCurrent);
    connect(m_remove, &QPushButton::clicked, this, &ManageNamesDialog::removeCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &ManageNamesDialog::editCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ManageNamesDialog::updateButtons);

    // Undo and redo here too: this window has the focus while the user works in it.
    auto* undoButton = new QToolButton;
    auto* redoButton = new QToolButton;
    if (QUndoStack* stack = m_teacher.undoStack()) {
        QAction* undo = stack->createUndoAction(this, tr("&Undo"));
        undo->setObjectName(QStringLiteral("actionManageNamesUndo"));
        undo->setShortcut(QKeySequence::Undo);
        undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
        QAction* redo = stack->createRedoAction(this, tr("&Redo"));
        redo->setObjectName(QStringLiteral("actionManageNamesRedo"));
        redo->setShortcut(QKeySequence::Redo);
        redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
        addAction(undo);
        addAction(redo);
        undoButton->setDefaultAction(undo);
        redoButton->setDefaultAction(redo);
    }
    undoButton->setObjectName(QStringLiteral("undoNameButton"));
    undoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    // Enter belongs to the list (it changes the name there), never to a button.
    for (QPushButton* button : {m_edit, m_remove, buttons->button(QDialogButtonBox::Close)}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    m_progress->setObjectName(QStringLiteral("retagProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progress->hide();
    m_progressLabel->setObjectName(QStringLiteral("retagStatus"));
    m_progressLabel->setWordWrap(true);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_edit);
    actions->addWidget(m_remove);
    actions->addStretch();
    actions->addWidget(undoButton);
    actions->addWidget(redoButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addLayout(actions);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    tagging::Retagger& retagger = m_teacher.retagger();
    connect(&retagger, &tagging::Retagger::namesChanged, this, &ManageNamesDialog::reload);
    connect(&retagger, &tagging::Retagger::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(std::max<qint64>(1, total)));
        m_progress->setValue(int(done));
        m_progress->show();
        m_progressLabel->setText(tr("Re-tagging the archive: %1 of %2 articles…").arg(done).arg(total));
    });
    connect(&retagger, &tagging::Retagger::finished, this, [this](qint64 changed) {
        m_progress->hide();
        m_progressLabel->setText(
            tr("The archive is up to date: names changed in %n article(s).", nullptr, int(changed)));
    });
    connect(&retagger, &tagging::Retagger::failed, this, [this] {
        m_progress->hide();
        m_progressLabel->clear();
    });

    updateButtons();
    resize(560, 420);
    reload();
}

void ManageNamesDialog::reload() {
    struct Loaded {
        tagging::UserNameList names;
        std::shared_ptr<const tagging::Tagger> tagger;
    };
    // On the writer, behind the change that asked for it.
    m_teacher.storage()
        .writer()
        .run([](QSqlDatabase& db) -> Result<Loaded> {
            Result<tagging::UserNameList> names = tagging::listUserNames(db);
            if (!names)
                return Error{names.error()};
            Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
            if (!tagger)
                return Error{tagger.error()};
            return Loaded{*names, *tagger};
        })
        .then(this, [this](const Result<Loaded>& loaded) {
            if (!loaded) {
                QMessageBox::warning(this, windowTitle(), loaded.error());
                return;
            }
            showNames(loaded->names, loaded->tagger);
            emit reloaded();
        });
}

void ManageNamesDialog::showNames(const tagging::UserNameList& names,
                                  std::shared_ptr<const tagging::Tagger> tagger) {
    // Keep the row the user is on.
    QString currentId;
    QString currentAlias;
    if (QTreeWidgetItem* current = m_list->currentItem()) {
        currentId = current->data(0, EntityIdRole).toString();
        currentAlias = current->data(0, AliasRole).toString();
    }
    m_names = names;
    m_tagger = std::move(tagger);
    m_list->clear();
    QTreeWidgetItem* restore = nullptr;
    const names::Gazetteer& gazetteer = m_tagger->gazetteer();
    for (const names::Entity& entity : names.entities) {
        QString what = kindLabel(entity.kind);
        if (const names::Entity* place = gazetteer.entity(entity.within.value(0)))
            what = tr("%1 in %2").arg(what, place->name);
        auto* item = new QTreeWidgetItem(m_list, {nameOf(entity), what});
        item->setData(0, EntityIdRole, entity.id);
        item->setToolTip(0, entity.description);
        if (entity.id == currentId && currentAlias.isEmpty())
            restore = item;
    }
    for (const tagging::UserAlias& alias : names.aliases) {
        const names::Entity* entity = gazetteer.entity(alias.entityId);
        auto* item = new QTreeWidgetItem(
            m_list, {alias.alias, tr("Spelling of %1").arg(entity ? nameOf(*entity) : alias.entityId)});
        item->setData(0, EntityIdRole, alias.entityId);
        item->setData(0, AliasRole, alias.alias);
        if (entity)
            item->setToolTip(1, entity->description);
        if (alias.entityId == currentId && alias.alias == currentAlias)
            restore = item;
    }
    m_list->resizeColumnToContents(0);
    m_empty->setVisible(m_list->topLevelItemCount() == 0);
    if (!restore && m_list->topLevelItemCount() > 0)
        restore = m_list->topLevelItem(0);
    if (restore)
        m_list->setCurrentItem(restore);
    updateButtons();
}

void ManageNamesDialog::updateButtons() {
    const bool any = m_list->currentItem() != nullptr;
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
}

void ManageNamesDialog::editCurrent() {
    QTreeWidgetItem* item = m_list->currentItem();
    if (!item || !m_tagger)
        return;
    const QString entityId = item->data(0, EntityIdRole).toString();
    const QString alias = item->data(0, AliasRole).toString();
    AddNameDialog dialog(m_tagger, alias, this);
    if (!alias.isEmpty()) {
        dialog.editAlias(entityId, alias);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const tagging::UserAlias from{entityId, alias};
        const tagging::UserAlias to{dialog.aliasEntityId(), dialog.alias()};
        if (to == from)
            return;
        m_teacher.change(
            tr("Change the spelling “%1”").arg(alias),
            [from, to](QSqlDatabase& db) { return tagging::updateUserAlias(db, from, to); },
            [from, to](QSqlDatabase& db) { return tagging::updateUserAlias(db, to, from); });
        return;
    }
    const auto found = std::find_if(m_names.entities.cbegin(), m_names.entities.cend(),
                                    [&](const names::Entity& e) { return e.id == entityId; });
    if (found == m_names.entities.cend())
        return;
    const names::Entity before = *found;
    dialog.editEntity(before);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const names::Entity after = dialog.entity();
    m_teacher.change(
        tr("Change “%1”").arg(before.name.isEmpty() ? before.nameAr : before.name),
        [after](QSqlDatabase& db) { return tagging::updateUserEntity(db, after); },
        [before](QSqlDatabase& db) { return tagging::updateUserEntity(db, before); });
}

void ManageNamesDialog::removeCurrent() {
    QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const QString entityId = item->data(0, EntityIdRole).toString();
    const QString alias = item->data(0, AliasRole).toString();
    if (!alias.isEmpty()) {
        m_teacher.change(
            tr("Remove the spelling “%1”").arg(alias),
            [entityId, alias](QSqlDatabase& db) { return tagging::removeUserAlias(db, entityId, alias); },
            [entityId, alias](QSqlDatabase& db) { return tagging::storeUserAlias(db, entityId, alias); });
        return;
    }
    const auto found = std::find_if(m_names.entities.cbegin(), m_names.entities.cend(),
                                    [&](const names::Entity& e) { return e.id == entityId; });
    if (found == m_names.entities.cend())
        return;
    const names::Entity entity = *found;
    // The spellings added to it go with it, and come back with it on undo.
    auto aliases = std::make_shared<QStringList>();
    m_teacher.change(
        tr("Remove “%1”").arg(entity.name.isEmpty() ? entity.nameAr : entity.name),
        [entityId, aliases](QSqlDatabase& db) {
            return tagging::removeUserEntity(db, entityId, aliases.get());
        },
        [entity, aliases](QSqlDatabase& db) { return tagging::restoreUserEntity(db, entity, *aliases); });
}
