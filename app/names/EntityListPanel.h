#pragma once

#include "articles/Article.h"

#include <QTreeWidget>

class EntityDirectory;

// The names an article mentions, grouped by kind, with how often each occurs. A click filters
// the feed to that entity.
class EntityListPanel : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int EntityIdRole = Qt::UserRole + 1;

    EntityListPanel(EntityDirectory& directory, QWidget* parent = nullptr);
    void showArticle(const mirsad::Article& article);

signals:
    void entityActivated(const QString& entityId);

private:
    EntityDirectory& m_directory;
    mirsad::Article m_article;
};
