#pragma once

#include <QWidget>

class QLabel;
class QListWidget;

namespace mirsad::storage {
class Storage;
}

// The analyst's notes and highlights on the article being read, in reading order.
class NotesPane : public QWidget {
    Q_OBJECT
public:
    explicit NotesPane(mirsad::storage::Storage& storage, QWidget* parent = nullptr);

    void showArticle(qint64 articleId);
    int noteCount() const;

private:
    mirsad::storage::Storage& m_storage;
    QLabel* m_title = nullptr;
    QListWidget* m_list = nullptr;
    qint64 m_articleId = 0;
};
