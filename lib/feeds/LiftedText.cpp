#include "feeds/LiftedText.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mirsad::feeds::detail {
namespace {

// Shorter runs cost the reader little; lifting them would only add placeholders.
constexpr qsizetype kMinLength = 128;
constexpr QByteArrayView kOpen("\xEE\x80\x80");  // U+E000
constexpr QByteArrayView kClose("\xEE\x80\x81"); // U+E001

bool isXmlChar(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// The UTF-8 sequence at p, a byte of 0x80 or more: its code point and length, or a length of
// 0 when it is not valid UTF-8 (overlong, a surrogate, past U+10FFFF, cut short).
std::pair<char32_t, int> utf8Sequence(const char* p, const char* end) {
    const auto byte = [&](int i) { return p + i < end ? static_cast<uchar>(p[i]) : uchar(0); };
    const auto follows = [&](int i) { return (byte(i) & 0xC0) == 0x80; };
    const uchar lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF && follows(1))
        return {char32_t(lead & 0x1F) << 6 | (byte(1) & 0x3F), 2};
    if (lead >= 0xE0 && lead <= 0xEF && follows(1) && follows(2)) {
        const char32_t c = char32_t(lead & 0x0F) << 12 | char32_t(byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
        return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? std::pair{c, 3} : std::pair{c, 0};
    }
    if (lead >= 0xF0 && lead <= 0xF4 && follows(1) && follows(2) && follows(3)) {
        const char32_t c = char32_t(lead & 0x07) << 18 | char32_t(byte(1) & 0x3F) << 12 |
                           char32_t(byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
        return c >= 0x10000 && c <= 0x10FFFF ? std::pair{c, 4} : std::pair{c, 0};
    }
    return {0, 0};
}

// Whether p starts a two-byte UTF-8 sequence (U+0080..U+07FF: Arabic, accented Latin).
inline bool isTwoByteSequence(const char* p, const char* end) {
    const auto lead = static_cast<uchar>(p[0]);
    return lead >= 0xC2 && lead <= 0xDF && end - p >= 2 && (static_cast<uchar>(p[1]) & 0xC0) == 0x80;
}

// Eight ASCII bytes at p as eight UTF-16 units at to.
inline void widen8(const char* p, char16_t* to) {
#if defined(__SSE2__)
    const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_unpacklo_epi8(bytes, _mm_setzero_si128()));
#else
    for (int k = 0; k < 8; ++k)
        to[k] = static_cast<uchar>(p[k]);
#endif
}

// The character a reference at the start of `ref` ("&amp;", "&#x627;") stands for, and its
// length; 0 for a reference the reader must see (another entity, a bad number).
std::pair<char32_t, qsizetype> reference(QByteArrayView ref) {
    const qsizetype semicolon = ref.left(16).indexOf(';');
    if (semicolon < 2)
        return {0, 0};
    const QByteArrayView name = ref.mid(1, semicolon - 1);
    const qsizetype length = semicolon + 1;
    if (name == "lt")
        return {U'<', length};
    if (name == "gt")
        return {U'>', length};
    if (name == "amp")
        return {U'&', length};
    if (name == "quot")
        return {U'"', length};
    if (name == "apos")
        return {U'\'', length};
    if (name[0] != '#' || name.size() < 2)
        return {0, 0};
    const bool hex = name[1] == 'x';
    const QByteArrayView digits = name.mid(hex ? 2 : 1);
    if (digits.isEmpty() || digits.size() > 8)
        return {0, 0};
    char32_t value = 0;
    for (char d : digits) {
        int v = -1;
        if (d >= '0' && d <= '9')
            v = d - '0';
        else if (hex && d >= 'a' && d <= 'f')
            v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F')
            v = d - 'A' + 10;
        if (v < 0)
            return {0, 0};
        value = value * (hex ? 16 : 10) + char32_t(v);
    }
    return isXmlChar(value) ? std::pair{value, length} : std::pair{char32_t(0), qsizetype(0)};
}

// The first "]]>" in bytes from `from`, found through its rare first byte with memchr, which
// beats a general substring search for so short a needle.
qsizetype indexOfCdataEnd(QByteArrayView bytes, qsizetype from = 0) {
    for (qsizetype i = bytes.indexOf(']', from); i >= 0; i = bytes.indexOf(']', i + 1)) {
        if (bytes.sliced(i).startsWith("]]>"))
            return i;
    }
    return -1;
}

bool containsCdataEnd(QByteArrayView bytes) {
    return indexOfCdataEnd(bytes) >= 0;
}

// Text the reader would read as decode() reads it: references all known, no "]]>". What XML
// forbids and broken UTF-8 are found by decode(), which then makes the reading fail.
bool liftableText(QByteArrayView text) {
    if (text.size() < kMinLength || containsCdataEnd(text))
        return false;
    for (qsizetype amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
        if (reference(text.sliced(amp)).first == 0)
            return false;
    }
    return true;
}

// The end of the tag that starts at `lt` (the index of its '>'), past quoted attribute values.
qsizetype tagEnd(QByteArrayView doc, qsizetype lt) {
    char quote = 0;
    for (qsizetype i = lt + 1; i < doc.size(); ++i) {
        const char c = doc[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i;
        }
    }
    return -1;
}

} // namespace

std::optional<LiftedText::Lifted> LiftedText::lift(const QByteArray& utf8) {
    const QByteArrayView doc(utf8);
    for (qsizetype i = doc.indexOf('\xEE'); i >= 0; i = doc.indexOf('\xEE', i + 1)) {
        if (doc.sliced(i).startsWith(kOpen) || doc.sliced(i).startsWith(kClose))
            return std::nullopt; // the placeholders would be ambiguous
    }
    Lifted lifted;
    QByteArray& out = lifted.document;
    qsizetype copied = 0; // doc[copied..] is not in `out` yet
    auto replace = [&](qsizetype from, qsizetype to, QByteArrayView bytes, bool escaped) {
        if (out.isEmpty())
            out.reserve(doc.size() / 4);
        out += doc.sliced(copied, from - copied);
        out += kOpen;
        out += QByteArray::number(lifted.text.m_pieces.size());
        out += kClose;
        lifted.text.m_pieces.append({bytes, escaped});
        copied = to;
    };
    int depth = 0;
    qsizetype i = 0;
    while (i < doc.size()) {
        const qsizetype lt = doc.indexOf('<', i);
        const qsizetype textEnd = lt < 0 ? doc.size() : lt;
        if (depth > 0 && liftableText(doc.sliced(i, textEnd - i)))
            replace(i, textEnd, doc.sliced(i, textEnd - i), true);
        if (lt < 0)
            break;
        const QByteArrayView rest = doc.sliced(lt);
        qsizetype end = -1;
        if (rest.startsWith("<!--")) {
            end = doc.indexOf("-->", lt + 4);
            end = end < 0 ? -1 : end + 3;
        } else if (rest.startsWith("<?")) {
            end = doc.indexOf("?>", lt + 2);
            end = end < 0 ? -1 : end + 2;
        } else if (rest.startsWith("<![CDATA[")) {
            const qsizetype close = indexOfCdataEnd(doc, lt + 9);
            if (close < 0)
                return std::nullopt;
            end = close + 3;
            const QByteArrayView content = doc.sliced(lt + 9, close - lt - 9);
            if (depth > 0 && content.size() >= kMinLength)
                replace(lt, end, content, false);
        } else if (rest.startsWith("<!")) {
            return std::nullopt; // a DOCTYPE: entities and their checks are the reader's
        } else {
            const qsizetype gt = tagEnd(doc, lt);
            if (gt < 0)
                return std::nullopt;
            end = gt + 1;
            if (rest.startsWith("</"))
                --depth;
            else if (doc[gt - 1] != '/')
                ++depth;
        }
        if (end < 0)
            return std::nullopt;
        i = end;
    }
    if (lifted.text.m_pieces.isEmpty())
        return std::nullopt;
    out += doc.sliced(copied);
    return lifted;
}

std::optional<QString> LiftedText::decode(const Piece& piece) {
    // UTF-16 never takes more units than UTF-8 takes bytes; references only shrink. Decoded here
    // rather than by QStringDecoder: references come every few bytes in escaped HTML, and a
    // decoder call per span between them cost more than the decoding.
    QString out(piece.bytes.size(), Qt::Uninitialized);
    char16_t* to = reinterpret_cast<char16_t*>(out.data());
    const char* p = piece.bytes.data();
    const char* const end = p + piece.bytes.size();
    const bool escaped = piece.escaped;
    while (p < end) {
        const auto c = static_cast<uchar>(*p);
        // Nearly every byte is printable ASCII or starts a two-byte sequence (Arabic): those first.
        if (c >= 0x20 && c < 0x80 && (c != '&' || !escaped)) {
            *to++ = c;
            ++p;
            // Then eight bytes at a time while they are printable ASCII too (English, markup);
            // tried only after ASCII, so that Arabic pays for it once a word, not once a letter.
            while (end - p >= 8) {
                quint64 bytes;
                std::memcpy(&bytes, p, sizeof bytes);
                constexpr quint64 ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
                const quint64 amps = bytes ^ (0x26 * ones); // a zero byte where '&' is
                const quint64 stops = (bytes & highs) | ((bytes - 0x20 * ones) & ~bytes & highs) |
                                      (escaped ? (amps - ones) & ~amps & highs : 0);
                if (stops)
                    break; // (sometimes for a byte past the first that stops: the loop decides)
                widen8(p, to);
                to += 8;
                p += 8;
            }
            continue;
        }
        if (isTwoByteSequence(p, end)) { // and the letters after it in the same word
            do {
                *to++ = char16_t((static_cast<uchar>(p[0]) & 0x1F) << 6 | (static_cast<uchar>(p[1]) & 0x3F));
                p += 2;
            } while (isTwoByteSequence(p, end));
            continue;
        }
        if (c >= 0x80) {
            const auto [character, length] = utf8Sequence(p, end);
            if (length == 0 || !isXmlChar(character))
                return std::nullopt; // the reader must say what is wrong
            for (const char16_t unit : QChar::fromUcs4(character))
                *to++ = unit;
            p += length;
        } else if (c == '&') { // escaped: else copied above
            const auto [character, length] = reference(QByteArrayView(p, end));
            if (length == 0)
                return std::nullopt;
            for (const char16_t unit : QChar::fromUcs4(character))
                *to++ = unit;
            p += length;
        } else if (c == '\r') { // line ends read as the reader reads them: CR LF and CR become LF
            *to++ = u'\n';
            p += p + 1 < end && p[1] == '\n' ? 2 : 1;
        } else if (c == '\t' || c == '\n') {
            *to++ = c;
            ++p;
        } else {
            return std::nullopt; // a control character XML forbids
        }
    }
    out.truncate(to - reinterpret_cast<const char16_t*>(out.constData()));
    if (out.capacity() > out.size() + out.size() / 4)
        out.squeeze(); // Arabic takes half the units it takes bytes: don't keep the rest waiting
    return out;
}

std::optional<QString> LiftedText::restore(const QString& text) const {
    qsizetype open = text.indexOf(QChar(0xE000));
    if (open < 0)
        return text;
    QString out;
    qsizetype copied = 0;
    for (; open >= 0; open = text.indexOf(QChar(0xE000), copied)) {
        const qsizetype close = text.indexOf(QChar(0xE001), open);
        bool ok = false;
        const qsizetype index = close < 0 ? -1 : text.sliced(open + 1, close - open - 1).toLongLong(&ok);
        if (!ok || index < 0 || index >= m_pieces.size())
            return std::nullopt; // lift() made sure the document had no such characters of its own
        const std::optional<QString> piece = decode(m_pieces[index]);
        if (!piece)
            return std::nullopt;
        out += QStringView(text).sliced(copied, open - copied);
        out += *piece;
        copied = close + 1;
    }
    out += QStringView(text).sliced(copied);
    return out;
}

} // namespace mirsad::feeds::detail
