#pragma once

#include "names/HugePageAllocator.h"

#include <QStringView>
#include <cstdint>
#include <cstring>
#include <vector>

namespace mirsad::names {

// Interns the words of the gazetteer's names: a word → a dense id. Open addressing over one
// character pool, so that a lookup from the scanning loop allocates nothing.
class WordDictionary {
public:
    static constexpr int32_t kNotFound = -1;

    int32_t find(QStringView word) const { return find(word, hash(word)); }
    // Inline: the scanner calls it for every word of the text.
    int32_t find(QStringView word, uint64_t hash) const {
        if (m_slots.empty() || !mayContain(hash))
            return kNotFound;
        const auto tag = static_cast<uint32_t>(hash >> 32);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const Slot& s = m_slots[slot];
            if (s.id == kNotFound)
                return kNotFound;
            if (s.tag == tag && equals(s, word))
                return s.id;
        }
    }
    // False only for words that are certainly absent: a bit per hash in a small table that stays in
    // cache, so that the scan's common case (a word no name contains) costs no cache miss.
    bool mayContain(uint64_t hash) const {
        const uint64_t bits = filterBits(hash);
        return (m_filter[(hash >> 12) & kFilterMask] & bits) == bits;
    }
    int32_t insert(QStringView word);
    int32_t size() const { return static_cast<int32_t>(m_hashes.size()); }
    QStringView word(int32_t id) const;
    std::size_t memoryUsage() const;

    // Four UTF-16 units per multiplication, then a full avalanche: the slot, the tag and the
    // filter bits all come from one hash.
    static uint64_t hash(QStringView word) {
        const char16_t* p = word.utf16();
        qsizetype n = word.size();
        uint64_t h = 0x9e3779b97f4a7c15ull ^ static_cast<uint64_t>(n);
        for (; n >= 4; p += 4, n -= 4) {
            uint64_t chunk;
            std::memcpy(&chunk, p, sizeof chunk);
            h = (h ^ chunk) * 0xbf58476d1ce4e5b9ull;
            h ^= h >> 31;
        }
        if (n > 0) {
            uint64_t tail = p[0];
            if (n > 1)
                tail |= uint64_t(p[1]) << 16;
            if (n > 2)
                tail |= uint64_t(p[2]) << 32;
            h = (h ^ tail) * 0x94d049bb133111ebull;
        }
        h ^= h >> 33; // murmur3's finaliser
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ull;
        return h ^ (h >> 33);
    }

private:
    struct Slot;
    bool equals(const Slot& slot, QStringView word) const {
        return slot.length == static_cast<std::size_t>(word.size()) &&
               (slot.length == 0 ||
                std::memcmp(m_pool.data() + slot.begin, word.utf16(), slot.length * sizeof(char16_t)) == 0);
    }
    void grow();
    void place(int32_t id, uint64_t hash);

    HugePageVector<char16_t> m_pool;
    std::vector<uint32_t> m_begin{0}; // word id's units: m_pool[m_begin[id] .. m_begin[id + 1])
    std::vector<uint64_t> m_hashes;
    struct Slot {
        int32_t id = kNotFound;
        uint32_t tag = 0;   // the hash's high bits: most mismatches never read the pool
        uint32_t begin = 0; // the word's units in m_pool, here so that a hit costs no extra cache miss
        uint32_t length = 0;
    };
    // A blocked Bloom filter: two bits in one 64-bit word, 2 Mbit (256 kB).
    static constexpr std::size_t kFilterWords = std::size_t(1) << 15;
    static uint64_t filterBits(uint64_t hash) {
        return (uint64_t(1) << (hash & 63)) | (uint64_t(1) << ((hash >> 6) & 63));
    }
    static constexpr std::size_t kFilterMask = kFilterWords - 1;

    HugePageVector<Slot> m_slots; // size is a power of two
    std::vector<uint64_t> m_filter = std::vector<uint64_t>(kFilterWords, 0);
};

} // namespace mirsad::names
