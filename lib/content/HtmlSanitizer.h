#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>
#include <utility>

namespace mirsad::content {

struct SanitizedHtml {
    QString html;                 // well-formed, whitelisted markup
    QString text;                 // plain text: paragraphs separated by "\n\n", whitespace collapsed
    QStringList blockedResources; // remote images left out because the user has not allowed them
};

// Keeps the structure of an article (paragraphs, headings, lists, quotes, tables, links, figures)
// and drops everything that can run, track or load: scripts, styles, frames, forms, event
// handlers, style attributes, javascript:/data: URLs, comments, unknown tags (their text is
// kept). Scraped boilerplate (share buttons, comment forms, cookie notices, "Related articles")
// is removed by class/id and by known text. Relative links resolve against baseUrl. Works in
// linear time and constant stack depth on any input.
SanitizedHtml sanitizeHtml(QStringView html, const QUrl& baseUrl = {}, bool allowRemoteImages = false);

// Decodes HTML character references (named, decimal, hexadecimal) the way browsers do;
// malformed references stay as they were.
QString decodeHtmlEntities(QStringView text);

// The code point of a named character reference ("nbsp" -> U+00A0), or 0 when unknown.
char32_t htmlEntityCodePoint(QStringView name);

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
