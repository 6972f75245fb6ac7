#pragma once

#include "cli/Command.h"

#include <chrono>

namespace mirsad::cli {

// `mirsadctl refresh --watch`: a long-lived refresher, e.g. a team's on its server (a systemd
// service, packaging/mirsad-refresh.service). Every `checkEvery` it fetches the feeds whose
// refresh interval has passed; on a team's archive each fetch is claimed first, so that it and
// the analysts' windows fetch each feed once between them. SIGTERM or SIGINT ends it cleanly:
// fetches under way are abandoned (their claims released), a feed being stored is finished.
// It logs to err a line per event, with a syslog priority prefix under systemd's journal
// (JOURNAL_STREAM set) and a UTC time otherwise. Returns the exit code.
int watchRefresh(CommandContext& context, std::chrono::seconds checkEvery);

} // namespace mirsad::cli
