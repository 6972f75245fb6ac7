#pragma once

#include <QTextBrowser>
#include <QTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// Lays out each paragraph of a note by its own text (its first strong character: an English
// line left to right, an Arabic one right to left) rather than by the interface's direction,
// which Qt's text widgets otherwise impose on every paragraph.
void followParagraphDirection(QTextDocument* document);

// A plain-text editor for Markdown, highlighted by KSyntaxHighlighting's "Markdown" definition
// in the theme matching the palette. A QTextEdit that takes plain text only, rather than a
// QPlainTextEdit, whose layout aligns every paragraph to the same side whatever its direction.
class MarkdownEditor : public QTextEdit {
    Q_OBJECT
public:
    explicit MarkdownEditor(QWidget* parent = nullptr);
    // Re-picks the light or dark theme after a palette change.
    void updateTheme();

protected:
    void changeEvent(QEvent* event) override;

private:
    KSyntaxHighlighting::SyntaxHighlighter* m_highlighter;
};

// A note's Markdown, rendered; each paragraph (list item, quote) in its own direction.
class MarkdownPreview : public QTextBrowser {
    Q_OBJECT
public:
    explicit MarkdownPreview(QWidget* parent = nullptr);
    void showMarkdown(const QString& markdown);

protected:
    void changeEvent(QEvent* event) override;
};
