#include "reader/RawSourceView.h"

#include "reader/HighlightColors.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

RawSourceView::RawSourceView(const QString& title, const QString& source, bool isHtml, QWidget* parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("rawSource"));
    setWindowTitle(tr("Source of “%1”").arg(title));
    m_editor->setReadOnly(true);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(source);
    if (isHtml) {
        static KSyntaxHighlighting::Repository repository;
        auto* highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document());
        highlighter->setTheme(repository.defaultTheme(isDarkPalette(palette())
                                                          ? KSyntaxHighlighting::Repository::DarkTheme
                                                          : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(repository.definitionForName(QStringLiteral("HTML")));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
    resize(900, 640);
}
