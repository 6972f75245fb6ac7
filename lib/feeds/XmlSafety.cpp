#include "feeds/XmlSafety.h"

#include "content/HtmlEntities.h"

using namespace Qt::StringLiterals;

namespace mirsad::feeds::detail {

QString doctypeProblem(const QXmlStreamReader& reader) {
    if (reader.entityDeclarations().isEmpty())
        return {};
    return u"declares entities in its DTD, which Mirsad refuses to expand (they can hide an "
           "entity-expansion bomb or read local files)"_s;
}

QString xmlErrorPhrase(const QXmlStreamReader& reader) {
    QString message = reader.errorString().trimmed();
    if (!message.isEmpty() && !message.endsWith(u'.'))
        message += u'.';
    return u"is not well-formed XML (line %1, column %2: %3)"_s.arg(reader.lineNumber())
        .arg(reader.columnNumber())
        .arg(message);
}

bool isUndeclaredEntityError(const QXmlStreamReader& reader) {
    return reader.error() == QXmlStreamReader::NotWellFormedError &&
           reader.errorString().contains(u"not declared"_s);
}

QString numericHtmlEntities(QStringView xml) {
    QString out;
    out.reserve(xml.size());
    qsizetype i = 0;
    while (i < xml.size()) {
        const qsizetype amp = xml.indexOf(u'&', i);
        if (amp < 0)
            break;
        out += xml.mid(i, amp - i);
        qsizetype end = amp + 1;
        while (end < xml.size() && end - amp <= 32 && xml[end].isLetterOrNumber())
            ++end;
        const QStringView name = xml.mid(amp + 1, end - amp - 1);
        const bool xmlOwn =
            name == u"amp" || name == u"lt" || name == u"gt" || name == u"quot" || name == u"apos";
        const char32_t cp =
            end < xml.size() && xml[end] == u';' && !xmlOwn ? content::htmlEntityCodePoint(name) : 0;
        if (cp) {
            out += u"&#"_s + QString::number(uint(cp)) + u';';
            i = end + 1;
        } else {
            out += u'&';
            i = amp + 1;
        }
    }
    out += xml.mid(i);
    return out;
}

QString readAllText(QXmlStreamReader& reader) {
    QString text;
    int depth = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::Characters:
            text += reader.text();
            break;
        case QXmlStreamReader::EntityReference:
            if (!reader.text().isEmpty()) {
                text += reader.text();
            } else if (const char32_t cp = content::htmlEntityCodePoint(reader.name())) {
                const char32_t one[] = {cp};
                text += QString::fromUcs4(one, 1);
            }
            break;
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            if (depth-- == 0) {
                // Grown piece by piece, the string may hold up to twice its size; a feed's items
                // wait whole for the writer, so give the spare room back.
                text.squeeze();
                return text;
            }
            break;
        default:
            break;
        }
    }
    return text;
}

} // namespace mirsad::feeds::detail
