#include "feeds/Encoding.h"

#include <QRegularExpression>
#include <QStringDecoder>

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

// Checked on the bytes: decoding a large body into a string only to look for errors would
// cost as much as the decoding that follows.
bool isValidUtf8(const QByteArray& body) {
    return body.isValidUtf8();
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
