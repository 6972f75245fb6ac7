#pragma once

#include "annotations/Annotations.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <memory>

class QUndoStack;

namespace mirsad::storage {
class Storage;
}

// The analyst's highlights and notes on the article being read, shared by the reader (which
// paints the highlights) and the notes pane (which lists both). Reads run on the reader thread;
// every change runs on the writer through an undoable command, then the lists are read again.
class ArticleAnnotations : public QObject {
    Q_OBJECT
public:
    ArticleAnnotations(mirsad::storage::Storage& storage, QUndoStack* undoStack, QObject* parent = nullptr);

    mirsad::storage::Storage& storage() { return m_storage; }
    QUndoStack* undoStack() const { return m_undoStack; }

    // Loads an article's highlights and notes (0: none); `text` is the article's text, which
    // new highlights are anchored in.
    void showArticle(qint64 articleId, const QString& text);
    // An article's highlights and notes, read on a database thread (with the article itself,
    // so that the reader paints it with its highlights the first time).
    struct Lists {
        mirsad::Result<QList<mirsad::annotations::Highlight>> highlights;
        mirsad::Result<QList<mirsad::annotations::Note>> notes;
    };
    static Lists read(QSqlDatabase& db, qint64 articleId);
    // Shows an article with its lists already read; changed() is emitted before it returns.
    void showArticle(qint64 articleId, const QString& text, const Lists& lists);
    qint64 articleId() const { return m_articleId; }
    const QString& articleText() const { return m_text; }
    const QList<mirsad::annotations::Highlight>& highlights() const { return m_highlights; }
    const QList<mirsad::annotations::Note>& notes() const { return m_notes; }
    const mirsad::annotations::Highlight* highlight(qint64 id) const;
    const mirsad::annotations::Note* note(qint64 id) const;
    // On a team's archive each annotation is its author's; in a file of one's own there is no team.
    bool isTeam() const;
    // Whether the analyst may change an annotation by this author (always, outside a team): the
    // server refuses any change to a colleague's, so the window offers none.
    bool isOwn(const QString& author) const;
    // Who signs what the analyst makes: the role connected on a team's archive (the server writes
    // it), else the name in the preferences.
    QString author() const;

    // Undoable changes.
    void addHighlight(qsizetype start, qsizetype end, const QString& color);
    void setHighlightColor(qint64 id, const QString& color);
    void removeHighlight(qint64 id);
    // Creates an empty note (on a highlight, or on the article when 0); noteCreated follows.
    void addNote(qint64 highlightId, const QString& author);
    void deleteNote(qint64 id);
    // Shares an annotation with the team, or makes it private again (a team's archive only).
    void setNoteShared(qint64 id, bool shared);
    void setHighlightShared(qint64 id, bool shared);

    // The notes pane saves typing itself (NoteAutosaver); this keeps the cached copy current.
    void noteEdited(qint64 id, const QString& body, const QStringList& tags, const QDateTime& updated);
    // What was typed into a note went elsewhere (its conflict copy): the note shows what is stored.
    void forgetTyped(qint64 id) { m_typed.remove(id); }

    // The version each highlight is at after this window's changes of it: used on the writer
    // thread only (RecolorHighlightCommand).
    std::shared_ptr<QHash<qint64, qint64>> highlightVersions() const { return m_highlightVersions; }

    // Reads the lists again; changed() follows.
    void reload();
    // AddNoteCommand's report that a new note is stored: it is listed and opened (noteCreated).
    void noteAdded(const mirsad::annotations::Note& note);

signals:
    // Emitted (synchronously) before a command queues its database work, so that typing not
    // yet saved is queued first and the command sees it.
    void aboutToWrite();
    void changed();
    void noteCreated(qint64 noteId);
    void failed(const QString& message);
    // The number of notes on the article changed (for the article list).
    void noteCountChanged(qint64 articleId, int count);

private:
    void apply(qint64 articleId, quint64 generation, const Lists& lists);

    mirsad::storage::Storage& m_storage;
    QUndoStack* m_undoStack;
    qint64 m_articleId = 0;
    QString m_text;
    QList<mirsad::annotations::Highlight> m_highlights;
    QList<mirsad::annotations::Note> m_notes;
    // What the analyst typed, which a read may not see yet (autosave is debounced): kept over
    // every read of this article so that the lists never show an older text.
    QHash<qint64, std::pair<QString, QStringList>> m_typed;
    quint64 m_generation = 0;
    std::shared_ptr<QHash<qint64, qint64>> m_highlightVersions = std::make_shared<QHash<qint64, qint64>>();
};
