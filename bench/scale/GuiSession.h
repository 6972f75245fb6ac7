#pragma once

// bench_scale's in-process part, run in a child process of its own (`bench_scale --gui-session
// DB ...`) so that its peak memory is the window's: the real MainWindow on the archive, offscreen,
// driven with clicks as a user does, each step timed from the click to the reader's (or the
// list's) next paint that shows the result. Prints "result KEY VALUE" lines on stdout.
//
//   open-long-shown MS the same click until the article was set into the reader, unpainted
//   open-long MS       a click on a 10,000-word article until it is painted with its analyst
//                      highlights (and the names' highlights, drawn with the text)
//   scroll-page MS     one page of the list: the scroll bar dragged to its end until the rows came
//   scroll-total MS    the list scrolled by 10,000 rows that way, until row 10,000 is painted at the top
//   region MS          a click on a region in the sidebar until the filtered list's first article
//                      is painted in the reader
//   region-list MS     the same click until the filtered list's first page is loaded
//   peak-kb KB         VmHWM of this process at the end
int runGuiSession(int argc, char** argv);
