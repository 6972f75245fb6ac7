#include "feeds/Encoding.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <cstring>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

QString encodingFromBom(const QByteArray& body) {
    if (body.startsWith("\xEF\xBB\xBF"))
        return u"UTF-8"_s;
    if (body.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)))
        return u"UTF-32LE"_s;
    if (body.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)))
        return u"UTF-32BE"_s;
    if (body.startsWith("\xFF\xFE"))
        return u"UTF-16LE"_s;
    if (body.startsWith("\xFE\xFF"))
        return u"UTF-16BE"_s;
    return {};
}

bool isKnown(const QString& name) {
    return !name.isEmpty() && QStringDecoder(name).isValid();
}

bool isUtf8(const QString& name) {
    const QString n = name.toLower();
    return n == u"utf-8"_s || n == u"utf8"_s;
}

// The labels servers send by default, which say little about the actual bytes.
bool isServerDefault(const QString& name) {
    static const QStringList defaults = {u"iso-8859-1"_s, u"latin1"_s,       u"us-ascii"_s,
                                         u"ascii"_s,      u"windows-1252"_s, u"iso_8859-1"_s};
    return defaults.contains(name.toLower());
}

bool hasNonAscii(const QByteArray& body) {
    for (char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

// encoding="..." in the XML declaration, or <meta charset> / http-equiv in an HTML head.
QString declaredEncoding(const QByteArray& body) {
    if (QString xml = xmlDeclaredEncoding(body); !xml.isEmpty())
        return xml;
    const QString head = QString::fromLatin1(body.left(2048));
    static const QRegularExpression meta(u"<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    if (auto m = meta.match(head); m.hasMatch())
        return m.captured(1);
    return {};
}

bool looksLikeJson(const QByteArray& body) {
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

} // namespace

bool isValidUtf8(QByteArrayView bytes) {
    const auto* p = reinterpret_cast<const uchar*>(bytes.data());
    const auto* const end = p + bytes.size();
    const auto continues = [](uchar c) { return (c & 0xC0) == 0x80; };
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            ++p;
            for (quint64 word; end - p >= 8; p += 8) {
                std::memcpy(&word, p, sizeof word);
                if (word & 0x8080808080808080ull)
                    break;
            }
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (end - p < 2 || !continues(p[1]))
                return false;
            p += 2;
        } else if (c >= 0xE0 && c <= 0xEF) { // no overlong form, no surrogate
            const uchar low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
            if (end - p < 3 || p[1] < low || p[1] > high || !continues(p[2]))
                return false;
            p += 3;
        } else if (c >= 0xF0 && c <= 0xF4) { // no overlong form, nothing past U+10FFFF
            const uchar low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
            if (end - p < 4 || p[1] < low || p[1] > high || !continues(p[2]) || !continues(p[3]))
                return false;
            p += 4;
        } else {
            return false;
        }
    }
    return true;
}

QString xmlDeclaredEncoding(const QByteArray& body) {
    const QString head = QString::fromLatin1(body.left(2048));
    static const QRegularExpression xmlDecl(
        u"^\\s*<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']"_s);
    const auto m = xmlDecl.match(head);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString charsetFromContentType(const QString& contentTypeHeader) {
    static const QRegularExpression charset(u"charset\\s*=\\s*[\"']?([^\"';\\s]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const auto m = charset.match(contentTypeHeader);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString detectEncoding(const QByteArray& body, const QString& contentTypeHeader) {
    if (QString bom = encodingFromBom(body); !bom.isEmpty())
        return bom;
    const bool validUtf8 = isValidUtf8(body);
    const QString http = charsetFromContentType(contentTypeHeader);
    const QString declared = declaredEncoding(body);
    QString choice;
    // A server's default label loses to valid UTF-8 and to what the document itself declares
    // (Arabic feeds in windows-1256 are often served as ISO-8859-1).
    const bool httpOverruled = isServerDefault(http) && ((validUtf8 && hasNonAscii(body)) ||
                                                         (isKnown(declared) && !isServerDefault(declared)));
    if (isKnown(http) && !httpOverruled)
        choice = http;
    else if (isKnown(declared))
        choice = declared;
    else if (looksLikeJson(body) || validUtf8)
        return u"UTF-8"_s;
    else
        return u"windows-1256"_s;
    // Arabic sites often claim UTF-8 while serving windows-1256.
    if (isUtf8(choice) && !validUtf8)
        return isKnown(declared) && !isUtf8(declared) ? declared : u"windows-1256"_s;
    return choice;
}

DecodedText decodeBody(const QByteArray& body, const QString& contentTypeHeader) {
    const QString encoding = detectEncoding(body, contentTypeHeader);
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return {text, encoding};
}

} // namespace mirsad::feeds
