#pragma once

// Character tests shared by the HTML code in content/; inline because the tokenizer and the
// sanitiser call them once per character.

#include <QChar>
#include <QStringView>
#include <algorithm>

namespace mirsad::content {

inline bool isAsciiAlnum(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

inline bool isAscii(QStringView text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

inline char16_t asciiLower(char16_t u) {
    return u >= u'A' && u <= u'Z' ? char16_t(u - u'A' + u'a') : u;
}

} // namespace mirsad::content
