#pragma once

#include "articles/Article.h"

#include <QTextBrowser>

// The article reader: title, source and date, tags, then the text, each paragraph laid out in
// its own direction (Arabic right to left, English left to right).
class ReaderView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void showArticle(const mirsad::Article& article, const QString& feedTitle);
    void showMessage(const QString& message);
    qint64 articleId() const { return m_articleId; }

    // Where Article::text starts in the document (the title and meta lines come first).
    int textOffset() const { return m_textOffset; }
    // Maps between offsets into Article::text (paragraphs separated by "\n\n") and positions
    // in the document (one block break between paragraphs).
    int documentPosition(qsizetype textIndex) const;
    qsizetype textIndex(int documentPosition) const;

private:
    struct Paragraph {
        qsizetype textStart;
        int documentStart;
    };
    qint64 m_articleId = 0;
    int m_textOffset = 0;
    QList<Paragraph> m_paragraphs;
};
