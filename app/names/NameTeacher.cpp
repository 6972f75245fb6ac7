#include "names/NameTeacher.h"

#include "names/AddNameDialog.h"
#include "names/Gazetteer.h"
#include "names/ManageNamesDialog.h"
#include "names/NameCommands.h"
#include "storage/Storage.h"
#include "tagging/Tagger.h"
#include "tagging/UserNames.h"

#include <QAction>
#include <QLocale>
#include <QMessageBox>
#include <QUndoStack>
#include <QWidget>
#include <utility>

using namespace mirsad;

NameTeacher::NameTeacher(storage::Storage& storage, QUndoStack* undoStack, std::function<QString()> selection,
                         QWidget* window)
    : QObject(window)
    , m_storage(storage)
    , m_undoStack(undoStack)
    , m_selection(std::move(selection))
    , m_window(window)
    , m_retagger(new tagging::Retagger(storage.writer(), storage.background(), this))
    , m_addName(new QAction(tr("Add &Name from Selection…"), this))
    , m_manageNames(new QAction(tr("&Manage Names…"), this))
    , m_pauseRetag(new QAction(tr("&Pause Updating Names"), this)) {
    m_addName->setObjectName(QStringLiteral("actionAddName"));
    m_addName->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_addName->setToolTip(
        tr("Teach Mirsad the selected name: a new spelling of a known entity, or a new one."));
    connect(m_addName, &QAction::triggered, this, [this] { teach(m_selection()); });
    m_manageNames->setObjectName(QStringLiteral("actionManageNames"));
    m_manageNames->setIcon(QIcon::fromTheme(QStringLiteral("document-edit")));
    m_manageNames->setToolTip(tr("See, change or remove the names you taught Mirsad."));
    connect(m_manageNames, &QAction::triggered, this, &NameTeacher::manage);

    m_pauseRetag->setObjectName(QStringLiteral("actionPauseRetag"));
    m_pauseRetag->setCheckable(true);
    m_pauseRetag->setEnabled(false);
    m_pauseRetag->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-pause")));
    m_pauseRetag->setToolTip(tr(
        "Hold back updating the names of the archive's articles; uncheck to go on from where it stopped."));
    connect(m_pauseRetag, &QAction::toggled, m_retagger, &tagging::Retagger::setPaused);
    connect(m_retagger, &tagging::Retagger::pausedChanged, this, [this](bool paused) {
        m_pauseRetag->setChecked(paused);
        m_pauseRetag->setEnabled(paused || m_retagger->isRunning());
        if (m_progressShown)
            showProgress();
    });
    connect(m_retagger, &tagging::Retagger::progress, this, [this](qint64, qint64 total) {
        if (total == 0)
            return; // a start-up check that finds nothing out of date is no news
        m_pauseRetag->setEnabled(true);
        m_progressShown = true;
        showProgress();
    });
    connect(m_retagger, &tagging::Retagger::failed, this,
            [this] { m_pauseRetag->setEnabled(m_retagger->isPaused()); });
    connect(m_retagger, &tagging::Retagger::finished, this, [this](qint64 changed) {
        m_pauseRetag->setEnabled(m_retagger->isPaused());
        const bool progressShown = std::exchange(m_progressShown, false);
        if (changed == 0 && !m_userAsked) {
            if (progressShown) // a resumed run that changed nothing: its progress line goes
                emit message(QString(), 1);
            return;
        }
        emit message(tr("Names updated in %n article(s).", nullptr, int(changed)), 8000);
        m_userAsked = false;
        if (changed > 0)
            m_storage.notifyArticlesChanged();
        emit namesRetagged(changed);
    });
    connect(m_retagger, &tagging::Retagger::failed, this, [this](const QString& error) {
        QWidget* parent = m_window;
        if (ManageNamesDialog* manage = m_manageDialog.data(); manage && manage->isVisible())
            parent = manage; // the change was asked for there
        QMessageBox::warning(parent, tr("Names"), error);
    });
}

void NameTeacher::showProgress() {
    const qint64 done = std::min(m_retagger->done(), m_retagger->total());
    const qint64 total = m_retagger->total();
    if (m_retagger->isPaused())
        emit message(tr("Updating the names in the archive: paused at %1 of %2 articles")
                         .arg(QLocale().toString(done), QLocale().toString(total)),
                     0);
    else
        emit message(tr("Updating the names in the archive: %1 of %2 articles")
                         .arg(QLocale().toString(done), QLocale().toString(total)),
                     0);
}

void NameTeacher::resume() {
    m_retagger->start();
}

void NameTeacher::apply(const tagging::Retagger::NameChange& change) {
    m_userAsked = true;
    m_retagger->change(change);
}

void NameTeacher::change(const QString& undoText, tagging::Retagger::NameChange apply,
                         tagging::Retagger::NameChange revert) {
    m_userAsked = true;
    m_retagger->change(apply).then(this,
                                   [this, undoText, apply, revert](const Result<tagging::NamesAdded>& done) {
                                       // Refused (failed() tells why), or nothing new: nothing to undo.
                                       if (!done || done->isEmpty())
                                           return;
                                       if (m_undoStack)
                                           m_undoStack->push(new NameCommand(*this, undoText, apply, revert));
                                   });
}

void NameTeacher::teach(const QString& text) {
    const QString name = text.simplified();
    if (name.isEmpty()) {
        emit message(tr("Select a name in the article first."), 5000);
        return;
    }
    if (name.size() > 120) {
        emit message(tr("That selection is too long to be a name."), 5000);
        return;
    }
    // The tagger in use (bundled gazetteer plus the user's names); loaded on the writer,
    // which also keeps the entities table in step with it.
    m_storage.writer()
        .run([](QSqlDatabase& db) { return tagging::Tagger::forDatabase(db); })
        .then(this, [this, name](const Result<std::shared_ptr<const tagging::Tagger>>& tagger) {
            if (!tagger) {
                QMessageBox::warning(m_window, tr("Add a name"), tagger.error());
                return;
            }
            AddNameDialog dialog(*tagger, name, m_window);
            if (dialog.exec() != QDialog::Accepted)
                return;
            if (dialog.isAlias()) {
                const QString entityId = dialog.aliasEntityId();
                const QString alias = dialog.alias();
                const names::Entity* entity = (*tagger)->gazetteer().entity(entityId);
                change(
                    tr("Add “%1” as a spelling of %2").arg(alias, entity ? entity->name : entityId),
                    [entityId, alias](QSqlDatabase& db) {
                        return tagging::storeUserAlias(db, entityId, alias);
                    },
                    [entityId, alias](QSqlDatabase& db) {
                        return tagging::removeUserAlias(db, entityId, alias);
                    });
            } else {
                // The id is chosen when the entity is first stored; redo stores it under the same.
                auto entity = std::make_shared<names::Entity>(dialog.entity());
                const QString label = entity->name.isEmpty() ? entity->nameAr : entity->name;
                change(
                    tr("Add “%1”").arg(label),
                    [entity](QSqlDatabase& db) {
                        Result<tagging::NamesAdded> stored = tagging::storeUserEntity(db, *entity);
                        if (stored)
                            entity->id = stored->entityId;
                        return stored;
                    },
                    [entity](QSqlDatabase& db) { return tagging::removeUserEntity(db, entity->id); });
            }
            emit message(tr("Adding “%1”…").arg(name), 4000);
        });
}

void NameTeacher::manage() {
    if (!m_manageDialog) {
        m_manageDialog = new ManageNamesDialog(*this, m_window);
        m_manageDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_manageDialog->show();
    m_manageDialog->raise();
    m_manageDialog->activateWindow();
}
