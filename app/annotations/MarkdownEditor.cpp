#include "annotations/MarkdownEditor.h"

#include "reader/HighlightColors.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QEvent>

static KSyntaxHighlighting::Repository& repository() {
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

MarkdownEditor::MarkdownEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document())) {
    setObjectName(QStringLiteral("markdownEditor"));
    m_highlighter->setDefinition(repository().definitionForName(QStringLiteral("Markdown")));
    setPlaceholderText(tr("Write a note in Markdown: **bold**, _italic_, - lists, [links](https://…)"));
    setTabChangesFocus(true);
    updateTheme();
}

void MarkdownEditor::updateTheme() {
    m_highlighter->setTheme(repository().defaultTheme(isDarkPalette(palette())
                                                          ? KSyntaxHighlighting::Repository::DarkTheme
                                                          : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->rehighlight();
}

void MarkdownEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateTheme();
}
