#include "names/AddNameDialog.h"

#include "names/Gazetteer.h"
#include "names/NameMatcher.h"
#include "tagging/Tagger.h"
#include "text/TextDirection.h"
#include "text/TextNormalizer.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace mirsad;

AddNameDialog::AddNameDialog(std::shared_ptr<const tagging::Tagger> tagger, const QString& selection,
                             QWidget* parent)
    : QDialog(parent)
    , m_tagger(std::move(tagger))
    , m_aliasMode(new QRadioButton(tr("Another spelling of a known &entity")))
    , m_entityMode(new QRadioButton(tr("A &new person, place or organisation")))
    , m_pages(new QStackedWidget)
    , m_alias(new QLineEdit(selection.simplified()))
    , m_search(new QLineEdit)
    , m_matches(new QListWidget)
    , m_kind(new QComboBox)
    , m_name(new QLineEdit)
    , m_nameAr(new QLineEdit)
    , m_within(new QComboBox)
    , m_description(new QLineEdit) {
    setWindowTitle(tr("Add a name"));
    setObjectName(QStringLiteral("addNameDialog"));
    const QString name = selection.simplified();
    const bool arabic = text::paragraphDirection(name) == Qt::RightToLeft;

    // Alias page: the spelling, and the entity it belongs to.
    auto* aliasPage = new QWidget;
    auto* aliasForm = new QFormLayout(aliasPage);
    m_search->setPlaceholderText(tr("Search the entities (English or Arabic)"));
    m_search->setObjectName(QStringLiteral("entitySearch"));
    m_matches->setObjectName(QStringLiteral("entityMatches"));
    m_matches->setMinimumHeight(180);
    aliasForm->addRow(tr("&Spelling:"), m_alias);
    aliasForm->addRow(tr("&Entity:"), m_search);
    aliasForm->addRow(QString(), m_matches);

    // Entity page.
    auto* entityPage = new QWidget;
    auto* entityForm = new QFormLayout(entityPage);
    m_kind->addItem(tr("Person"), int(names::EntityKind::Person));
    m_kind->addItem(tr("Place"), int(names::EntityKind::Place));
    m_kind->addItem(tr("Organisation"), int(names::EntityKind::Organization));
    (arabic ? m_nameAr : m_name)->setText(name);
    m_nameAr->setLayoutDirection(Qt::RightToLeft);
    m_within->addItem(tr("(none)"), QString());
    QList<const names::Entity*> places;
    for (const names::Entity& entity : m_tagger->gazetteer().entities()) {
        if (entity.kind == names::EntityKind::Place)
            places << &entity;
    }
    std::sort(places.begin(), places.end(), [](auto* a, auto* b) { return a->name < b->name; });
    for (const names::Entity* place : places)
        m_within->addItem(QStringLiteral("%1 — %2").arg(place->name, place->nameAr), place->id);
    m_description->setPlaceholderText(tr("A role or a short description"));
    entityForm->addRow(tr("&Kind:"), m_kind);
    entityForm->addRow(tr("English &name:"), m_name);
    entityForm->addRow(tr("&Arabic name:"), m_nameAr);
    entityForm->addRow(tr("&Within (places):"), m_within);
    entityForm->addRow(tr("&Description:"), m_description);

    m_pages->addWidget(aliasPage);
    m_pages->addWidget(entityPage);
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_aliasMode, 0);
    modes->addButton(m_entityMode, 1);
    connect(modes, &QButtonGroup::idClicked, m_pages, &QStackedWidget::setCurrentIndex);
    connect(modes, &QButtonGroup::idClicked, this, &AddNameDialog::validate);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add and re-tag"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* hint =
        new QLabel(tr("Mirsad already folds case, accents, diacritics, hamza forms, clitics and common "
                      "romanisation variants; add spellings that differ by more (Hawler for Erbil)."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_aliasMode);
    layout->addWidget(m_entityMode);
    layout->addWidget(m_pages);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &AddNameDialog::updateMatches);
    connect(m_matches, &QListWidget::currentRowChanged, this, &AddNameDialog::validate);
    for (QLineEdit* edit : {m_alias, m_name, m_nameAr})
        connect(edit, &QLineEdit::textChanged, this, &AddNameDialog::validate);
    m_aliasMode->setChecked(true);
    m_pages->setCurrentIndex(0);
    updateMatches();
    validate();
    resize(520, 440);
}

QList<const names::Entity*> AddNameDialog::search(const tagging::Tagger& tagger, const QString& typed,
                                                  int max) {
    const QString needle = text::normalizeForSearch(typed).simplified();
    QList<const names::Entity*> found;
    // An exact resolution through the matcher first, then names containing the text.
    for (const names::Entity* entity : tagger.matcher().resolve(typed))
        found << entity;
    for (const names::Entity& entity : tagger.gazetteer().entities()) {
        if (found.size() >= max)
            break;
        if (found.contains(&entity))
            continue;
        QStringList names = entity.aliases;
        names << entity.name << entity.nameAr << entity.id;
        for (const QString& name : std::as_const(names)) {
            if (needle.isEmpty() || text::normalizeForSearch(name).contains(needle)) {
                found << &entity;
                break;
            }
        }
    }
    return found;
}

void AddNameDialog::updateMatches() {
    m_matches->clear();
    for (const names::Entity* entity : search(*m_tagger, m_search->text())) {
        auto* item =
            new QListWidgetItem(QStringLiteral("%1 — %2  (%3)")
                                    .arg(entity->name, entity->nameAr, names::kindToString(entity->kind)),
                                m_matches);
        item->setData(Qt::UserRole, entity->id);
        item->setToolTip(entity->description);
    }
    if (m_matches->count() > 0)
        m_matches->setCurrentRow(0);
    validate();
}

void AddNameDialog::validate() {
    if (!m_ok)
        return;
    if (isAlias())
        m_ok->setEnabled(!alias().isEmpty() && m_matches->currentItem());
    else
        m_ok->setEnabled(!m_name->text().trimmed().isEmpty() || !m_nameAr->text().trimmed().isEmpty());
}

bool AddNameDialog::isAlias() const {
    return m_aliasMode->isChecked();
}

QString AddNameDialog::alias() const {
    return m_alias->text().simplified();
}

QString AddNameDialog::aliasEntityId() const {
    return m_matches->currentItem() ? m_matches->currentItem()->data(Qt::UserRole).toString() : QString();
}

names::Entity AddNameDialog::entity() const {
    names::Entity entity;
    entity.kind = names::EntityKind(m_kind->currentData().toInt());
    entity.name = m_name->text().simplified();
    entity.nameAr = m_nameAr->text().simplified();
    if (entity.name.isEmpty())
        entity.name = entity.nameAr;
    if (const QString within = m_within->currentData().toString(); !within.isEmpty())
        entity.within << within;
    entity.description = m_description->text().simplified();
    return entity;
}
