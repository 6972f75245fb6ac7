#include "content/HtmlTokenizer.h"

#include "content/Ascii_p.h"
#include "content/HtmlElements_p.h"
#include "content/HtmlEntities.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace mirsad::content {
namespace {

// The lower-case form of a tag or attribute name. Names of known elements and attributes are
// literals shared by every token, so that a tag costs no allocation for its name; other
// ASCII names are lowered on the stack, anything else by QString::toLower().
QString lowerCaseName(QStringView name, bool isElement) {
    constexpr qsizetype longest = 16;
    if (name.size() > longest || !isAscii(name))
        return name.toString().toLower();
    std::array<char16_t, longest> buffer;
    for (qsizetype k = 0; k < name.size(); ++k)
        buffer[k] = asciiLower(name[k].unicode());
    const QStringView lower(buffer.data(), name.size());
    if (isElement) {
        const QHash<QString, ElementClass>& table = elementTable();
        if (const auto it = table.constFind(lower); it != table.cend())
            return it.key();
    } else {
        // The attributes the sanitiser reads, and other common ones.
        static const std::array<QString, 16> literals = {
            u"href"_s, u"src"_s,  u"alt"_s,     u"title"_s,   u"width"_s, u"height"_s, u"class"_s,  u"id"_s,
            u"dir"_s,  u"lang"_s, u"colspan"_s, u"rowspan"_s, u"start"_s, u"style"_s,  u"target"_s, u"rel"_s};
        for (const QString& known : literals) {
            if (known == lower)
                return known;
        }
    }
    return lower.toString();
}

} // namespace

QString HtmlToken::attribute(QStringView attributeName) const {
    for (const auto& [key, value] : attributes) {
        if (key == attributeName)
            return value;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView attributeName) const {
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](const auto& a) { return a.first == attributeName; });
}

HtmlTokenizer::HtmlTokenizer(QStringView html)
    : m_html(html) {
}

// Text with nothing to decode shares the input's characters: most of an article is such runs.
QString HtmlTokenizer::textOf(QStringView raw, bool decode) {
    if (decode && raw.contains(u'&'))
        return decodeHtmlEntities(raw);
    return QString::fromRawData(raw.data(), raw.size());
}

HtmlToken HtmlTokenizer::next() {
    if (!m_rawTextEnd.isEmpty())
        return readRawText();
    while (m_pos < m_html.size()) {
        if (m_html[m_pos] != u'<') {
            qsizetype end = m_pos + 1;
            // Text runs to the next '<' that can start markup.
            while (true) {
                end = m_html.indexOf(u'<', end);
                if (end < 0 || end + 1 >= m_html.size())
                    break;
                const QChar c = m_html[end + 1];
                if (c.isLetter() || c == u'/' || c == u'!' || c == u'?')
                    break;
                ++end;
            }
            if (end < 0 || end + 1 >= m_html.size())
                end = m_html.size();
            HtmlToken token;
            token.type = HtmlToken::Type::Text;
            token.text = textOf(m_html.sliced(m_pos, end - m_pos), true);
            m_pos = end;
            return token;
        }
        const QChar c = m_pos + 1 < m_html.size() ? m_html[m_pos + 1] : QChar();
        if (c.isLetter() || c == u'/') {
            if (c == u'/' && !(m_pos + 2 < m_html.size() && m_html[m_pos + 2].isLetter())) {
                // "</ >" or "</3": a bogus comment up to '>'
                const qsizetype close = m_html.indexOf(u'>', m_pos);
                m_pos = close < 0 ? m_html.size() : close + 1;
                continue;
            }
            HtmlToken tag = readTag();
            if (tag.type != HtmlToken::Type::EndOfInput)
                return tag;
            continue;
        }
        HtmlToken comment;
        comment.type = HtmlToken::Type::Comment;
        if (m_html.mid(m_pos).startsWith(u"<!--")) {
            const qsizetype close = m_html.indexOf(u"-->", m_pos + 4);
            m_pos = close < 0 ? m_html.size() : close + 3;
        } else if (c == u'!' || c == u'?') {
            const qsizetype close = m_html.indexOf(u'>', m_pos);
            m_pos = close < 0 ? m_html.size() : close + 1;
        } else {
            // A lone '<' at the very end.
            HtmlToken text;
            text.type = HtmlToken::Type::Text;
            text.text = u"<"_s;
            ++m_pos;
            return text;
        }
        return comment;
    }
    return {};
}

HtmlToken HtmlTokenizer::readTag() {
    HtmlToken token;
    qsizetype i = m_pos + 1;
    token.type = HtmlToken::Type::StartTag;
    if (m_html[i] == u'/') {
        token.type = HtmlToken::Type::EndTag;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < m_html.size() && !m_html[i].isSpace() && m_html[i] != u'/' && m_html[i] != u'>')
        ++i;
    token.name = lowerCaseName(m_html.sliced(nameStart, i - nameStart), true);
    auto atEnd = [&] { return i >= m_html.size(); };
    while (true) {
        while (!atEnd() && (m_html[i].isSpace() || m_html[i] == u'/')) {
            token.selfClosing = m_html[i] == u'/';
            ++i;
        }
        if (atEnd()) { // a tag cut off by the end of input is dropped, as browsers
                       // do
            m_pos = m_html.size();
            return {};
        }
        if (m_html[i] == u'>') {
            ++i;
            break;
        }
        token.selfClosing = false;
        const qsizetype attrStart = i;
        ++i; // the first character may be '=' (kept as part of the name, as HTML5
             // says)
        while (!atEnd() && !m_html[i].isSpace() && m_html[i] != u'/' && m_html[i] != u'>' &&
               m_html[i] != u'=')
            ++i;
        const QString attrName = lowerCaseName(m_html.sliced(attrStart, i - attrStart), false);
        while (!atEnd() && m_html[i].isSpace())
            ++i;
        QString value;
        if (!atEnd() && m_html[i] == u'=') {
            ++i;
            while (!atEnd() && m_html[i].isSpace())
                ++i;
            if (atEnd())
                continue;
            const QChar quote = m_html[i];
            qsizetype valueStart, valueEnd;
            if (quote == u'"' || quote == u'\'') {
                valueStart = i + 1;
                valueEnd = m_html.indexOf(quote, valueStart);
                if (valueEnd < 0) {
                    m_pos = m_html.size();
                    return {};
                }
                i = valueEnd + 1;
            } else {
                valueStart = i;
                while (!atEnd() && !m_html[i].isSpace() && m_html[i] != u'>')
                    ++i;
                valueEnd = i;
            }
            value = decodeHtmlEntities(m_html.mid(valueStart, valueEnd - valueStart));
        }
        if (token.type == HtmlToken::Type::StartTag && !token.hasAttribute(attrName))
            token.attributes.append({attrName, value});
    }
    m_pos = i;
    if (token.type == HtmlToken::Type::StartTag && elementClass(token.name).isRawText && !token.selfClosing)
        m_rawTextEnd = u"</"_s + token.name;
    if (token.type == HtmlToken::Type::EndTag)
        token.attributes.clear();
    return token;
}

HtmlToken HtmlTokenizer::readRawText() {
    qsizetype end = m_pos;
    while (true) {
        end = m_html.indexOf(m_rawTextEnd, end, Qt::CaseInsensitive);
        if (end < 0)
            break;
        const qsizetype after = end + m_rawTextEnd.size();
        if (after >= m_html.size() || m_html[after].isSpace() || m_html[after] == u'>' ||
            m_html[after] == u'/')
            break;
        end = after;
    }
    if (end < 0)
        end = m_html.size();
    HtmlToken token;
    token.type = HtmlToken::Type::Text;
    token.text = textOf(m_html.sliced(m_pos, end - m_pos), false);
    m_pos = end;
    m_rawTextEnd.clear();
    if (token.text.isEmpty())
        return next();
    return token;
}

} // namespace mirsad::content
