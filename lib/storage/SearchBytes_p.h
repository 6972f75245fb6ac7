#pragma once

#include <QtGlobal>
#include <array>

namespace mirsad::storage {

// How Mirsad's search index splits folded text into words, byte by byte: ASCII letters and digits
// and every byte of a non-ASCII character are parts of words, every other ASCII byte separates
// them. Capitals are lower-cased, which searchText has already done: a word with one is the only
// one copied. Shared by the FTS5 tokenizer (SearchTokenizer.cpp) and PostgreSQL's documents and
// queries (PostgresSearch.cpp), so that both engines index exactly the same words.
enum ByteClass : quint8 { Separator = 0, WordByte = 1, Capital = 2 };

inline constexpr std::array<quint8, 256> kByteClasses = [] {
    std::array<quint8, 256> classes{};
    for (int b = 0; b < 256; ++b) {
        if (b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
            classes[b] = WordByte;
        else if (b >= 'A' && b <= 'Z')
            classes[b] = Capital;
    }
    return classes;
}();

} // namespace mirsad::storage
