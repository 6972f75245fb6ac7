#pragma once

namespace mirsad {

// Keeps glibc's threshold for serving allocations straight from the kernel fixed at 128 KB.
// By default it rises to the size of every large block freed (up to 32 MB), so after the first
// feed body is freed, later bodies and item lists come from the heap and leave it fragmented:
// an import of 20,000 items peaked at about 128 MB instead of 109 MB (bench_ingest). Call first
// thing in main(); does nothing without glibc.
void useFixedMmapThreshold();

// Hands memory freed by any thread back to the system (glibc keeps it in its arenas otherwise).
void releaseFreedMemory();

} // namespace mirsad
