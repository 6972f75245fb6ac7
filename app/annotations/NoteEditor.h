#pragma once

#include "annotations/Annotations.h"

#include <QWidget>

class MarkdownEditor;
class MarkdownPreview;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTextBrowser;

// One note being edited: who wrote it and when, its Markdown (written, or previewed as
// rendered), and its tags. Every change is reported at once; saving is the pane's job.
class NoteEditor : public QWidget {
    Q_OBJECT
public:
    explicit NoteEditor(QWidget* parent = nullptr);

    // On a team's archive (`team`) the header says whether the note is shared; a colleague's note
    // (not `own`) is shown read-only, since the server refuses any change to it.
    void setNote(const mirsad::annotations::Note& note, const QString& highlightQuote, bool team = false,
                 bool own = true);
    bool isReadOnly() const { return m_readOnly; }
    // The archive cannot be written (storage::isReadOnly): every note is shown read-only.
    void setArchiveReadOnly(bool readOnly);
    void setSharing(bool team, bool shared);
    // No note open: nothing can be typed. With a quote, a highlight without a note is selected.
    void clearNote(const QString& highlightQuote = QString());
    qint64 noteId() const { return m_noteId; }
    // The note's version as it was loaded: what its saves name (NoteAutosaver).
    qint64 version() const { return m_version; }
    void setUpdated(const QDateTime& updated);

    MarkdownEditor* textEdit() const { return m_text; }
    QLineEdit* tagsEdit() const { return m_tags; }
    MarkdownPreview* preview() const { return m_preview; }
    void showPreview(bool preview);

signals:
    void edited(qint64 noteId, const QString& body, const QStringList& tags);

private:
    void reportEdit();
    void updateHeader();

    MarkdownEditor* m_text;
    MarkdownPreview* m_preview;
    QTabWidget* m_tabs;
    QLineEdit* m_tags;
    QLabel* m_header;
    QLabel* m_quote;
    qint64 m_noteId = 0;
    qint64 m_version = 0;
    QString m_author;
    bool m_team = false;
    bool m_shared = false;
    bool m_readOnly = false;
    bool m_archiveReadOnly = false;
    QDateTime m_created;
    QDateTime m_updated;
    bool m_loading = false;
};
