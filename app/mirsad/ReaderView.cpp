#include "ReaderView.h"

#include "text/TextDirection.h"

#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

ReaderView::ReaderView(QWidget* parent)
    : QTextBrowser(parent) {
    setObjectName(QStringLiteral("reader"));
    setOpenExternalLinks(true);
    setOpenLinks(true);
    document()->setDocumentMargin(24);
    // Remote content never loads: QTextBrowser only fetches local resources by default.
}

static QTextBlockFormat blockFormat(Qt::LayoutDirection direction, qreal bottomMargin) {
    QTextBlockFormat format;
    format.setLayoutDirection(direction);
    format.setAlignment(direction == Qt::RightToLeft ? Qt::AlignRight | Qt::AlignAbsolute
                                                     : Qt::AlignLeft | Qt::AlignAbsolute);
    format.setBottomMargin(bottomMargin);
    format.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
    return format;
}

void ReaderView::showArticle(const mirsad::Article& article, const QString& feedTitle) {
    m_articleId = article.id;
    QTextDocument* doc = document();
    doc->clear();
    QTextCursor cursor(doc);
    const QFont base = font();

    QTextCharFormat titleFormat;
    titleFormat.setFontPointSize(base.pointSizeF() * 1.6);
    titleFormat.setFontWeight(QFont::Bold);
    cursor.setBlockFormat(blockFormat(mirsad::text::paragraphDirection(article.title), 6));
    cursor.insertText(article.title, titleFormat);

    QStringList meta;
    if (!article.source.isEmpty())
        meta << article.source;
    if (!feedTitle.isEmpty() && feedTitle != article.source)
        meta << feedTitle;
    if (article.published.isValid())
        meta << QLocale().toString(article.published.toLocalTime(), QLocale::LongFormat);
    QTextCharFormat metaFormat;
    metaFormat.setForeground(palette().placeholderText());
    cursor.insertBlock(blockFormat(Qt::LeftToRight, article.tags.isEmpty() ? 18 : 4));
    cursor.insertText(meta.join(QStringLiteral("  ·  ")), metaFormat);
    if (!article.tags.isEmpty()) {
        cursor.insertBlock(blockFormat(Qt::LeftToRight, 18));
        cursor.insertText(article.tags.join(QStringLiteral("  ·  ")), metaFormat);
    }

    cursor.insertBlock(blockFormat(Qt::LeftToRight, 12), QTextCharFormat());
    m_textOffset = cursor.position();
    m_paragraphs.clear();
    const QStringList paragraphs = article.text.split(QStringLiteral("\n\n"));
    qsizetype textIndex = 0;
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.setBlockFormat(blockFormat(mirsad::text::paragraphDirection(paragraphs.at(i)), 12));
        m_paragraphs.append({textIndex, cursor.position()});
        cursor.insertText(paragraphs.at(i));
        textIndex += paragraphs.at(i).size() + 2;
    }
    cursor.movePosition(QTextCursor::Start);
    setTextCursor(cursor);
}

int ReaderView::documentPosition(qsizetype textIndex) const {
    // The last paragraph that starts at or before textIndex.
    auto it = std::upper_bound(m_paragraphs.cbegin(), m_paragraphs.cend(), textIndex,
                               [](qsizetype index, const Paragraph& p) { return index < p.textStart; });
    if (it == m_paragraphs.cbegin())
        return m_textOffset;
    --it;
    return it->documentStart + int(textIndex - it->textStart);
}

qsizetype ReaderView::textIndex(int documentPosition) const {
    auto it = std::upper_bound(m_paragraphs.cbegin(), m_paragraphs.cend(), documentPosition,
                               [](int position, const Paragraph& p) { return position < p.documentStart; });
    if (it == m_paragraphs.cbegin())
        return 0;
    --it;
    return it->textStart + (documentPosition - it->documentStart);
}

void ReaderView::showMessage(const QString& message) {
    m_articleId = 0;
    m_textOffset = 0;
    m_paragraphs.clear();
    setPlainText(message);
}
