#pragma once

namespace mirsad {

// A write past the file size limit (RLIMIT_FSIZE, which a quota, a service's limits or a test set)
// kills the process with SIGXFSZ by default, in the middle of a transaction. Ignored, the write
// fails instead (EFBIG), SQLite rolls the transaction back and says the disk is full, and the
// program says so and goes on, as on a full disk. Called first thing in main().
void failWritesPastTheFileSizeLimit();

} // namespace mirsad
