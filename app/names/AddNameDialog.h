#pragma once

#include "names/Entity.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;

namespace mirsad::tagging {
class Tagger;
}

// Teaches Mirsad a name seen in an article: either another spelling of an entity it knows
// (an alias), or a new person, place or organisation. The archive is re-tagged afterwards.
//
// Nothing is chosen for the user unless the name is plausibly a spelling of a known entity (the
// matcher's nearest names, close enough; the dialog says why): otherwise it opens on a new
// entity whose kind must be chosen, so that Enter never adds a name to an entity nobody picked.
// Also edits what was taught (editAlias, editEntity), from Names ▸ Manage Names.
class AddNameDialog : public QDialog {
    Q_OBJECT
public:
    AddNameDialog(std::shared_ptr<const mirsad::tagging::Tagger> tagger, const QString& selection,
                  QWidget* parent = nullptr);

    // Turns the dialog into one that changes a spelling the user added (of entityId)...
    void editAlias(const QString& entityId, const QString& alias);
    // ...or an entity the user added (its id is kept).
    void editEntity(const mirsad::names::Entity& entity);

    bool isAlias() const;
    QString alias() const;
    QString aliasEntityId() const;        // the entity the alias belongs to
    mirsad::names::Entity entity() const; // the new entity
    // Why an entity was proposed (empty when none was).
    QString suggestionReason() const;

    // Entities whose names contain `text` (folded like the matcher folds), best first.
    static QList<const mirsad::names::Entity*> search(const mirsad::tagging::Tagger& tagger,
                                                      const QString& text, int max = 50);

private:
    void updateMatches();
    void showEntities(const QList<const mirsad::names::Entity*>& entities, const QString& selectId);
    void setMode(bool alias);
    void fillPlaces(const QString& excludedId);
    void validate();

    std::shared_ptr<const mirsad::tagging::Tagger> m_tagger;
    QRadioButton* m_aliasMode;
    QRadioButton* m_entityMode;
    QStackedWidget* m_pages;
    QLineEdit* m_alias;
    QLineEdit* m_search;
    QListWidget* m_matches;
    QLabel* m_reason;
    QComboBox* m_kind;
    QLineEdit* m_name;
    QLineEdit* m_nameAr;
    QComboBox* m_within;
    QLineEdit* m_description;
    QPushButton* m_ok = nullptr;
    QList<const mirsad::names::Entity*> m_suggested; // shown while the search is empty
    mirsad::names::Entity m_edited;                  // editEntity(): id, other places, aliases
};
