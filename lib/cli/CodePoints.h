#pragma once

#include <QList>
#include <QString>

namespace mirsad::cli {

// Maps ascending UTF-16 indexes into `text` to Unicode code point indexes, in one pass.
// mirsadctl reports offsets in code points, as its contract says.
class CodePointMap {
public:
    explicit CodePointMap(const QString& text)
        : m_text(text) {}

    qsizetype operator()(qsizetype utf16Index) {
        if (utf16Index < m_utf16) {
            m_utf16 = 0;
            m_codePoints = 0;
        }
        while (m_utf16 < utf16Index && m_utf16 < m_text.size()) {
            const bool pair = m_text.at(m_utf16).isHighSurrogate() && m_utf16 + 1 < m_text.size() &&
                              m_text.at(m_utf16 + 1).isLowSurrogate();
            m_utf16 += pair ? 2 : 1;
            ++m_codePoints;
        }
        return m_codePoints;
    }

private:
    const QString& m_text;
    qsizetype m_utf16 = 0;
    qsizetype m_codePoints = 0;
};

} // namespace mirsad::cli
