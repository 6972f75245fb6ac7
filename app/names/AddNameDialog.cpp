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
    , m_reason(new QLabel)
    , m_kind(new QComboBox)
    , m_name(new QLineEdit)
    , m_nameAr(new QLineEdit)
    , m_within(new QComboBox)
    , m_description(new QLineEdit) {
    setWindowTitle(tr("Add a name"));
    setObjectName(QStringLiteral("addNameDialog"));
    m_aliasMode->setObjectName(QStringLiteral("aliasMode"));
    m_entityMode->setObjectName(QStringLiteral("entityMode"));
    const QString name = selection.simplified();
    const bool arabic = text::paragraphDirection(name) == Qt::RightToLeft;

    // Alias page: the spelling, and the entity it belongs to.
    auto* aliasPage = new QWidget;
    auto* aliasForm = new QFormLayout(aliasPage);
    m_alias->setObjectName(QStringLiteral("aliasSpelling"));
    m_search->setPlaceholderText(tr("Search the entities (English or Arabic)"));
    m_search->setObjectName(QStringLiteral("entitySearch"));
    m_search->setClearButtonEnabled(true);
    m_matches->setObjectName(QStringLiteral("entityMatches"));
    m_matches->setMinimumHeight(160);
    m_reason->setObjectName(QStringLiteral("suggestionReason"));
    m_reason->setWordWrap(true);
    aliasForm->addRow(tr("&Spelling:"), m_alias);
    aliasForm->addRow(tr("&Entity:"), m_search);
    aliasForm->addRow(QString(), m_reason);
    aliasForm->addRow(QString(), m_matches);

    // Entity page. The kind is chosen by the user: no guess to confirm with Enter.
    auto* entityPage = new QWidget;
    auto* entityForm = new QFormLayout(entityPage);
    m_kind->setObjectName(QStringLiteral("entityKind"));
    m_kind->addItem(tr("Person"), int(names::EntityKind::Person));
    m_kind->addItem(tr("Place"), int(names::EntityKind::Place));
    m_kind->addItem(tr("Organisation"), int(names::EntityKind::Organization));
    m_kind->setPlaceholderText(tr("Choose a kind…"));
    m_kind->setCurrentIndex(-1);
    m_name->setObjectName(QStringLiteral("entityName"));
    m_nameAr->setObjectName(QStringLiteral("entityNameAr"));
    (arabic ? m_nameAr : m_name)->setText(name);
    m_nameAr->setLayoutDirection(Qt::RightToLeft);
    m_within->setObjectName(QStringLiteral("entityWithin"));
    fillPlaces(QString());
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
    connect(modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(id == 0); });

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
    connect(m_matches, &QListWidget::itemSelectionChanged, this, &AddNameDialog::validate);
    for (QLineEdit* edit : {m_alias, m_name, m_nameAr})
        connect(edit, &QLineEdit::textChanged, this, &AddNameDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AddNameDialog::validate);

    // An entity is proposed only when the selection already is one of its names, or is spelt
    // much like one (the matcher's nearest names, close enough to be the same name).
    const names::NameMatcher& matcher = m_tagger->matcher();
    if (const QList<const names::Entity*> known = matcher.resolve(name); !known.isEmpty()) {
        m_suggested = known;
        m_reason->setText(tr("“%1” is already a name of %2.").arg(name, known.first()->name));
    } else {
        QList<names::NameMatcher::Suggestion> likely = matcher.suggestEntities(name, 5);
        likely.removeIf([](const auto& s) { return !s.isLikelySpelling(); });
        for (const auto& suggestion : std::as_const(likely))
            m_suggested << suggestion.entity;
        if (!likely.isEmpty()) {
            const auto& best = likely.first();
            m_reason->setText(
                best.spelling == best.entity->name
                    ? tr("Proposed because “%1” is spelt much like “%2”.").arg(name, best.spelling)
                    : tr("Proposed because “%1” is spelt much like “%2”, a name of %3.")
                          .arg(name, best.spelling, best.entity->name));
        }
    }
    if (m_suggested.isEmpty())
        m_reason->setText(tr("Search for the entity that “%1” names.").arg(name));
    updateMatches();
    setMode(!m_suggested.isEmpty());
    resize(540, 460);
}

void AddNameDialog::setMode(bool alias) {
    (alias ? m_aliasMode : m_entityMode)->setChecked(true);
    m_pages->setCurrentIndex(alias ? 0 : 1);
    validate();
}

void AddNameDialog::fillPlaces(const QString& excludedId) {
    // An entity cannot lie within itself or within a place that lies within it.
    const QStringList excluded =
        excludedId.isEmpty() ? QStringList() : m_tagger->gazetteer().descendants(excludedId);
    m_within->clear();
    m_within->addItem(tr("(none)"), QString());
    QList<const names::Entity*> places;
    for (const names::Entity& entity : m_tagger->gazetteer().entities()) {
        if (entity.kind == names::EntityKind::Place && !excluded.contains(entity.id))
            places << &entity;
    }
    std::sort(places.begin(), places.end(), [](auto* a, auto* b) { return a->name < b->name; });
    for (const names::Entity* place : places)
        m_within->addItem(QStringLiteral("%1 — %2").arg(place->name, place->nameAr), place->id);
}

void AddNameDialog::editAlias(const QString& entityId, const QString& alias) {
    setWindowTitle(tr("Change a spelling"));
    m_aliasMode->hide();
    m_entityMode->hide();
    m_ok->setText(tr("Save and re-tag"));
    m_alias->setText(alias);
    m_suggested.clear();
    if (const names::Entity* entity = m_tagger->gazetteer().entity(entityId))
        m_suggested << entity;
    m_reason->setText(tr("Search to give the spelling to another entity."));
    m_search->clear();
    updateMatches();
    setMode(true);
}

void AddNameDialog::editEntity(const names::Entity& entity) {
    setWindowTitle(tr("Change an entity"));
    m_aliasMode->hide();
    m_entityMode->hide();
    m_ok->setText(tr("Save and re-tag"));
    m_edited = entity;
    m_kind->setCurrentIndex(m_kind->findData(int(entity.kind)));
    m_name->setText(entity.name);
    m_nameAr->setText(entity.nameAr);
    fillPlaces(entity.id);
    m_within->setCurrentIndex(std::max(0, m_within->findData(entity.within.value(0))));
    m_description->setText(entity.description);
    setMode(false);
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
    // Nothing typed: the proposed entities (none when nothing is close), the first chosen.
    // Typed: what the search finds, its best match chosen, as the user asked for it.
    if (m_search->text().trimmed().isEmpty())
        showEntities(m_suggested, m_suggested.isEmpty() ? QString() : m_suggested.first()->id);
    else if (const QList<const names::Entity*> found = search(*m_tagger, m_search->text()); !found.isEmpty())
        showEntities(found, found.first()->id);
    else
        showEntities({}, QString());
}

void AddNameDialog::showEntities(const QList<const names::Entity*>& entities, const QString& selectId) {
    m_matches->clear();
    for (const names::Entity* entity : entities) {
        auto* item =
            new QListWidgetItem(QStringLiteral("%1 — %2  (%3)")
                                    .arg(entity->name, entity->nameAr, names::kindToString(entity->kind)),
                                m_matches);
        item->setData(Qt::UserRole, entity->id);
        item->setToolTip(entity->description);
        if (entity->id == selectId)
            m_matches->setCurrentItem(item);
    }
    validate();
}

void AddNameDialog::validate() {
    if (!m_ok)
        return;
    if (isAlias())
        m_ok->setEnabled(!alias().isEmpty() && !aliasEntityId().isEmpty());
    else
        m_ok->setEnabled(m_kind->currentIndex() >= 0 &&
                         (!m_name->text().trimmed().isEmpty() || !m_nameAr->text().trimmed().isEmpty()));
}

QString AddNameDialog::suggestionReason() const {
    return m_suggested.isEmpty() ? QString() : m_reason->text();
}

bool AddNameDialog::isAlias() const {
    return m_aliasMode->isChecked();
}

QString AddNameDialog::alias() const {
    return m_alias->text().simplified();
}

QString AddNameDialog::aliasEntityId() const {
    // The selected entity, not merely the current one (a list given the focus has a current row
    // nobody chose).
    const QList<QListWidgetItem*> selected = m_matches->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole).toString();
}

names::Entity AddNameDialog::entity() const {
    names::Entity entity;
    entity.id = m_edited.id;
    entity.aliases = m_edited.aliases;
    entity.kind = names::EntityKind(m_kind->currentData().toInt());
    entity.name = m_name->text().simplified();
    entity.nameAr = m_nameAr->text().simplified();
    if (entity.name.isEmpty())
        entity.name = entity.nameAr;
    if (const QString within = m_within->currentData().toString(); !within.isEmpty())
        entity.within << within;
    for (const QString& other : m_edited.within.mid(1)) { // the combo shows the first place only
        if (!entity.within.contains(other))
            entity.within << other;
    }
    entity.description = m_description->text().simplified();
    return entity;
}
