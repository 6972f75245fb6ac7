#pragma once

#include <QWidget>

class ArticleAnnotations;
class NoteEditor;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace mirsad::annotations {
class NoteAutosaver;
}

// The analyst's notes and highlights on the article being read, in reading order: notes on the
// whole article first, then each highlight followed by its notes, then orphaned highlights
// (whose passage is no longer in the text). The selected note opens in the editor below and is
// saved as it is typed.
class NotesPane : public QWidget {
    Q_OBJECT
public:
    enum ItemKind { NoteItem, HighlightItem };
    static constexpr int KindRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int AttachedRole = Qt::UserRole + 3; // a note under its highlight

    explicit NotesPane(ArticleAnnotations& annotations, QWidget* parent = nullptr);
    ~NotesPane() override;

    int noteCount() const;
    int highlightCount() const;
    QListWidget* list() const { return m_list; }
    NoteEditor* editor() const { return m_editor; }
    mirsad::annotations::NoteAutosaver* autosaver() const { return m_autosaver; }

    // Adds an empty note (on a highlight, or on the article for 0) and opens it for writing.
    void newNote(qint64 highlightId = 0);
    // Deletes the selected note or highlight (undoable).
    void deleteSelected();
    // Opens a note in the editor (selecting it in the list).
    void openNote(qint64 noteId);
    // Saves what is being typed now.
    void flush();

signals:
    // A highlight was picked in the list: the reader shows its passage.
    void highlightSelected(qint64 highlightId);
    void noteSaved(qint64 noteId);

private:
    void rebuild();
    void onCurrentChanged(QListWidgetItem* item);
    QListWidgetItem* itemFor(ItemKind kind, qint64 id) const;

    ArticleAnnotations& m_annotations;
    mirsad::annotations::NoteAutosaver* m_autosaver;
    QLabel* m_title;
    QListWidget* m_list;
    NoteEditor* m_editor;
    QToolButton* m_add;
    QToolButton* m_delete;
    qint64 m_pendingOpen = 0;
};
