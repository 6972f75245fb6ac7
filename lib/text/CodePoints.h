#pragma once

#include <QString>
#include <QStringView>

namespace mirsad::text {

// Offsets in Unicode code points, as mirsadctl's JSON and the W3C Web Annotation
// TextPositionSelector count them, against Mirsad's UTF-16 offsets into a QString. A surrogate
// pair is one code point; an unpaired surrogate counts as one too.

// Maps ascending UTF-16 indexes into `text` to code point indexes, in one pass.
class CodePointMap {
public:
    explicit CodePointMap(QStringView text)
        : m_text(text) {}

    qsizetype operator()(qsizetype utf16Index) {
        if (utf16Index < m_utf16) {
            m_utf16 = 0;
            m_codePoints = 0;
        }
        while (m_utf16 < utf16Index && m_utf16 < m_text.size()) {
            m_utf16 += pairAt(m_text, m_utf16) ? 2 : 1;
            ++m_codePoints;
        }
        return m_codePoints;
    }

    static bool pairAt(QStringView text, qsizetype i) {
        return text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
    }

private:
    QStringView m_text;
    qsizetype m_utf16 = 0;
    qsizetype m_codePoints = 0;
};

// The number of code points in `text`.
inline qsizetype codePointCount(QStringView text) {
    return CodePointMap(text)(text.size());
}

// The UTF-16 index of code point `codePoint` in `text`; text.size() past its end, -1 for a
// negative index.
inline qsizetype utf16Index(QStringView text, qsizetype codePoint) {
    if (codePoint < 0)
        return -1;
    qsizetype utf16 = 0;
    for (qsizetype n = 0; n < codePoint && utf16 < text.size(); ++n)
        utf16 += CodePointMap::pairAt(text, utf16) ? 2 : 1;
    return utf16;
}

} // namespace mirsad::text
