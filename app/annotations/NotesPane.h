#pragma once

#include <QPointer>
#include <QWidget>

class HistoryDialog;

class ArticleAnnotations;
class NoteEditor;
class NoteListDelegate;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace mirsad::annotations {
class NoteAutosaver;
}

// The analyst's notes and highlights on the article being read, in reading order: notes on the
// whole article first, then each highlight followed by its notes, then orphaned highlights
// (whose passage is no longer in the text). The editor below always shows the selected row: the
// selected note, saved as it is typed, or nothing to type into when a highlight (or nothing) is
// selected. A note's tags are shown as chips; a click on one (or the tag box) shows only the
// notes with that tag.
class NotesPane : public QWidget {
    Q_OBJECT
public:
    enum ItemKind { NoteItem, HighlightItem };
    static constexpr int KindRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int AttachedRole = Qt::UserRole + 3; // a note under its highlight
    // On a team's archive: the row's second line, whose it is and whether it is shared.
    static constexpr int SharingRole = Qt::UserRole + 4;
    static constexpr int OwnRole = Qt::UserRole + 5; // bool: the analyst's own (may change it)
    static constexpr int SharedRole = Qt::UserRole + 6;

    explicit NotesPane(ArticleAnnotations& annotations, QWidget* parent = nullptr);
    ~NotesPane() override;

    int noteCount() const;
    int highlightCount() const;
    QListWidget* list() const { return m_list; }
    NoteEditor* editor() const { return m_editor; }
    NoteListDelegate* delegate() const { return m_delegate; }
    QToolButton* shareButton() const { return m_share; }
    QComboBox* tagBox() const { return m_tagBox; }
    // What became of the analyst's typing when it was not a plain save: offline and kept locally,
    // saved as a conflict copy, saved after the server came back.
    QLabel* statusLabel() const { return m_status; }
    mirsad::annotations::NoteAutosaver* autosaver() const { return m_autosaver; }

    // Adds an empty note (on a highlight, or on the article for 0) and opens it for writing.
    void newNote(qint64 highlightId = 0);
    // Whether a note or highlight is selected, which deleteSelected would delete.
    bool canDelete() const;
    // Deletes the selected note or highlight (undoable).
    void deleteSelected();
    // Whether the selected note or highlight is the analyst's own on a team's archive, which
    // setSelectedShared would share or make private.
    bool canShare() const;
    void setSelectedShared(bool shared);
    // Opens the history of the selected note or highlight as the team's server kept it (a
    // team's archive only).
    void showSelectedHistory();
    HistoryDialog* historyDialog() const;
    // Opens a note in the editor (selecting it in the list).
    void openNote(qint64 noteId);
    // Saves what is being typed now.
    void flush();
    // The archive cannot be written: notes and highlights are shown, none can be added, changed
    // or deleted.
    void setArchiveReadOnly(bool readOnly);
    bool isArchiveReadOnly() const { return m_archiveReadOnly; }

    // Shows only the notes with this tag (and their highlights); empty: everything.
    void setTagFilter(const QString& tag);
    QString tagFilter() const { return m_tagFilter; }

signals:
    // A highlight was picked in the list: the reader shows its passage.
    void highlightSelected(qint64 highlightId);
    void noteSaved(qint64 noteId);
    void canDeleteChanged(bool canDelete);
    // "Articles with this tag": filter the article list to the articles with a note so tagged.
    void articlesWithTagRequested(const QString& tag);
    // A sentence for the status bar (the notes pane says it too).
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateTagBox();
    // Makes the editor show what is selected in the list, saving the note it leaves first.
    void followSelection();
    QListWidgetItem* selectedItem() const;
    QListWidgetItem* itemFor(ItemKind kind, qint64 id) const;
    void showContextMenu(const QPoint& pos);
    void showStatus(const QString& text, bool warning);
    void conflictCopied(qint64 noteId, qint64 copyId, const QString& author, const QString& prefix);

    ArticleAnnotations& m_annotations;
    mirsad::annotations::NoteAutosaver* m_autosaver;
    QLabel* m_title;
    QLabel* m_status;
    std::pair<qint64, int> m_cursorAfterOpen{0, 0}; // a note opened in place of another, and where typing was
    QListWidget* m_list;
    NoteListDelegate* m_delegate;
    NoteEditor* m_editor;
    QToolButton* m_add;
    QToolButton* m_delete;
    QToolButton* m_share;
    QWidget* m_tagRow;
    QComboBox* m_tagBox;
    QToolButton* m_articlesWithTag;
    QString m_tagFilter;
    qint64 m_pendingOpen = 0;
    bool m_canDelete = false;
    bool m_archiveReadOnly = false;
    QPointer<HistoryDialog> m_history;
};
