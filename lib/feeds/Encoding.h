#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mirsad::feeds {

struct DecodedText {
    QString text;
    QString encoding; // the name used to decode, e.g. "UTF-8", "windows-1256"
};

// Decides the encoding of a fetched body: a BOM first, then the HTTP charset (unless it is a
// server default such as ISO-8859-1 contradicted by valid UTF-8), then the XML declaration or
// an HTML <meta charset> (JSON is always UTF-8), then UTF-8 if the bytes are valid UTF-8, and
// windows-1256 otherwise (the usual encoding of Arabic sites that declare nothing).
QString detectEncoding(const QByteArray& body, const QString& contentTypeHeader = {});

// Decodes the body with detectEncoding(); the BOM, if any, is dropped.
DecodedText decodeBody(const QByteArray& body, const QString& contentTypeHeader = {});

// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF), as QByteArrayView::isValidUtf8() says; ASCII is checked eight bytes at a time, and
// that whole bodies are checked made Qt's byte-by-byte loop a tenth of a feed's parsing.
bool isValidUtf8(QByteArrayView bytes);

// The encoding named by the XML declaration at the start of body, or empty.
QString xmlDeclaredEncoding(const QByteArray& body);

// The charset parameter of a Content-Type header ("text/xml; charset=windows-1256"), or empty.
QString charsetFromContentType(const QString& contentTypeHeader);

} // namespace mirsad::feeds
