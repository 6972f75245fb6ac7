#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// A plain-text editor for Markdown, highlighted by KSyntaxHighlighting's "Markdown" definition
// in the theme matching the palette.
class MarkdownEditor : public QPlainTextEdit {
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
