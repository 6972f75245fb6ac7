#pragma once

#include <QtGlobal>
#include <array>
#include <vector>

namespace mirsad::text {

// How every BMP code point folds for matching, computed once so that the hot loops of the
// normaliser and the name matcher do one table lookup per UTF-16 unit.
class FoldingTable {
public:
    enum Kind : quint8 {
        Single,        // one output unit: value
        Expansion,     // several output units: pool()[value .. value + length)
        DropAttached,  // dropped, but part of the surrounding word (harakat, shadda, tatweel)
        DropInvisible, // dropped and not part of any word (ZWJ/ZWNJ, bidi controls, BOM)
        Surrogate,     // half of a pair: fold the code point with foldCodePoint()
    };
    // What a Single entry's unit is for word splitting.
    enum WordClass : quint8 { NotWord, LatinWord, ArabicWord, OtherWord };
    struct Entry {
        quint32 value = 0;
        quint8 length = 0;
        Kind kind = Single;
        WordClass wordClass = NotWord;
    };

    static const FoldingTable& instance();

    const Entry& entry(char16_t unit) const { return m_entries[unit]; }
    // The whole table, indexed by UTF-16 unit, for loops that look up every unit.
    const Entry* entries() const { return m_entries.data(); }
    // For the inside of a word, one 32-bit load per unit: a Single entry's folded unit in the low
    // 16 bits, and above it kPlainLatin for a Latin letter that is not an ASCII capital (a capital
    // may start a new word), kPlainArabic for an Arabic one; 0 for every other unit.
    static constexpr quint32 kPlainLatin = 1u << 16;
    static constexpr quint32 kPlainArabic = 2u << 16;
    static constexpr quint32 kPlainMask = 0xFFu << 16;
    const quint32* plainLetters() const { return m_plain.data(); }
    const char16_t* pool() const { return m_pool.data(); }
    // A folded unit that belongs to a word: a letter or a digit.
    bool isWordUnit(char16_t unit) const { return m_wordUnit[unit] != 0; }
    static WordClass wordClassOf(char16_t foldedUnit);
    // An expansion that contains separators (e.g. ﷺ): words never cross it.
    bool isMixedExpansion(char16_t unit) const { return m_mixed[unit] != 0; }

    // The slow path, also used for code points outside the BMP. Appends at most
    // kMaxExpansion units to out and returns how many; `attached` says, for a dropped code
    // point, whether it belongs to the surrounding word.
    static constexpr int kMaxExpansion = 32;
    static int foldCodePoint(char32_t codePoint, char16_t* out, bool* attached);

private:
    FoldingTable();

    std::vector<Entry> m_entries;
    std::vector<char16_t> m_pool;
    std::vector<quint8> m_wordUnit;
    std::vector<quint8> m_mixed;
    std::vector<quint32> m_plain;
};

} // namespace mirsad::text
