#include "annotations/NotesPane.h"

#include "annotations/ArticleAnnotations.h"
#include "annotations/HistoryDialog.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NoteEditor.h"
#include "annotations/NoteListDelegate.h"
#include "reader/HighlightColors.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mirsad;
using namespace mirsad::annotations;

// Text of the analyst's in its own direction (a Unicode first-strong isolate per line), so that an
// English line keeps its "- " and "> " at its start in the Arabic interface, and the reverse.
static QString isolated(const QString& text) {
    QStringList lines = text.split(u'\n');
    for (QString& line : lines)
        line = QChar(0x2068) + line + QChar(0x2069);
    return lines.join(u'\n');
}

// A note's line in the list: its first lines, marked, and indented under its highlight.
static QString noteLabel(const QString& body, bool attached) {
    const QString text = body.trimmed().isEmpty() ? NotesPane::tr("(empty note)")
                                                  : isolated(body.section(u'\n', 0, 2).left(200));
    return (attached ? QStringLiteral("    ✎ ") : QStringLiteral("✎ ")) + text;
}

// On a team's archive, a row's line that says whose it is and whether the team sees it.
static QString sharingLine(const QString& author, bool shared) {
    const QString name =
        QChar(0x2068) + (author.isEmpty() ? NotesPane::tr("Anonymous") : author) + QChar(0x2069);
    return shared ? NotesPane::tr("%1 · Shared with the team").arg(name)
                  : NotesPane::tr("%1 · Private").arg(name);
}

static QString sharingTip(const QString& author, bool shared, bool own) {
    if (!own)
        return NotesPane::tr("%1's, shared with the team; only its author can change it.").arg(author);
    return shared ? NotesPane::tr("Yours, shared with the team.")
                  : NotesPane::tr("Yours and private: only you can see it until you share it.");
}

// A row's text: its own, then on a team's archive the line that says whose it is.
static QString withSharing(const QString& text, const QListWidgetItem* item) {
    const QString sharing = item->data(NotesPane::SharingRole).toString();
    return sharing.isEmpty() ? text : text + u'\n' + sharing;
}

static void markSharing(QListWidgetItem* item, bool team, const QString& author, bool shared, bool own) {
    item->setData(NotesPane::OwnRole, own);
    item->setData(NotesPane::SharedRole, shared);
    if (!team)
        return;
    item->setData(NotesPane::SharingRole, sharingLine(author, shared));
    item->setText(withSharing(item->text(), item));
    item->setToolTip(item->toolTip() + u'\n' + sharingTip(author, shared, own));
}

NotesPane::NotesPane(ArticleAnnotations& annotations, QWidget* parent)
    : QWidget(parent)
    , m_annotations(annotations)
    , m_autosaver(new NoteAutosaver(annotations.storage(), this))
    , m_title(new QLabel(tr("Notes and highlights")))
    , m_status(new QLabel)
    , m_list(new QListWidget)
    , m_delegate(new NoteListDelegate(this))
    , m_editor(new NoteEditor)
    , m_add(new QToolButton)
    , m_delete(new QToolButton)
    , m_share(new QToolButton)
    , m_tagRow(new QWidget)
    , m_tagBox(new QComboBox)
    , m_articlesWithTag(new QToolButton) {
    setObjectName(QStringLiteral("notesPane"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status->setObjectName(QStringLiteral("notesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();
    m_autosaver->setConflictHeader(
        tr("> **Conflict copy** of note %1 by %2: the note was saved elsewhere before this text was, so "
           "this text is kept here.") +
        u"\n\n"_s);
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setTextElideMode(Qt::ElideRight);
    // Three lines when the window is small (800×500); it grows with the pane.
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 3 + 12);
    m_list->setItemDelegate(m_delegate);
    m_add->setText(tr("New note"));
    m_add->setToolTip(tr("Add a note on the article, or on the selected highlight (Ctrl+Shift+N)"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected note or highlight (undo with Ctrl+Z)"));
    m_add->setObjectName(QStringLiteral("newNoteButton"));
    m_delete->setObjectName(QStringLiteral("deleteNoteButton"));
    m_delete->setEnabled(false);
    // Sharing exists on a team's archive only: the button shows there.
    m_share->setObjectName(QStringLiteral("shareNoteButton"));
    m_share->setText(tr("Shared"));
    m_share->setCheckable(true);
    m_share->setEnabled(false);
    m_share->hide();
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    // The tag filter: the tags of the article's notes; a click on a tag chip picks one too.
    m_tagBox->setObjectName(QStringLiteral("noteTagFilter"));
    m_tagBox->setToolTip(tr("Show only the notes with this tag"));
    m_tagBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tagBox->setMinimumContentsLength(8);
    m_articlesWithTag->setObjectName(QStringLiteral("articlesWithTagButton"));
    m_articlesWithTag->setText(tr("Articles"));
    m_articlesWithTag->setToolTip(tr("List the articles that have a note with this tag"));
    auto* tagLabel = new QLabel(tr("&Tag:"));
    tagLabel->setBuddy(m_tagBox);
    auto* tagRow = new QHBoxLayout(m_tagRow);
    tagRow->setContentsMargins(0, 0, 0, 0);
    tagRow->addWidget(tagLabel);
    tagRow->addWidget(m_tagBox, 1);
    tagRow->addWidget(m_articlesWithTag);
    m_tagRow->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_add);
    header->addWidget(m_share);
    header->addWidget(m_delete);
    auto* listColumn = new QWidget;
    auto* listLayout = new QVBoxLayout(listColumn);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_tagRow);
    listLayout->addWidget(m_list, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(listColumn);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_add, &QToolButton::clicked, this, [this] {
        QListWidgetItem* item = selectedItem();
        const bool onHighlight = item && item->data(KindRole).toInt() == HighlightItem;
        newNote(onHighlight ? item->data(IdRole).toLongLong() : 0);
    });
    connect(m_delete, &QToolButton::clicked, this, &NotesPane::deleteSelected);
    connect(m_share, &QToolButton::clicked, this, &NotesPane::setSelectedShared);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &NotesPane::showContextMenu);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        followSelection();
        if (item && item == selectedItem() && item->data(KindRole).toInt() == HighlightItem)
            emit highlightSelected(item->data(IdRole).toLongLong());
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &NotesPane::followSelection);
    // Queued: the list is rebuilt, which must not happen inside its own mouse event.
    connect(m_delegate, &NoteListDelegate::tagClicked, this, &NotesPane::setTagFilter, Qt::QueuedConnection);
    connect(m_tagBox, &QComboBox::activated, this,
            [this](int index) { setTagFilter(m_tagBox->itemData(index).toString()); });
    connect(m_articlesWithTag, &QToolButton::clicked, this, [this] {
        if (!m_tagFilter.isEmpty())
            emit articlesWithTagRequested(m_tagFilter);
    });
    connect(&m_annotations, &ArticleAnnotations::changed, this, &NotesPane::rebuild);
    connect(&m_annotations, &ArticleAnnotations::noteCreated, this, &NotesPane::openNote);
    // Undo and redo change notes on disk: what is typed is written first.
    connect(&m_annotations, &ArticleAnnotations::aboutToWrite, this, &NotesPane::flush);
    connect(m_editor, &NoteEditor::edited, this,
            [this](qint64 id, const QString& body, const QStringList& tags) {
                m_autosaver->edit(id, m_editor->version(), body, tags);
                const bool tagsChanged = m_annotations.note(id) && m_annotations.note(id)->tags != tags;
                m_annotations.noteEdited(id, body, tags, {});
                if (QListWidgetItem* item = itemFor(NoteItem, id)) {
                    item->setText(withSharing(noteLabel(body, item->data(AttachedRole).toBool()), item));
                    item->setData(NoteListDelegate::TagsRole, tags);
                }
                if (tagsChanged)
                    updateTagBox();
            });
    connect(m_autosaver, &NoteAutosaver::saved, this, [this](qint64 id, const QDateTime& updated) {
        // A conflict copy not listed yet keeps the text the pane gave it (conflictCopied).
        if (const Note* note = m_annotations.note(id))
            m_annotations.noteEdited(id, note->body, note->tags, updated);
        if (id == m_editor->noteId())
            m_editor->setUpdated(updated);
        emit noteSaved(id);
    });
    connect(m_autosaver, &NoteAutosaver::conflict, this, &NotesPane::conflictCopied);
    connect(m_autosaver, &NoteAutosaver::offlineChanged, this, [this](bool offline) {
        if (offline)
            showStatus(tr("Offline — saved locally. The server cannot be reached; what you type is kept "
                          "on this computer and saved to the server when it is back."),
                       true);
        else
            showStatus(tr("Back online: everything you typed is saved on the server."), false);
    });
    connect(m_autosaver, &NoteAutosaver::journalSaved, this, [this](int notes) {
        showStatus(tr("%n note(s) typed while the server was away are now saved on it.", nullptr, notes),
                   false);
        m_annotations.reload();
    });
    connect(m_autosaver, &NoteAutosaver::recovered, this, [this](int notes) {
        showStatus(
            tr("Recovered %n note(s): what you typed before Mirsad last stopped is saved.", nullptr, notes),
            false);
        m_annotations.reload();
    });
    rebuild();
}

void NotesPane::showStatus(const QString& text, bool warning) {
    m_status->setText((warning ? u"⚠ "_s : u"✓ "_s) + text);
    m_status->setProperty("warning", warning);
    // Framed in the theme's colours, so that it reads in the dark theme and the light.
    m_status->setStyleSheet(warning
                                ? u"QLabel { border: 1px solid palette(highlight); border-radius: 3px; "
                                  u"padding: 4px; background: palette(alternate-base); font-weight: bold; }"_s
                                : u"QLabel { border: 1px solid palette(mid); border-radius: 3px; "
                                  u"padding: 4px; background: palette(alternate-base); }"_s);
    m_status->show();
    // Good news goes after a while; a warning stays until something else is to be said.
    if (!warning)
        QTimer::singleShot(10000, m_status, [label = m_status, shown = m_status->text()] {
            if (label->text() == shown)
                label->hide();
        });
    emit statusMessage(text);
}

void NotesPane::conflictCopied(qint64 noteId, qint64 copyId, const QString& author, const QString& prefix) {
    // The note shows what was saved elsewhere; what was typed here is in the copy, opened in its place.
    const Note* note = m_annotations.note(noteId);
    const bool editing = m_editor->noteId() == noteId;
    const QString typed = editing ? m_editor->textEdit()->toPlainText() : note ? note->body : QString();
    const QStringList tags = editing ? parseTags(m_editor->tagsEdit()->text())
                             : note  ? note->tags
                                     : QStringList();
    m_annotations.forgetTyped(noteId);
    m_annotations.noteEdited(copyId, prefix + typed, tags, {});
    if (editing) {
        m_cursorAfterOpen = {copyId, int(prefix.size()) + m_editor->textEdit()->textCursor().position()};
        m_pendingOpen = copyId;
    }
    const QString name = author.isEmpty() ? tr("Anonymous") : author;
    showStatus(editing ? tr("Note %1 by %2 was saved elsewhere before your text was. Nothing is lost: your "
                            "text is kept as a conflict copy beside it, open below.")
                             .arg(noteId)
                             .arg(name)
                       : tr("Note %1 by %2 was saved elsewhere before your text was. Nothing is lost: your "
                            "text is kept as a conflict copy beside it.")
                             .arg(noteId)
                             .arg(name),
               true);
    m_annotations.reload();
}

NotesPane::~NotesPane() {
    flush();
}

void NotesPane::flush() {
    m_autosaver->flush();
}

void NotesPane::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The highlight rows are painted in the theme's highlight colours: repaint them in the new ones.
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

static QString noteDetails(const Note& note) {
    QString details = QStringLiteral("%1 · %2").arg(
        note.author, QLocale().toString(note.updated.toLocalTime(), QLocale::ShortFormat));
    if (!note.tags.isEmpty())
        details += QStringLiteral(" · #") + note.tags.join(QStringLiteral(" #"));
    return details;
}

void NotesPane::rebuild() {
    const QListWidgetItem* current = selectedItem();
    const int currentKind = current ? current->data(KindRole).toInt() : -1;
    const qint64 currentId = current ? current->data(IdRole).toLongLong() : 0;
    // A colleague's note read in (a team's archive) must not move the list under the analyst.
    const int scrolled = m_list->verticalScrollBar()->value();
    QSignalBlocker blocker(m_list);
    m_list->clear();
    const bool dark = isDarkPalette(palette());
    const bool team = m_annotations.isTeam();
    const auto shown = [this](const Note& note) {
        return m_tagFilter.isEmpty() || note.tags.contains(m_tagFilter, Qt::CaseInsensitive);
    };
    const auto addNote = [&](const Note& note, bool attached) {
        auto* item = new QListWidgetItem(noteLabel(note.body, attached), m_list);
        item->setData(KindRole, NoteItem);
        item->setData(AttachedRole, attached);
        item->setData(IdRole, note.id);
        item->setData(NoteListDelegate::TagsRole, note.tags);
        item->setToolTip(noteDetails(note));
        markSharing(item, team, note.author, note.shared, m_annotations.isOwn(note.author));
    };
    const auto addHighlight = [&](const Highlight& h) {
        QList<const Note*> notes;
        for (const Note& note : m_annotations.notes())
            if (note.highlightId == h.id && shown(note))
                notes << &note;
        if (!m_tagFilter.isEmpty() && notes.isEmpty())
            return;
        QString quote = h.selector.quote.simplified();
        if (quote.size() > 160)
            quote = quote.left(159) + u'…';
        auto* item = new QListWidgetItem(h.orphaned ? tr("⚠ Orphaned: “%1”").arg(isolated(quote))
                                                    : isolated(QStringLiteral("❝%1❞").arg(quote)),
                                         m_list);
        item->setData(KindRole, HighlightItem);
        item->setData(IdRole, h.id);
        // The highlight colour as the row's background, with text that reads on it in any theme.
        const QColor background = highlightColor(h.color, dark);
        item->setBackground(background);
        item->setForeground(readableTextOn(background));
        item->setToolTip(h.orphaned
                             ? tr("The article's text changed and this passage could not be found again.")
                             : tr("Highlighted passage; select to show it in the article."));
        markSharing(item, team, h.author, h.shared, m_annotations.isOwn(h.author));
        for (const Note* note : notes)
            addNote(*note, true);
    };
    for (const Note& note : m_annotations.notes())
        if ((note.highlightId == 0 || !m_annotations.highlight(note.highlightId)) && shown(note))
            addNote(note, false);
    for (const Highlight& h : m_annotations.highlights())
        addHighlight(h);

    if (m_list->count() == 0) {
        QString text;
        if (m_annotations.articleId() > 0)
            text = m_tagFilter.isEmpty() ? tr("No notes or highlights yet. Select text in the article "
                                              "and press Ctrl+H to highlight it.")
                                         : tr("No note on this article is tagged #%1.").arg(m_tagFilter);
        auto* empty = new QListWidgetItem(text, m_list);
        empty->setFlags(Qt::NoItemFlags);
        empty->setData(KindRole, -1);
    }
    if (QListWidgetItem* again = itemFor(ItemKind(currentKind), currentId))
        m_list->setCurrentItem(again);
    m_list->verticalScrollBar()->setValue(scrolled);
    m_add->setEnabled(m_annotations.articleId() > 0 && !m_archiveReadOnly);
    m_share->setVisible(team);
    updateTagBox();

    blocker.unblock();
    // The editor shows what is selected now (a note gone or filtered out is saved and closed).
    followSelection();
    if (m_pendingOpen > 0 && m_annotations.note(m_pendingOpen))
        openNote(std::exchange(m_pendingOpen, 0));
}

void NotesPane::updateTagBox() {
    QStringList tags;
    for (const Note& note : m_annotations.notes())
        for (const QString& tag : note.tags)
            if (!tags.contains(tag, Qt::CaseInsensitive))
                tags << tag;
    if (!m_tagFilter.isEmpty() && !tags.contains(m_tagFilter, Qt::CaseInsensitive))
        tags << m_tagFilter; // kept while the analyst moves between articles
    std::sort(tags.begin(), tags.end(),
              [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
    const QSignalBlocker blocker(m_tagBox);
    m_tagBox->clear();
    m_tagBox->addItem(tr("All notes"), QString());
    for (const QString& tag : tags)
        m_tagBox->addItem(u'#' + tag, tag);
    const int index =
        m_tagFilter.isEmpty() ? 0 : m_tagBox->findData(m_tagFilter, Qt::UserRole, Qt::MatchFixedString);
    m_tagBox->setCurrentIndex(qMax(0, index));
    m_articlesWithTag->setEnabled(!m_tagFilter.isEmpty());
    m_tagRow->setVisible(!tags.isEmpty());
}

void NotesPane::setTagFilter(const QString& tag) {
    if (tag == m_tagFilter)
        return;
    m_tagFilter = tag;
    rebuild();
}

QListWidgetItem* NotesPane::selectedItem() const {
    QListWidgetItem* current = m_list->currentItem();
    return current && current->isSelected() ? current : nullptr;
}

QListWidgetItem* NotesPane::itemFor(ItemKind kind, qint64 id) const {
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(KindRole).toInt() == kind && item->data(IdRole).toLongLong() == id)
            return item;
    }
    return nullptr;
}

void NotesPane::followSelection() {
    const QListWidgetItem* item = selectedItem();
    const int kind = item ? item->data(KindRole).toInt() : -1;
    const qint64 id = item ? item->data(IdRole).toLongLong() : 0;
    // A colleague's note or highlight is read-only: the server would refuse any change.
    const bool own = item && item->data(OwnRole).toBool();
    const bool deletable = (kind == NoteItem || kind == HighlightItem) && own && !m_archiveReadOnly;
    m_delete->setEnabled(deletable);
    m_share->setEnabled(deletable && m_annotations.isTeam());
    m_share->setChecked(item && item->data(SharedRole).toBool());
    m_share->setToolTip(!item || own ? tr("Share the selected note or highlight with the team, or make it "
                                          "private again (undo with Ctrl+Z)")
                                     : item->toolTip());
    m_delete->setToolTip(!item || own ? tr("Delete the selected note or highlight (undo with Ctrl+Z)")
                                      : item->toolTip());
    if (deletable != m_canDelete) {
        m_canDelete = deletable;
        emit canDeleteChanged(deletable);
    }
    const Note* note = kind == NoteItem ? m_annotations.note(id) : nullptr;
    if (note && note->id == m_editor->noteId() && m_editor->isReadOnly() == (!own || m_archiveReadOnly)) {
        // The same note (the lists were read again): what is typed stays; its sharing may have changed.
        m_editor->setSharing(m_annotations.isTeam(), note->shared);
        return;
    }
    // Leaving a note: what was typed into it is saved before the editor shows anything else.
    if (m_editor->noteId() > 0)
        m_autosaver->flush();
    if (note) {
        const Highlight* h = m_annotations.highlight(note->highlightId);
        m_editor->setNote(*note, h ? h->selector.quote : QString(), m_annotations.isTeam(), own);
    } else {
        // A highlight, or nothing: there is no note to type into.
        const Highlight* h = kind == HighlightItem ? m_annotations.highlight(id) : nullptr;
        m_editor->clearNote(h ? h->selector.quote : QString());
    }
}

void NotesPane::openNote(qint64 noteId) {
    QListWidgetItem* item = itemFor(NoteItem, noteId);
    if (!item && !m_tagFilter.isEmpty() && m_annotations.note(noteId)) {
        m_tagFilter.clear(); // a new note has no tags yet: show everything
        rebuild();
        item = itemFor(NoteItem, noteId);
    }
    if (!item) {
        m_pendingOpen = noteId; // after the next rebuild
        return;
    }
    m_list->setCurrentItem(item);
    m_editor->showPreview(false);
    m_editor->textEdit()->setFocus();
    if (m_cursorAfterOpen.first == noteId && m_editor->noteId() == noteId) {
        QTextCursor cursor = m_editor->textEdit()->textCursor();
        cursor.setPosition(qMin(m_cursorAfterOpen.second, int(m_editor->textEdit()->toPlainText().size())));
        m_editor->textEdit()->setTextCursor(cursor);
        m_cursorAfterOpen = {0, 0};
    }
}

void NotesPane::setArchiveReadOnly(bool readOnly) {
    m_archiveReadOnly = readOnly;
    m_editor->setArchiveReadOnly(readOnly);
    m_add->setEnabled(m_annotations.articleId() > 0 && !readOnly);
    followSelection();
}

void NotesPane::newNote(qint64 highlightId) {
    if (m_archiveReadOnly) {
        emit statusMessage(tr("This archive is read-only: a note cannot be added to it."));
        return;
    }
    m_autosaver->flush();
    m_annotations.addNote(highlightId, m_annotations.author());
}

bool NotesPane::canDelete() const {
    return m_canDelete;
}

void NotesPane::deleteSelected() {
    QListWidgetItem* item = selectedItem();
    if (!item || m_archiveReadOnly)
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

bool NotesPane::canShare() const {
    return m_share->isEnabled();
}

void NotesPane::setSelectedShared(bool shared) {
    const QListWidgetItem* item = selectedItem();
    if (!item || !canShare())
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    if (item->data(KindRole).toInt() == NoteItem)
        m_annotations.setNoteShared(id, shared);
    else
        m_annotations.setHighlightShared(id, shared);
}

void NotesPane::showContextMenu(const QPoint& pos) {
    QListWidgetItem* item = m_list->itemAt(pos);
    if (!item || !(item->flags() & Qt::ItemIsSelectable))
        return;
    m_list->setCurrentItem(item);
    QMenu menu(this);
    if (m_annotations.isTeam()) {
        const bool shared = item->data(SharedRole).toBool();
        QAction* share = menu.addAction(shared ? tr("Make private") : tr("Share with the team"));
        share->setEnabled(canShare());
        connect(share, &QAction::triggered, this, [this, shared] { setSelectedShared(!shared); });
    }
    QAction* remove = menu.addAction(tr("Delete"));
    remove->setEnabled(canDelete());
    connect(remove, &QAction::triggered, this, &NotesPane::deleteSelected);
    // Only a team's server keeps history (resources/migrations-postgresql/009).
    menu.addSeparator();
    QAction* history = menu.addAction(tr("History…"));
    history->setEnabled(m_annotations.isTeam());
    history->setToolTip(m_annotations.isTeam() ? tr("Who added, changed or deleted it, and when")
                                               : tr("Only a team's archive keeps history"));
    connect(history, &QAction::triggered, this, &NotesPane::showSelectedHistory);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void NotesPane::showSelectedHistory() {
    const QListWidgetItem* item = selectedItem();
    if (!item || !m_annotations.isTeam())
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    const bool isNote = item->data(KindRole).toInt() == NoteItem;
    QString label;
    if (const Note* note = isNote ? m_annotations.note(id) : nullptr)
        label = note->body.section(u'\n', 0, 0);
    else if (const Highlight* h = isNote ? nullptr : m_annotations.highlight(id))
        label = u'❝' + h->selector.quote + u'❞';
    // What was just typed reaches the server first, so that the history shows it.
    m_autosaver->flush();
    if (m_history)
        m_history->close();
    m_history = new HistoryDialog(m_annotations.storage(),
                                  isNote ? AnnotationKind::Note : AnnotationKind::Highlight, id, label, this);
    m_history->setAttribute(Qt::WA_DeleteOnClose);
    m_history->show();
}

HistoryDialog* NotesPane::historyDialog() const {
    return m_history;
}

int NotesPane::noteCount() const {
    return int(m_annotations.notes().size());
}

int NotesPane::highlightCount() const {
    return int(m_annotations.highlights().size());
}
