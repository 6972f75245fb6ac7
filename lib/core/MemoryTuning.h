#pragma once

#include <QString>

namespace mirsad {

// Sets up the allocator of mirsad and mirsadctl. Call first thing in main().
//
// With jemalloc (MIRSAD_JEMALLOC, the default build) the settings are read before main() from
// the malloc_conf that MemoryTuning.cpp defines; calling this links that definition in. An
// import allocates each article on a worker thread and frees it on the writer's: glibc's malloc
// serialises those frees on the worker's arena lock, and gives the memory back and faults it in
// again feed after feed (see the settings in MemoryTuning.cpp).
//
// With glibc it keeps the threshold for serving allocations straight from the kernel fixed at
// 64 KB. By default it rises to the size of every large block freed (up to 32 MB), so after the
// first feed body is freed, later bodies and item lists come from the heap and leave it
// fragmented, which raises an import's peak memory.
void tuneAllocator();

// Hands memory freed by any thread back to the system, between feeds.
void releaseFreedMemory();

// The allocator serving this process and its main setting, e.g. "jemalloc 5.3.0, 1 arena".
QString allocatorDescription();

} // namespace mirsad
