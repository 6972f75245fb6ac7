#include "names/WordDictionary.h"

namespace mirsad::names {

QStringView WordDictionary::word(int32_t id) const {
    const auto begin = m_begin[static_cast<std::size_t>(id)];
    const auto end = m_begin[static_cast<std::size_t>(id) + 1];
    return QStringView(m_pool.data() + begin, static_cast<qsizetype>(end - begin));
}

int32_t WordDictionary::insert(QStringView word) {
    const uint64_t h = hash(word);
    if (const int32_t existing = find(word, h); existing != kNotFound)
        return existing;
    if ((m_hashes.size() + 1) * 2 > m_slots.size())
        grow();
    const auto id = static_cast<int32_t>(m_hashes.size());
    m_pool.insert(m_pool.end(), word.utf16(), word.utf16() + word.size());
    m_begin.push_back(static_cast<uint32_t>(m_pool.size()));
    m_hashes.push_back(h);
    m_filter[(h >> 12) & kFilterMask] |= filterBits(h);
    place(id, h);
    return id;
}

void WordDictionary::place(int32_t id, uint64_t h) {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = h & mask;
    while (m_slots[slot].id != kNotFound)
        slot = (slot + 1) & mask;
    const auto begin = m_begin[static_cast<std::size_t>(id)];
    m_slots[slot] = {id, static_cast<uint32_t>(h >> 32), begin,
                     m_begin[static_cast<std::size_t>(id) + 1] - begin};
}

void WordDictionary::grow() {
    m_slots.assign(m_slots.empty() ? 1024 : m_slots.size() * 2, Slot{});
    for (std::size_t id = 0; id < m_hashes.size(); ++id)
        place(static_cast<int32_t>(id), m_hashes[id]);
}

std::size_t WordDictionary::memoryUsage() const {
    return m_pool.capacity() * sizeof(char16_t) + m_begin.capacity() * sizeof(uint32_t) +
           m_hashes.capacity() * sizeof(uint64_t) + m_slots.capacity() * sizeof(Slot) +
           m_filter.capacity() * sizeof(uint64_t);
}

} // namespace mirsad::names
