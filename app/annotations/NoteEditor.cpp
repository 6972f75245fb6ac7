#include "annotations/NoteEditor.h"

#include "annotations/MarkdownEditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace mirsad::annotations;

NoteEditor::NoteEditor(QWidget* parent)
    : QWidget(parent)
    , m_text(new MarkdownEditor)
    , m_preview(new MarkdownPreview)
    , m_tabs(new QTabWidget)
    , m_tags(new QLineEdit)
    , m_header(new QLabel)
    , m_quote(new QLabel) {
    setObjectName(QStringLiteral("noteEditor"));
    m_tags->setObjectName(QStringLiteral("noteTags"));
    m_tags->setPlaceholderText(tr("tags, comma separated"));
    m_header->setObjectName(QStringLiteral("noteHeader"));
    m_header->setForegroundRole(QPalette::PlaceholderText);
    // Wrapped: a long author or date line must not widen the notes pane when a note opens.
    m_header->setWordWrap(true);
    m_quote->setWordWrap(true);
    m_quote->setTextFormat(Qt::PlainText);
    m_tabs->addTab(m_text, tr("&Write"));
    m_tabs->addTab(m_preview, tr("&Preview"));
    m_tabs->setDocumentMode(true);
    // Two lines to write in when the window is small (800×500); the pane grows with it.
    for (QWidget* page : {static_cast<QWidget*>(m_text), static_cast<QWidget*>(m_preview)})
        page->setMinimumHeight(page->fontMetrics().lineSpacing() * 2 + 12);

    auto* tagsRow = new QFormLayout;
    tagsRow->setContentsMargins(0, 0, 0, 0);
    tagsRow->addRow(tr("Ta&gs:"), m_tags);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_quote);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(tagsRow);

    connect(m_text, &QTextEdit::textChanged, this, &NoteEditor::reportEdit);
    connect(m_tags, &QLineEdit::textEdited, this, &NoteEditor::reportEdit);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_preview->showMarkdown(m_text->toPlainText());
    });
    clearNote();
}

void NoteEditor::setNote(const Note& note, const QString& highlightQuote, bool team, bool own) {
    m_loading = true;
    m_noteId = note.id;
    m_version = note.version;
    m_author = note.author;
    m_team = team;
    m_shared = note.shared;
    m_readOnly = !own || m_archiveReadOnly;
    m_text->setReadOnly(m_readOnly);
    m_tags->setReadOnly(m_readOnly);
    const QString whose =
        m_archiveReadOnly
            ? tr("This archive is read-only: notes can be read, not changed.")
            : (m_readOnly ? tr("This note is %1's: only its author can change it.").arg(note.author)
                          : QString());
    m_text->setToolTip(whose);
    m_tags->setToolTip(whose);
    m_created = note.created;
    m_updated = note.updated;
    m_text->setPlainText(note.body);
    m_tags->setText(joinTags(note.tags));
    m_quote->setText(highlightQuote.isEmpty() ? QString() : QStringLiteral("❝%1❞").arg(highlightQuote));
    m_quote->setVisible(!highlightQuote.isEmpty());
    if (m_tabs->currentIndex() == 1)
        m_preview->showMarkdown(note.body);
    setEnabled(true);
    updateHeader();
    m_loading = false;
}

void NoteEditor::clearNote(const QString& highlightQuote) {
    m_loading = true;
    m_noteId = 0;
    m_version = 0;
    m_readOnly = false;
    m_text->setReadOnly(false);
    m_tags->setReadOnly(false);
    m_text->setToolTip(QString());
    m_tags->setToolTip(QString());
    m_text->clear();
    m_tags->clear();
    m_preview->clear();
    m_quote->setText(highlightQuote.isEmpty() ? QString() : QStringLiteral("❝%1❞").arg(highlightQuote));
    m_quote->setVisible(!highlightQuote.isEmpty());
    m_header->setText(highlightQuote.isEmpty()
                          ? tr("Select a note, or add one with Ctrl+Shift+N.")
                          : tr("A highlighted passage. Add a note on it with Ctrl+Shift+N."));
    setEnabled(false);
    m_loading = false;
}

void NoteEditor::setArchiveReadOnly(bool readOnly) {
    m_archiveReadOnly = readOnly;
    if (m_noteId <= 0)
        return;
    m_readOnly = m_readOnly || readOnly;
    m_text->setReadOnly(m_readOnly);
    m_tags->setReadOnly(m_readOnly);
    updateHeader();
}

void NoteEditor::setUpdated(const QDateTime& updated) {
    m_updated = updated;
    updateHeader();
}

void NoteEditor::setSharing(bool team, bool shared) {
    if (m_noteId <= 0 || (team == m_team && shared == m_shared))
        return;
    m_team = team;
    m_shared = shared;
    updateHeader();
}

void NoteEditor::showPreview(bool preview) {
    m_tabs->setCurrentIndex(preview ? 1 : 0);
}

void NoteEditor::reportEdit() {
    if (m_loading || m_noteId <= 0 || m_readOnly)
        return;
    emit edited(m_noteId, m_text->toPlainText(), parseTags(m_tags->text()));
}

void NoteEditor::updateHeader() {
    const QLocale locale;
    // The name isolated: a Latin role name must not turn the Arabic header left to right.
    QString text = QChar(0x2068) + (m_author.isEmpty() ? tr("Anonymous") : m_author) + QChar(0x2069);
    if (m_team)
        text += QStringLiteral(" · ") + (m_shared ? tr("Shared with the team") : tr("Private"));
    if (m_readOnly)
        text += QStringLiteral(" · ") + tr("read-only");
    text += QStringLiteral(" · ") +
            tr("created %1").arg(locale.toString(m_created.toLocalTime(), QLocale::ShortFormat));
    if (m_updated.isValid() && m_updated.secsTo(m_created) != 0)
        text += QStringLiteral(" · ") +
                tr("updated %1").arg(locale.toString(m_updated.toLocalTime(), QLocale::ShortFormat));
    m_header->setText(text);
}
