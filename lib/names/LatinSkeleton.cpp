#include "names/LatinSkeleton.h"

namespace mirsad::names {

namespace {

bool isVowel(char16_t c) {
    return c == u'a' || c == u'i' || c == u'u' || c == u'o';
}

} // namespace

int latinSkeleton(QStringView word, char16_t* out) {
    const qsizetype size = word.size();
    int n = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = word[i].unicode();
        const char16_t next = i + 1 < size ? word[i + 1].unicode() : u'\0';
        char16_t mapped = c;
        if (next == u'h' && (c == u'd' || c == u't' || c == u'z')) {
            mapped = u'z';
            ++i;
        } else if (next == u'h' && (c == u'k' || c == u'g')) {
            mapped = c;
            ++i;
        } else if (c == u'o' && (next == u'u' || next == u'o')) {
            mapped = u'u';
            ++i;
        } else if (c == u'q') {
            mapped = u'k';
        } else if (c == u'e' || c == u'y') {
            mapped = u'i';
        }
        if (n == 0 || out[n - 1] != mapped)
            out[n++] = mapped;
    }
    if (n > 2 && out[n - 1] == u'h' && isVowel(out[n - 2]))
        --n;
    return n;
}

} // namespace mirsad::names
