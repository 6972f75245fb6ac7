#include "storage/ArticleBody.h"

#include <memory>
#include <zstd.h>

namespace mirsad::storage {

namespace {

enum Format : quint8 { Plain = 0, Zstd = 1 };
constexpr qsizetype kHeaderSize = 5; // format, html length
// zstd's level, measured on the ingest benchmark's 20,000 articles (109 MB of html and text):
// level 1 made 24.4 MB, 3 made 21.6 MB in the same time, 9 made 19.8 MB at seven times the CPU;
// decompressing costs about 11 us an article at every level. A dictionary trained on the corpus
// made 16.1 MB, likely owing much to the generated corpus's small vocabulary; not used.
constexpr int kLevel = 3;
// Below this, a zstd frame's own few bytes are not worth it.
constexpr qsizetype kSmallestCompressed = 64;
// No article body is near this; a header claiming more is damage, not a body to allocate.
constexpr quint64 kLargestBody = quint64(1) << 31;

struct CctxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DctxFree {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// One context a thread, kept: making one costs more than compressing a short article.
ZSTD_CCtx* compressionContext() {
    thread_local std::unique_ptr<ZSTD_CCtx, CctxFree> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx* decompressionContext() {
    thread_local std::unique_ptr<ZSTD_DCtx, DctxFree> context(ZSTD_createDCtx());
    return context.get();
}

void putLength(char* at, quint32 length) {
    for (int i = 0; i < 4; ++i)
        at[i] = char((length >> (8 * i)) & 0xff);
}

quint32 getLength(const char* at) {
    quint32 length = 0;
    for (int i = 0; i < 4; ++i)
        length |= quint32(quint8(at[i])) << (8 * i);
    return length;
}

Error damaged(const QString& why) {
    return Error{QStringLiteral("The stored article body is damaged (%1).").arg(why)};
}

} // namespace

QByteArray compressBody(QByteArrayView htmlUtf8, QByteArrayView textUtf8) {
    const qsizetype total = htmlUtf8.size() + textUtf8.size();
    QByteArray stored;
    const auto plain = [&] {
        stored.resize(kHeaderSize + total);
        stored[0] = char(Plain);
        putLength(stored.data() + 1, quint32(htmlUtf8.size()));
        if (!htmlUtf8.isEmpty())
            memcpy(stored.data() + kHeaderSize, htmlUtf8.data(), size_t(htmlUtf8.size()));
        if (!textUtf8.isEmpty())
            memcpy(stored.data() + kHeaderSize + htmlUtf8.size(), textUtf8.data(), size_t(textUtf8.size()));
        return stored;
    };
    ZSTD_CCtx* context = compressionContext();
    if (total < kSmallestCompressed || !context)
        return plain();
    // The two as one frame: the text repeats the html's words, so zstd finds it in the window.
    ZSTD_CCtx_reset(context, ZSTD_reset_session_only);
    ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, kLevel);
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1);
    ZSTD_CCtx_setPledgedSrcSize(context, quint64(total));
    stored.resize(kHeaderSize + qsizetype(ZSTD_compressBound(size_t(total))));
    ZSTD_outBuffer out{stored.data() + kHeaderSize, size_t(stored.size() - kHeaderSize), 0};
    ZSTD_inBuffer html{htmlUtf8.data(), size_t(htmlUtf8.size()), 0};
    ZSTD_inBuffer text{textUtf8.data(), size_t(textUtf8.size()), 0};
    size_t left = ZSTD_compressStream2(context, &out, &html, ZSTD_e_continue);
    if (!ZSTD_isError(left))
        left = ZSTD_compressStream2(context, &out, &text, ZSTD_e_end);
    if (ZSTD_isError(left) || left != 0 || qsizetype(out.pos) >= total)
        return plain(); // incompressible (or failed): as it is
    stored.resize(kHeaderSize + qsizetype(out.pos));
    stored[0] = char(Zstd);
    putLength(stored.data() + 1, quint32(htmlUtf8.size()));
    stored.squeeze();
    return stored;
}

Result<ArticleBodyUtf8> decompressBodyUtf8(QByteArrayView stored) {
    if (stored.isEmpty())
        return ArticleBodyUtf8{};
    if (stored.size() < kHeaderSize)
        return damaged(QStringLiteral("%1 bytes, too short").arg(stored.size()));
    const quint8 format = quint8(stored[0]);
    const quint32 htmlSize = getLength(stored.data() + 1);
    const QByteArrayView payload = stored.sliced(kHeaderSize);
    QByteArray whole;
    if (format == Plain) {
        whole = payload.toByteArray();
    } else if (format == Zstd) {
        const unsigned long long size = ZSTD_getFrameContentSize(payload.data(), size_t(payload.size()));
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
            return damaged(QStringLiteral("not a zstd frame"));
        if (size > kLargestBody)
            return damaged(QStringLiteral("claims %1 bytes").arg(size));
        ZSTD_DCtx* context = decompressionContext();
        if (!context)
            return Error{QStringLiteral("Could not read an article body: out of memory.")};
        whole.resize(qsizetype(size));
        const size_t made = ZSTD_decompressDCtx(context, whole.data(), size_t(whole.size()), payload.data(),
                                                size_t(payload.size()));
        if (ZSTD_isError(made))
            return damaged(QString::fromUtf8(ZSTD_getErrorName(made)));
        if (made != size)
            return damaged(QStringLiteral("%1 of %2 bytes").arg(made).arg(size));
    } else {
        return Error{QStringLiteral("The stored article body has format %1, which this version of Mirsad "
                                    "does not know; a newer Mirsad wrote it.")
                         .arg(format)};
    }
    if (htmlSize > quint64(whole.size()))
        return damaged(QStringLiteral("html of %1 bytes in %2").arg(htmlSize).arg(whole.size()));
    ArticleBodyUtf8 body;
    body.text = whole.sliced(qsizetype(htmlSize));
    whole.truncate(qsizetype(htmlSize));
    body.html = std::move(whole);
    return body;
}

Result<ArticleBody> decompressBody(QByteArrayView stored) {
    Result<ArticleBodyUtf8> utf8 = decompressBodyUtf8(stored);
    if (!utf8)
        return Error{utf8.error()};
    return ArticleBody{QString::fromUtf8(utf8->html), QString::fromUtf8(utf8->text)};
}

} // namespace mirsad::storage
