#pragma once

#include "cli/Command.h"
#include "ingest/FeedRefresher.h"

namespace mirsad::cli {

// Refreshes feeds on the command line: fetches run concurrently, each feed is stored in its
// own transaction, progress and errors go to err, a line per feed to out. Returns how many failed.
int runRefresh(CommandContext& context, const QList<ingest::RefreshTarget>& targets);

// A feed a colleague's client fetched, on the command line (which has no translations, so no
// plural forms): "NAME: fetched by alice 12 s ago; not fetched again."
QString fetchedElsewhereLine(const ingest::RefreshOutcome& outcome);

// A feed whose address answered with a permanent redirect and now has the new one:
// "OLD moved permanently to NEW; the subscription now uses the new address."
QString movedLine(const ingest::RefreshOutcome& outcome);

// The fetch limits from --timeout / --max-size, shared by import and refresh.
void addFetchOptions(QCommandLineParser& parser);
Result<feeds::FetchOptions> fetchOptions(const QCommandLineParser& parser);

} // namespace mirsad::cli
