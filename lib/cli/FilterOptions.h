#pragma once

#include "cli/Command.h"
#include "storage/ArticleFilter.h"

#include <QCommandLineParser>
#include <QString>

namespace mirsad::cli {

// The article filters that list, annotations and export share: --person, --place, --org,
// --region, --entity, --feed, --folder, --query, --since, --until, --unread, --starred,
// --has-notes.
QString filterSynopsis();
void addFilterOptions(QCommandLineParser& parser);
// The search syntax of --query, for a command's --help.
QString searchSyntaxHelp();

// Reads the filter options into `filter`. A malformed date or query is a usage error said before
// the database opens; names, feeds and folders are then resolved against the database (and a
// text search fills the search vocabulary of an upgraded archive first). Returns Success or the
// exit code, the error already written.
int readFilter(CommandContext& context, ArticleFilter& filter);

} // namespace mirsad::cli
