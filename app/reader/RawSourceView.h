#pragma once

#include <QDialog>

class QPlainTextEdit;

// The article as it was stored (its sanitised HTML, or its text), highlighted by
// KSyntaxHighlighting's "HTML" definition.
class RawSourceView : public QDialog {
    Q_OBJECT
public:
    RawSourceView(const QString& title, const QString& source, bool isHtml, QWidget* parent = nullptr);
    QPlainTextEdit* editor() const { return m_editor; }

private:
    QPlainTextEdit* m_editor;
};
