#pragma once

#include <QStringView>
#include <cstdint>
#include <vector>

namespace mirsad::names {

// Interns the words of the gazetteer's names: a word → a dense id. Open addressing over one
// character pool, so that a lookup from the scanning loop allocates nothing.
class WordDictionary {
public:
    static constexpr int32_t kNotFound = -1;

    int32_t find(QStringView word) const { return find(word, hash(word)); }
    int32_t find(QStringView word, uint64_t hash) const;
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

    static uint64_t hash(QStringView word);

private:
    void grow();
    void place(int32_t id, uint64_t hash);

    std::vector<char16_t> m_pool;
    std::vector<uint32_t> m_begin{0}; // word id's units: m_pool[m_begin[id] .. m_begin[id + 1])
    std::vector<uint64_t> m_hashes;
    struct Slot {
        int32_t id = kNotFound;
        uint32_t tag = 0; // the hash's high bits: most mismatches never read the pool
    };
    // A blocked Bloom filter: two bits in one 64-bit word, 2 Mbit (256 kB).
    static constexpr std::size_t kFilterWords = std::size_t(1) << 15;
    static uint64_t filterBits(uint64_t hash) {
        return (uint64_t(1) << (hash & 63)) | (uint64_t(1) << ((hash >> 6) & 63));
    }
    static constexpr std::size_t kFilterMask = kFilterWords - 1;

    std::vector<Slot> m_slots; // size is a power of two
    std::vector<uint64_t> m_filter = std::vector<uint64_t>(kFilterWords, 0);
};

} // namespace mirsad::names
