#pragma once

#include <QMainWindow>

class QListView;
class QSplitter;
class QTableView;
class NotesPane;
class ReaderView;

namespace mirsad::storage {
class Storage;
}
namespace mirsad::models {
class ArticleListModel;
class FeedListModel;
} // namespace mirsad::models

// The three panes: feeds on the left, the article list, then the reader with the notes pane.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(mirsad::storage::Storage& storage, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the database, installs the sample articles on first start and loads the lists.
    void start();

    ReaderView* reader() const { return m_reader; }
    QTableView* articleView() const { return m_articleView; }
    QListView* feedView() const { return m_feedView; }
    NotesPane* notesPane() const { return m_notes; }
    mirsad::models::ArticleListModel* articleModel() const { return m_articleModel; }

signals:
    // The database is open and the lists are loaded (or the start failed: see statusBar()).
    void started(bool ok);
    // An article was loaded into the reader.
    void articleShown(qint64 id);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showArticle(qint64 id);
    void onFeedSelected();
    void reportError(const QString& message);
    void restoreLayout();

    mirsad::storage::Storage& m_storage;
    mirsad::models::FeedListModel* m_feedModel = nullptr;
    mirsad::models::ArticleListModel* m_articleModel = nullptr;
    QListView* m_feedView = nullptr;
    QTableView* m_articleView = nullptr;
    ReaderView* m_reader = nullptr;
    NotesPane* m_notes = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_readerSplitter = nullptr;
    bool m_selectFirstArticle = true;
};
