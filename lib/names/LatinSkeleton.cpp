#include "names/LatinSkeleton.h"

#include <array>

namespace mirsad::names {

namespace {

bool isVowel(char16_t c) {
    return c == u'a' || c == u'i' || c == u'u' || c == u'o';
}

} // namespace

int latinSkeleton(QStringView word, char16_t* out) {
    // Per ASCII unit, what it becomes when the next letter does not matter: most letters of a
    // word take one table lookup and no branch on the letter.
    static constexpr auto kPlain = [] {
        std::array<char16_t, 128> table{};
        for (char16_t c = 0; c < 128; ++c)
            table[c] = c;
        table[u'q'] = u'k';
        table[u'e'] = u'i';
        table[u'y'] = u'i';
        for (char16_t c : {u'd', u't', u'z', u'k', u'g', u'o'})
            table[c] = 0; // may pair with the next letter
        return table;
    }();
    const char16_t* p = word.utf16();
    const qsizetype size = word.size();
    int n = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = p[i];
        char16_t mapped = c < 128 ? kPlain[c] : c;
        if (mapped == 0) {
            const char16_t next = i + 1 < size ? p[i + 1] : u'\0';
            mapped = c;
            if (next == u'h' && (c == u'd' || c == u't' || c == u'z')) {
                mapped = u'z';
                ++i;
            } else if (next == u'h' && (c == u'k' || c == u'g')) {
                ++i;
            } else if (c == u'o' && (next == u'u' || next == u'o')) {
                mapped = u'u';
                ++i;
            }
        }
        if (n == 0 || out[n - 1] != mapped)
            out[n++] = mapped;
    }
    if (n > 2 && out[n - 1] == u'h' && isVowel(out[n - 2]))
        --n;
    return n;
}

} // namespace mirsad::names
