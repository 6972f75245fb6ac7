// Encoding: the detected encoding is one Qt can decode with; decodeBody() uses it; the fast
// UTF-8 check agrees with Qt's.

#include "FuzzCheck.h"
#include "feeds/Encoding.h"

#include <QStringDecoder>

using namespace mirsad::feeds;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    mirsad::fuzz::Input input(data, size);
    // A Content-Type header first (up to a NUL) when the first byte says so, then the body.
    const QString header = input.flag() ? QString::fromLatin1(input.part()) : QString();
    const QByteArray body = input.rest();
    const QString detail = header + u"\n"_s + QString::fromLatin1(body.toHex());

    FUZZ_CHECK(isValidUtf8(body) == QByteArrayView(body).isValidUtf8(), detail);
    const QString encoding = detectEncoding(body, header);
    FUZZ_CHECK(!encoding.isEmpty(), detail);
    QStringDecoder decoder(encoding.toLatin1().constData());
    FUZZ_CHECK(decoder.isValid(), encoding + u"\n"_s + detail);
    const DecodedText decoded = decodeBody(body, header);
    FUZZ_CHECK(decoded.encoding == encoding, decoded.encoding + u" != "_s + encoding + u"\n"_s + detail);
    if (!body.isEmpty() && encoding == u"UTF-8"_s && isValidUtf8(body) && !body.startsWith("\xEF\xBB\xBF"))
        FUZZ_CHECK(decoded.text == QString::fromUtf8(body), detail);
    xmlDeclaredEncoding(body);
    charsetFromContentType(header);
    return 0;
}
