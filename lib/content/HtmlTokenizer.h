#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <utility>

namespace mirsad::content {

// One token of a forgiving HTML tokenizer (no tree building).
struct HtmlToken {
    enum class Type { Text, StartTag, EndTag, Comment, EndOfInput };
    Type type = Type::EndOfInput;
    QString name;                                  // tags: lower-case name
    QList<std::pair<QString, QString>> attributes; // lower-case names, decoded values, first wins
    QString text;                                  // text: decoded characters (raw inside script/style)
    bool selfClosing = false;

    QString attribute(QStringView attributeName) const;
    bool hasAttribute(QStringView attributeName) const;
};

// Splits HTML into tokens following the HTML5 tokenizer's main rules: "<" starts a tag only
// before a letter, "/", "!" or "?"; script, style and other raw-text elements run to their end
// tag; a tag cut off by the end of input is dropped. Text with nothing to decode shares the
// input's characters (QString::fromRawData): it is valid as long as the input is.
class HtmlTokenizer {
public:
    explicit HtmlTokenizer(QStringView html);
    HtmlToken next();

private:
    HtmlToken readTag();
    HtmlToken readRawText();
    static QString textOf(QStringView raw, bool decode);

    QStringView m_html;
    qsizetype m_pos = 0;
    QString m_rawTextEnd; // after <script> and friends, the end tag that ends the raw text
};

} // namespace mirsad::content
