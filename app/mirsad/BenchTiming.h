#pragma once

class MainWindow;

// For the benchmark of the user's view (bench/scale), off unless the environment variable
// MIRSAD_BENCH_TIMING is set. It then prints to stderr
//   mirsad-timing painted NS   once the reader has painted the first article shown,
//   mirsad-timing quit NS      with MIRSAD_BENCH_TIMING=quit:MS, MS milliseconds after that
//                              paint, just before it quits as File ▸ Quit does,
// NS being CLOCK_MONOTONIC in nanoseconds: the same clock as the process that started Mirsad's.
void installBenchTiming(MainWindow& window);
