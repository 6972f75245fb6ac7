#pragma once

#include "names/Entity.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;

namespace mirsad::tagging {
class Tagger;
}

// Teaches Mirsad a name seen in an article: either another spelling of an entity it knows
// (an alias), or a new person, place or organisation. The archive is re-tagged afterwards.
class AddNameDialog : public QDialog {
    Q_OBJECT
public:
    AddNameDialog(std::shared_ptr<const mirsad::tagging::Tagger> tagger, const QString& selection,
                  QWidget* parent = nullptr);

    bool isAlias() const;
    QString alias() const;
    QString aliasEntityId() const;        // the entity the alias belongs to
    mirsad::names::Entity entity() const; // the new entity

    // Entities whose names contain `text` (folded like the matcher folds), best first.
    static QList<const mirsad::names::Entity*> search(const mirsad::tagging::Tagger& tagger,
                                                      const QString& text, int max = 50);

private:
    void updateMatches();
    void validate();

    std::shared_ptr<const mirsad::tagging::Tagger> m_tagger;
    QRadioButton* m_aliasMode;
    QRadioButton* m_entityMode;
    QStackedWidget* m_pages;
    QLineEdit* m_alias;
    QLineEdit* m_search;
    QListWidget* m_matches;
    QComboBox* m_kind;
    QLineEdit* m_name;
    QLineEdit* m_nameAr;
    QComboBox* m_within;
    QLineEdit* m_description;
    QPushButton* m_ok = nullptr;
};
