#include "annotations/MarkdownEditor.h"

#include "reader/HighlightColors.h"
#include "reader/LinkPolicy.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QEvent>

static KSyntaxHighlighting::Repository& repository() {
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

void followParagraphDirection(QTextDocument* document) {
    QTextOption option = document->defaultTextOption();
    if (option.textDirection() != Qt::LayoutDirectionAuto) {
        option.setTextDirection(Qt::LayoutDirectionAuto);
        document->setDefaultTextOption(option);
    }
}

MarkdownEditor::MarkdownEditor(QWidget* parent)
    : QTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document())) {
    setObjectName(QStringLiteral("markdownEditor"));
    setAcceptRichText(false);
    m_highlighter->setDefinition(repository().definitionForName(QStringLiteral("Markdown")));
    setPlaceholderText(tr("Write a note in Markdown: **bold**, _italic_, - lists, [links](https://…)"));
    setTabChangesFocus(true);
    followParagraphDirection(document());
    updateTheme();
}

void MarkdownEditor::updateTheme() {
    m_highlighter->setTheme(repository().defaultTheme(isDarkPalette(palette())
                                                          ? KSyntaxHighlighting::Repository::DarkTheme
                                                          : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->rehighlight();
}

void MarkdownEditor::changeEvent(QEvent* event) {
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateTheme();
    // The base class has just set the interface's direction on the whole document.
    if (event->type() == QEvent::LayoutDirectionChange)
        followParagraphDirection(document());
}

MarkdownPreview::MarkdownPreview(QWidget* parent)
    : QTextBrowser(parent) {
    setObjectName(QStringLiteral("notePreview"));
    openLinksOutside(this); // a colleague's shared note may link to anything
    followParagraphDirection(document());
}

void MarkdownPreview::showMarkdown(const QString& markdown) {
    setMarkdown(markdown);
    followParagraphDirection(document());
}

void MarkdownPreview::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::LayoutDirectionChange)
        followParagraphDirection(document());
}
