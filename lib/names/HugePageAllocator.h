#pragma once

#include <cstddef>
#include <new>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace mirsad::names {

// An allocator for the matcher's big lookup tables: arrays of 2 MB and more are placed on
// 2 MB boundaries and offered to the kernel as transparent huge pages. A scan reads them at
// random, one probe per word, and with 4 kB pages most probes would also miss the TLB. Smaller
// arrays, and systems without madvise, get plain memory.
template <typename T> struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
        void* memory = ::operator new(rounded(bytes), std::align_val_t(kHugePage));
#ifdef MADV_HUGEPAGE
        madvise(memory, rounded(bytes), MADV_HUGEPAGE); // a hint: refused, the pages stay small
#endif
        return static_cast<T*>(memory);
    }
    void deallocate(T* memory, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            ::operator delete(memory, std::align_val_t(alignof(T)));
        else
            ::operator delete(memory, std::align_val_t(kHugePage));
    }

    template <typename U> bool operator==(const HugePageAllocator<U>&) const noexcept {
        return true;
    }

private:
    static std::size_t rounded(std::size_t bytes) {
        return (bytes + kHugePage - 1) / kHugePage * kHugePage;
    }
};

template <typename T> using HugePageVector = std::vector<T, HugePageAllocator<T>>;

} // namespace mirsad::names
