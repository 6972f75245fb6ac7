#include "annotations/NotesPane.h"

#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NoteEditor.h"
#include "reader/HighlightColors.h"
#include "window/AppSettings.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace mirsad;
using namespace mirsad::annotations;

// A note's line in the list: its first lines, marked, and indented under its highlight.
static QString noteLabel(const QString& body, bool attached) {
    const QString text = body.trimmed().isEmpty() ? NotesPane::tr("(empty note)") : body.section(u'\n', 0, 2);
    return (attached ? QStringLiteral("    ✎ ") : QStringLiteral("✎ ")) + text.left(200);
}

NotesPane::NotesPane(ArticleAnnotations& annotations, QWidget* parent)
    : QWidget(parent)
    , m_annotations(annotations)
    , m_autosaver(new NoteAutosaver(annotations.storage(), this))
    , m_title(new QLabel(tr("Notes and highlights")))
    , m_list(new QListWidget)
    , m_editor(new NoteEditor)
    , m_add(new QToolButton)
    , m_delete(new QToolButton) {
    setObjectName(QStringLiteral("notesPane"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setTextElideMode(Qt::ElideRight);
    m_add->setText(tr("New note"));
    m_add->setToolTip(tr("Add a note on the article, or on the selected highlight (Ctrl+Shift+N)"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected note or highlight (undo with Ctrl+Z)"));
    m_add->setObjectName(QStringLiteral("newNoteButton"));
    m_delete->setObjectName(QStringLiteral("deleteNoteButton"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_add);
    header->addWidget(m_delete);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    connect(m_add, &QToolButton::clicked, this, [this] {
        QListWidgetItem* item = m_list->currentItem();
        const bool onHighlight = item && item->data(KindRole).toInt() == HighlightItem;
        newNote(onHighlight ? item->data(IdRole).toLongLong() : 0);
    });
    connect(m_delete, &QToolButton::clicked, this, &NotesPane::deleteSelected);
    connect(m_list, &QListWidget::currentItemChanged, this, &NotesPane::onCurrentChanged);
    connect(&m_annotations, &ArticleAnnotations::changed, this, &NotesPane::rebuild);
    connect(&m_annotations, &ArticleAnnotations::noteCreated, this, &NotesPane::openNote);
    connect(m_editor, &NoteEditor::edited, this,
            [this](qint64 id, const QString& body, const QStringList& tags) {
                m_autosaver->edit(id, body, tags);
                m_annotations.noteEdited(id, body, tags, {});
                if (QListWidgetItem* item = itemFor(NoteItem, id))
                    item->setText(noteLabel(body, item->data(AttachedRole).toBool()));
            });
    connect(m_autosaver, &NoteAutosaver::saved, this, [this](qint64 id, const QDateTime& updated) {
        m_annotations.noteEdited(id, m_annotations.note(id) ? m_annotations.note(id)->body : QString(),
                                 m_annotations.note(id) ? m_annotations.note(id)->tags : QStringList(),
                                 updated);
        if (id == m_editor->noteId())
            m_editor->setUpdated(updated);
        emit noteSaved(id);
    });
    rebuild();
}

NotesPane::~NotesPane() {
    flush();
}

void NotesPane::flush() {
    m_autosaver->flush();
}

static QString noteDetails(const Note& note) {
    QString details = QStringLiteral("%1 · %2").arg(
        note.author, QLocale().toString(note.updated.toLocalTime(), QLocale::ShortFormat));
    if (!note.tags.isEmpty())
        details += QStringLiteral(" · #") + note.tags.join(QStringLiteral(" #"));
    return details;
}

void NotesPane::rebuild() {
    const QListWidgetItem* current = m_list->currentItem();
    const int currentKind = current ? current->data(KindRole).toInt() : -1;
    const qint64 currentId = current ? current->data(IdRole).toLongLong() : 0;
    QSignalBlocker blocker(m_list);
    m_list->clear();
    const bool dark = isDarkPalette(palette());
    const auto addNote = [&](const Note& note, bool attached) {
        auto* item = new QListWidgetItem(noteLabel(note.body, attached), m_list);
        item->setData(KindRole, NoteItem);
        item->setData(AttachedRole, attached);
        item->setData(IdRole, note.id);
        item->setToolTip(noteDetails(note));
    };
    const auto addHighlight = [&](const Highlight& h) {
        QString quote = h.selector.quote.simplified();
        if (quote.size() > 160)
            quote = quote.left(159) + u'…';
        auto* item = new QListWidgetItem(
            h.orphaned ? tr("⚠ Orphaned: “%1”").arg(quote) : QStringLiteral("❝%1❞").arg(quote), m_list);
        item->setData(KindRole, HighlightItem);
        item->setData(IdRole, h.id);
        item->setBackground(highlightColor(h.color, dark));
        item->setToolTip(h.orphaned
                             ? tr("The article's text changed and this passage could not be found again.")
                             : tr("Highlighted passage; select to show it in the article."));
        for (const Note& note : m_annotations.notes())
            if (note.highlightId == h.id)
                addNote(note, true);
    };
    for (const Note& note : m_annotations.notes())
        if (note.highlightId == 0 || !m_annotations.highlight(note.highlightId))
            addNote(note, false);
    for (const Highlight& h : m_annotations.highlights())
        addHighlight(h);

    if (m_list->count() == 0) {
        auto* empty = new QListWidgetItem(m_annotations.articleId() > 0
                                              ? tr("No notes or highlights yet. Select text in the article "
                                                   "and press Ctrl+H to highlight it.")
                                              : QString(),
                                          m_list);
        empty->setFlags(Qt::NoItemFlags);
        empty->setData(KindRole, -1);
    }
    if (QListWidgetItem* again = itemFor(ItemKind(currentKind), currentId))
        m_list->setCurrentItem(again);
    m_add->setEnabled(m_annotations.articleId() > 0);
    m_delete->setEnabled(m_list->currentItem() != nullptr);

    blocker.unblock();
    // The open note stays open while it exists; a note of another article is closed.
    if (m_editor->noteId() > 0 && !m_annotations.note(m_editor->noteId())) {
        m_autosaver->flush();
        m_editor->clearNote();
    }
    if (m_pendingOpen > 0 && m_annotations.note(m_pendingOpen))
        openNote(std::exchange(m_pendingOpen, 0));
}

QListWidgetItem* NotesPane::itemFor(ItemKind kind, qint64 id) const {
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(KindRole).toInt() == kind && item->data(IdRole).toLongLong() == id)
            return item;
    }
    return nullptr;
}

void NotesPane::onCurrentChanged(QListWidgetItem* item) {
    m_delete->setEnabled(item != nullptr);
    if (!item)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    if (item->data(KindRole).toInt() == NoteItem) {
        if (id != m_editor->noteId()) {
            m_autosaver->flush();
            if (const Note* note = m_annotations.note(id)) {
                const Highlight* h = m_annotations.highlight(note->highlightId);
                m_editor->setNote(*note, h ? h->selector.quote : QString());
            }
        }
    } else if (item->data(KindRole).toInt() == HighlightItem) {
        emit highlightSelected(id);
    }
}

void NotesPane::openNote(qint64 noteId) {
    QListWidgetItem* item = itemFor(NoteItem, noteId);
    if (!item) {
        m_pendingOpen = noteId; // after the next rebuild
        return;
    }
    m_list->setCurrentItem(item);
    m_editor->showPreview(false);
    m_editor->textEdit()->setFocus();
}

void NotesPane::newNote(qint64 highlightId) {
    m_autosaver->flush();
    m_annotations.addNote(highlightId, AppSettings::author());
}

void NotesPane::deleteSelected() {
    QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    if (item->data(KindRole).toInt() == NoteItem) {
        m_autosaver->flush();
        if (id == m_editor->noteId())
            m_editor->clearNote();
        m_annotations.deleteNote(id);
    } else if (item->data(KindRole).toInt() == HighlightItem) {
        m_annotations.removeHighlight(id);
    }
}

int NotesPane::noteCount() const {
    return int(m_annotations.notes().size());
}

int NotesPane::highlightCount() const {
    return int(m_annotations.highlights().size());
}
