#include "names/NameTeacher.h"

#include "names/AddNameDialog.h"
#include "storage/Storage.h"
#include "tagging/Retagger.h"
#include "tagging/Tagger.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

using namespace mirsad;

NameTeacher::NameTeacher(storage::Storage& storage, std::function<QString()> selection, QWidget* window)
    : QObject(window)
    , m_storage(storage)
    , m_selection(std::move(selection))
    , m_window(window)
    , m_retagger(new tagging::Retagger(storage.writer(), storage.reader(), this))
    , m_addName(new QAction(tr("Add &Name from Selection…"), this)) {
    m_addName->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_addName->setToolTip(
        tr("Teach Mirsad the selected name: a new spelling of a known entity, or a new one."));
    connect(m_addName, &QAction::triggered, this, [this] { teach(m_selection()); });
    connect(m_retagger, &tagging::Retagger::progress, this, [this](qint64 done, qint64 total) {
        emit message(tr("Updating the names in the archive: %1 of %2 articles").arg(done).arg(total), 0);
    });
    connect(m_retagger, &tagging::Retagger::finished, this, [this](qint64 changed) {
        if (changed == 0 && !m_userAsked)
            return; // a resumed run with nothing to do: no news for the user
        emit message(tr("Names updated in %n article(s).", nullptr, int(changed)), 8000);
        m_userAsked = false;
        if (changed > 0)
            m_storage.notifyArticlesChanged();
    });
    connect(m_retagger, &tagging::Retagger::failed, this,
            [this](const QString& error) { QMessageBox::warning(m_window, tr("Add a name"), error); });
}

void NameTeacher::resume() {
    m_retagger->start();
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
            m_userAsked = true;
            if (dialog.isAlias())
                m_retagger->addAlias(dialog.aliasEntityId(), dialog.alias());
            else
                m_retagger->addEntity(dialog.entity());
            emit message(tr("Adding “%1”…").arg(name), 4000);
        });
}
