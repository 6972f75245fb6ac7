#include "content/HtmlSanitizer.h"

#include "content/Ascii_p.h"
#include "content/Boilerplate_p.h"
#include "content/HtmlElements_p.h"
#include "content/HtmlTokenizer.h"
#include "content/SafeUrl.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mirsad::content {
namespace {

void appendEscapedChar(QString& out, QChar c, bool attribute);

void appendEscaped(QString& out, QStringView text, bool attribute) {
    // Most text needs no escaping: copy runs up to the next special character in one go.
    // One test per character: the special ones are all below 64.
    constexpr quint64 textSpecials = 1 | (1ull << u'&') | (1ull << u'<') | (1ull << u'>');
    const quint64 specials = attribute ? textSpecials | (1ull << u'"') : textSpecials;
    auto special = [specials](QChar c) { return c.unicode() < 64 && (specials >> c.unicode()) & 1; };
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (special(text[i])) {
            out += text.mid(run, i - run);
            appendEscapedChar(out, text[i], attribute);
            run = i + 1;
        }
    }
    out += text.mid(run);
}

void appendEscapedChar(QString& out, QChar c, bool attribute) {
    switch (c.unicode()) {
    case u'&':
        out += u"&amp;"_s;
        break;
    case u'<':
        out += u"&lt;"_s;
        break;
    case u'>':
        out += u"&gt;"_s;
        break;
    case u'"':
        if (attribute)
            out += u"&quot;"_s;
        else
            out += c;
        break;
    case 0:
        out += QChar(0xFFFD);
        break;
    default:
        out += c;
    }
}

bool isDigits(const QString& s) {
    if (s.isEmpty() || s.size() > 6)
        return false;
    for (QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return true;
}

// An element dropped with its content because its class or id names page furniture.
bool isBoilerplateContainer(const HtmlToken& tag, const ElementClass& element) {
    if (element.neverBoilerplate)
        return false;
    return namesBoilerplate(tag.attribute(u"class")) || namesBoilerplate(tag.attribute(u"id"));
}

constexpr qsizetype maxOutputDepth = 200; // deeper nesting is flattened (text kept)

class Sanitizer {
public:
    Sanitizer(const QUrl& base, bool allowImages)
        : m_base(base)
        , m_allowImages(allowImages) {}

    SanitizedHtml run(QStringView html) {
        HtmlTokenizer tokenizer(html);
        for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfInput;
             token = tokenizer.next())
            handle(token);
        while (!m_stack.isEmpty())
            closeTop();
        flushParagraph();
        m_result.text = m_paragraphs.join(u"\n\n"_s);
        return std::move(m_result);
    }

private:
    struct Open {
        QString name;
        bool isBlock;             // it starts and ends a paragraph
        qsizetype htmlStart;      // where its start tag begins in the output
        qsizetype paragraphStart; // paragraphs before it
    };

    void handle(const HtmlToken& token) {
        if (!m_skipName.isEmpty()) {
            skip(token);
            return;
        }
        switch (token.type) {
        case HtmlToken::Type::Text:
            if (!m_tail)
                appendText(token.text);
            break;
        case HtmlToken::Type::StartTag:
            startTag(token);
            break;
        case HtmlToken::Type::EndTag:
            endTag(elementClass(token.name).output);
            break;
        default:
            break; // comments
        }
    }

    void skip(const HtmlToken& token) {
        if (token.name != m_skipName)
            return;
        if (token.type == HtmlToken::Type::StartTag && !token.selfClosing)
            ++m_skipDepth;
        else if (token.type == HtmlToken::Type::EndTag && --m_skipDepth == 0)
            m_skipName.clear();
    }

    void startSkipping(const HtmlToken& token, const ElementClass& element) {
        if (element.isVoid || token.selfClosing)
            return;
        m_skipName = token.name;
        m_skipDepth = 1;
    }

    void startTag(const HtmlToken& token) {
        const ElementClass& element = elementClass(token.name);
        if (element.isDropped || isBoilerplateContainer(token, element)) {
            startSkipping(token, element);
            return;
        }
        if (m_tail)
            return;
        const QString& name = element.output;
        if (name.isEmpty())
            return;
        if (name == u"br"_s) {
            m_result.html += u"<br/>"_s;
            lineBreak();
            return;
        }
        if (name == u"img"_s) {
            image(token);
            return;
        }
        closeImplied(name, element.isBlock);
        if (m_stack.size() >= maxOutputDepth)
            return;
        QString href;
        if (name == u"a"_s) {
            href = safeUrl(token.attribute(u"href"), m_base, true);
            if (href.isEmpty())
                return; // the text stays, without a link
        }
        if (element.isBlock)
            flushParagraph();
        m_stack.append({name, element.isBlock, m_result.html.size(), m_paragraphs.size()});
        QString& html = m_result.html;
        html += u'<';
        html += name;
        appendCommonAttributes(html, token);
        if (name == u"a"_s) {
            appendAttribute(html, u"href", href);
            if (const QString title = token.attribute(u"title"); !title.isEmpty())
                appendAttribute(html, u"title", title);
        } else if (name == u"td"_s || name == u"th"_s) {
            for (const auto span : {u"colspan", u"rowspan"}) {
                if (const QString v = token.attribute(span); isDigits(v))
                    appendAttribute(html, span, v);
            }
        } else if (name == u"ol"_s) {
            if (const QString v = token.attribute(u"start"); isDigits(v))
                appendAttribute(html, u"start", v);
        }
        if (name == u"hr"_s) {
            html += u"/>"_s;
            m_stack.removeLast();
            return;
        }
        html += u'>';
    }

    void image(const HtmlToken& token) {
        const QString src = safeUrl(token.attribute(u"src"), m_base, false);
        if (src.isEmpty())
            return;
        if (src.startsWith(u"http:"_s) || src.startsWith(u"https:"_s)) {
            if (!m_result.remoteImages.contains(src))
                m_result.remoteImages.append(src);
        }
        if (!m_allowImages)
            return;
        QString& html = m_result.html;
        html += u"<img"_s;
        appendAttribute(html, u"src", src);
        for (const auto name : {u"alt", u"title"}) {
            if (token.hasAttribute(name))
                appendAttribute(html, name, token.attribute(name));
        }
        for (const auto name : {u"width", u"height"}) {
            if (const QString v = token.attribute(name); isDigits(v))
                appendAttribute(html, name, v);
        }
        html += u"/>"_s;
    }

    // Written straight into the output, not built as a string of its own.
    static void appendAttribute(QString& out, QStringView name, QStringView value) {
        out += u' ';
        out += name;
        out += u"=\""_s;
        appendEscaped(out, value, true);
        out += u'"';
    }

    static void appendCommonAttributes(QString& out, const HtmlToken& token) {
        if (const QString dir = token.attribute(u"dir"); !dir.isEmpty()) {
            const QString lower = dir.toLower();
            if (lower == u"rtl"_s || lower == u"ltr"_s || lower == u"auto"_s)
                appendAttribute(out, u"dir", lower);
        }
        const QString lang = token.attribute(u"lang");
        if (!lang.isEmpty() && lang.size() <= 20 &&
            std::all_of(lang.begin(), lang.end(), [](QChar c) { return isAsciiAlnum(c) || c == u'-'; }))
            appendAttribute(out, u"lang", lang);
    }

    // The HTML parser's implied end tags, enough to keep paragraphs, lists and tables apart.
    void closeImplied(const QString& name, bool isBlock) {
        auto closeTo = [this](std::initializer_list<QStringView> targets,
                              std::initializer_list<QStringView> barriers) {
            auto isOneOf = [](const QString& open, std::initializer_list<QStringView> names) {
                return std::find(names.begin(), names.end(), QStringView(open)) != names.end();
            };
            for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
                const QString& open = m_stack[i].name;
                if (isOneOf(open, targets)) {
                    while (m_stack.size() > i)
                        closeTop();
                    return;
                }
                if (isOneOf(open, barriers))
                    return;
            }
        };
        if (isBlock)
            closeTo({u"p"}, {u"div", u"li", u"td", u"th", u"blockquote", u"table", u"figure"});
        if (name == u"li"_s)
            closeTo({u"li"}, {u"ul", u"ol"});
        else if (name == u"td"_s || name == u"th"_s)
            closeTo({u"td", u"th"}, {u"tr", u"table"});
        else if (name == u"tr"_s)
            closeTo({u"tr"}, {u"table"});
        else if (name == u"dt"_s || name == u"dd"_s)
            closeTo({u"dt", u"dd"}, {u"dl"});
        else if (name == u"a"_s)
            closeTo({u"a"}, {});
    }

    void endTag(const QString& name) {
        if (name.isEmpty() || name == u"br"_s || name == u"img"_s || name == u"hr"_s)
            return;
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
            if (m_stack[i].name == name) {
                while (m_stack.size() > i)
                    closeTop();
                return;
            }
        }
    }

    void closeTop() {
        const Open open = m_stack.takeLast();
        m_result.html += u"</"_s;
        m_result.html += open.name;
        m_result.html += u'>';
        if (!open.isBlock)
            return;
        flushParagraph();
        // A block whose whole text is known furniture ("Share this:", "Leave a Reply") goes.
        if (m_paragraphs.size() - open.paragraphStart == 1) {
            const BlockBoilerplate kind = classifyBlockText(m_paragraphs.last());
            if (kind != BlockBoilerplate::None) {
                m_result.html.truncate(open.htmlStart);
                m_paragraphs.removeLast();
                m_tail = m_tail || kind == BlockBoilerplate::Tail;
            }
        }
    }

    // QChar::isSpace(), deciding the letters of most scripts first: there is no space among
    // the printable ASCII characters, nor between U+00A0 and U+1680.
    static bool isCollapsibleSpace(QChar c) {
        const char16_t u = c.unicode();
        if ((u > u' ' && u < 0x7F) || (u > 0xA0 && u < 0x1680))
            return false;
        return c.isSpace();
    }

    void appendText(QStringView text) {
        // A NUL is U+FFFD in the plain text as in the HTML (appendEscapedChar): the text kept a
        // NUL, so sanitising the sanitised HTML gave other text, and the archive stored a NUL.
        if (text.contains(QChar(0))) {
            QString replaced = text.toString();
            replaced.replace(QChar(0), QChar(0xFFFD));
            appendText(replaced);
            return;
        }
        // Whole runs at a time, not character by character: a run is words separated by single
        // plain spaces, which collapse to themselves.
        const qsizetype size = text.size();
        qsizetype i = 0;
        while (i < size) {
            if (isCollapsibleSpace(text[i])) {
                m_pendingSpace = !m_line.isEmpty() && m_line.back() != u'\n';
                ++i;
                continue;
            }
            qsizetype end = i + 1;
            while (end < size) {
                if (!isCollapsibleSpace(text[end]))
                    ++end;
                else if (text[end] == u' ' && end + 1 < size && !isCollapsibleSpace(text[end + 1]))
                    end += 2;
                else
                    break;
            }
            if (m_pendingSpace)
                m_line += u' ';
            m_pendingSpace = false;
            m_line += text.sliced(i, end - i);
            i = end;
        }
        if (size > 0)
            appendEscaped(m_result.html, text, false);
    }

    void lineBreak() {
        m_pendingSpace = false;
        if (m_line.isEmpty())
            return;
        if (m_line.endsWith(u'\n')) // two line breaks make a paragraph
            flushParagraph();
        else
            m_line += u'\n';
    }

    void flushParagraph() {
        // Copied out, so that m_line keeps its buffer for the next paragraph.
        if (const QStringView paragraph = QStringView(m_line).trimmed(); !paragraph.isEmpty())
            m_paragraphs.append(paragraph.toString());
        m_line.resize(0);
        m_pendingSpace = false;
    }

    QUrl m_base;
    bool m_allowImages;
    SanitizedHtml m_result;
    QList<Open> m_stack;
    QString m_skipName; // while non-empty, everything up to its matching end tag is dropped
    int m_skipDepth = 0;
    bool m_tail = false; // a comments / related section began: the article is over
    QStringList m_paragraphs;
    QString m_line;
    bool m_pendingSpace = false;
};

} // namespace

SanitizedHtml sanitizeHtml(QStringView html, const QUrl& baseUrl, bool allowRemoteImages) {
    return Sanitizer(baseUrl, allowRemoteImages).run(html);
}

QStringList remoteImagesOf(QStringView sanitizedHtml) {
    QStringList images;
    HtmlTokenizer tokenizer(sanitizedHtml);
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfInput;
         token = tokenizer.next()) {
        if (token.type != HtmlToken::Type::StartTag || token.name != u"img"_s)
            continue;
        const QString src = token.attribute(u"src");
        if ((src.startsWith(u"http:"_s) || src.startsWith(u"https:"_s)) && !images.contains(src))
            images.append(src);
    }
    return images;
}

} // namespace mirsad::content
