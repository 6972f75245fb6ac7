#include "cli/FilterOptions.h"

#include "filters/NameFilter.h"
#include "names/Gazetteer.h"
#include "search/QueryParser.h"
#include "storage/FeedQueries.h"
#include "storage/SearchVocabulary.h"
#include "tagging/RegionIndex.h"
#include "tagging/Tagger.h"

#include <QTimeZone>

namespace mirsad::cli {

namespace {

struct NameOption {
    const char* name;
    std::optional<names::EntityKind> kind;
    filters::NameScope scope;
    const char* help;
};

const NameOption nameOptions[] = {
    {"person", names::EntityKind::Person, filters::NameScope::Exactly, "Articles that mention this person."},
    {"place", names::EntityKind::Place, filters::NameScope::Exactly, "Articles that mention this place."},
    {"org", names::EntityKind::Organization, filters::NameScope::Exactly,
     "Articles that mention this organisation."},
    {"region", names::EntityKind::Place, filters::NameScope::WithinRegion,
     "Articles that mention this region or any place within it."},
    {"entity", std::nullopt, filters::NameScope::Exactly, "Articles that mention this entity (any kind)."},
};

// A date as typed: "2021-05-09" (a whole day), "2021-05-09T15:15" or "2021-05-09 15:15[:00]",
// with an optional zone: "Z", "+03:00", "+0300", or an IANA name after a space
// ("2021-05-09 Asia/Baghdad"). Without a zone it is UTC. For --until a whole day or a time is
// included, so the (exclusive) bound is the next day or the next second.
std::optional<QDateTime> parseDate(QString text, bool isUntil) {
    text = text.trimmed();
    QTimeZone zone = QTimeZone::UTC;
    if (const qsizetype space = text.lastIndexOf(u' '); space > 0 && text.mid(space + 1).contains(u'/')) {
        zone = QTimeZone(text.mid(space + 1).toUtf8());
        if (!zone.isValid())
            return std::nullopt;
        text = text.left(space).trimmed();
    }
    // QDate's ISO parser reads the first ten characters only: a date and time is not a day.
    if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid() && text.size() == 10)
        return QDateTime(isUntil ? date.addDays(1) : date, QTime(0, 0), zone).toUTC();
    text.replace(u' ', u'T');
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), zone);
    return isUntil ? time.toUTC().addSecs(1) : time.toUTC();
}

// A feed given by id, URL or title.
Result<qint64> resolveFeed(const QSqlDatabase& db, const QString& typed) {
    Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db);
    if (!feeds)
        return Error{feeds.error()};
    bool isNumber = false;
    const qint64 id = typed.toLongLong(&isNumber);
    QStringList titles;
    for (const storage::FeedInfo& feed : *feeds) {
        if ((isNumber && feed.id == id) || feed.url == typed ||
            feed.title.compare(typed, Qt::CaseInsensitive) == 0)
            return feed.id;
        titles << QStringLiteral("%1 (%2)").arg(feed.title).arg(feed.id);
    }
    return Error{QStringLiteral("There is no feed \"%1\"; the feeds are: %2.")
                     .arg(typed, titles.join(QStringLiteral("; ")))};
}

// A folder given by id or name.
Result<qint64> resolveFolder(const QSqlDatabase& db, const QString& typed) {
    Result<QList<storage::FolderInfo>> folders = storage::listFolders(db);
    if (!folders)
        return Error{folders.error()};
    bool isNumber = false;
    const qint64 id = typed.toLongLong(&isNumber);
    QStringList names;
    for (const storage::FolderInfo& folder : *folders) {
        if ((isNumber && folder.id == id) || folder.name.compare(typed, Qt::CaseInsensitive) == 0)
            return folder.id;
        names << QStringLiteral("%1 (%2)").arg(folder.name).arg(folder.id);
    }
    if (names.isEmpty())
        return Error{QStringLiteral("There is no folder \"%1\": no folders exist yet.").arg(typed)};
    return Error{QStringLiteral("There is no folder \"%1\"; the folders are: %2.")
                     .arg(typed, names.join(QStringLiteral("; ")))};
}

// An archive made before the search vocabulary existed (migration 018) fills it once, so that a
// query finds inflected forms too (its clitic forms are found meanwhile anyway).
Status fillVocabulary(CommandContext& context, QSqlDatabase& db) {
    if (!storage::searchVocabularyFilling(db))
        return {};
    context.err << "mirsadctl: indexing this archive's words for the new search first (once, after an "
                   "upgrade)..."
                << Qt::endl;
    if (Result<qint64> words = storage::fillWholeSearchVocabulary(db); !words)
        return Error{words.error()};
    return {};
}

} // namespace

QString filterSynopsis() {
    return QStringLiteral(
        "[--person N] [--place N] [--org N] [--region N] [--entity N] [--feed N] [--folder N] "
        "[--query TEXT] [--since DATE] [--until DATE] [--unread] [--starred] [--has-notes]");
}

QString searchSyntaxHelp() {
    return QStringLiteral(
        "Search (--query):\n"
        "  words            every word must match, in any of its forms: with or without the article\n"
        "                   and the clitics و ف ب ل ك (اربيل finds وأربيل, موصل finds وبالموصل),\n"
        "                   and inflected (delegations finds delegation, talk finds talked)\n"
        "  \"exact phrase\"   these words in this order, as written (no other forms)\n"
        "  a OR b           either of them (OR in capitals)\n"
        "  -word, -\"a b\"    leave out the articles that have it\n"
        "  prefix*          words that start with it (كرد* finds والكردية; at least 2 letters)\n"
        "Spelling variants never matter (hamza and alef forms, ى/ي, ة/ه, diacritics, case).\n"
        "With a search each article is followed by the passage that matched, its words in **bold**;\n"
        "--json adds it as snippet (and snippet_text with snippet_marks, in code points).\n"
        "A malformed query exits with 2 and a sentence saying what to fix.\n");
}

void addFilterOptions(QCommandLineParser& parser) {
    for (const NameOption& option : nameOptions)
        parser.addOption(
            {QString::fromLatin1(option.name), QString::fromLatin1(option.help), QStringLiteral("N")});
    parser.addOption({QStringLiteral("feed"), QStringLiteral("Articles of this feed (id, URL or title)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("folder"),
                      QStringLiteral("Articles of the feeds in this folder or its subfolders (id or name; "
                                     "repeated: any of them)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("query"),
                      QStringLiteral("Full-text search in title and text (the syntax is below)."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Published on or after DATE (ISO 8601; UTC unless it gives a zone, "
                                     "e.g. +03:00 or \"2021-05-09 Asia/Baghdad\")."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("Published on or before DATE (a whole day when no time is given)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("unread"), QStringLiteral("Only unread articles.")});
    parser.addOption({QStringLiteral("starred"), QStringLiteral("Only starred articles.")});
    parser.addOption({QStringLiteral("has-notes"), QStringLiteral("Only articles with notes.")});
}

int readFilter(CommandContext& context, ArticleFilter& filter) {
    QCommandLineParser& parser = context.parser;
    for (const char* name : {"since", "until"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const bool isUntil = option == u"until";
        std::optional<QDateTime> time = parseDate(parser.value(option), isUntil);
        if (!time) {
            context.error(QStringLiteral("--%1 needs a date like 2021-05-09, 2021-05-09T15:15+03:00 or "
                                         "\"2021-05-09 Asia/Baghdad\", not \"%2\".")
                              .arg(option, parser.value(option)));
            return UsageError;
        }
        (isUntil ? filter.until : filter.since) = *time;
    }
    filter.text = parser.values(QStringLiteral("query")).join(u' ');
    // A malformed query is the user's to fix: said before the database is even opened.
    Result<search::ParsedQuery> query = search::parseQuery(filter.text);
    if (!query) {
        context.error(QStringLiteral("--query: %1").arg(query.error()));
        return UsageError;
    }
    const bool textSearch = !query->isEmpty();
    filter.unreadOnly = parser.isSet(QStringLiteral("unread"));
    filter.starredOnly = parser.isSet(QStringLiteral("starred"));
    filter.withNotesOnly = parser.isSet(QStringLiteral("has-notes"));

    Result<QSqlDatabase*> db = context.database();
    if (!db) {
        context.error(db.error());
        return Failure;
    }
    if (textSearch) {
        if (Status s = fillVocabulary(context, **db); !s) {
            context.error(s.error());
            return Failure;
        }
    }
    for (const QString& feed : parser.values(QStringLiteral("feed"))) {
        Result<qint64> id = resolveFeed(**db, feed);
        if (!id) {
            context.error(id.error());
            return Failure;
        }
        filter.feedIds << *id;
    }
    for (const QString& folder : parser.values(QStringLiteral("folder"))) {
        Result<qint64> id = resolveFolder(**db, folder);
        if (!id) {
            context.error(id.error());
            return Failure;
        }
        filter.folderIds << *id;
    }
    // Two different --feed options mean both, which no article can satisfy.
    std::sort(filter.feedIds.begin(), filter.feedIds.end());
    filter.feedIds.erase(std::unique(filter.feedIds.begin(), filter.feedIds.end()), filter.feedIds.end());
    if (filter.feedIds.size() > 1)
        filter.feedIds = {-1};
    bool needsNames = false;
    for (const NameOption& option : nameOptions)
        needsNames = needsNames || parser.isSet(QString::fromLatin1(option.name));
    if (needsNames) {
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(**db);
        if (!tagger) {
            context.error(tagger.error());
            return Failure;
        }
        for (const NameOption& option : nameOptions) {
            for (const QString& typed : parser.values(QString::fromLatin1(option.name))) {
                Result<const names::Entity*> entity = filters::resolveEntity(**tagger, typed, option.kind);
                if (!entity) {
                    context.error(entity.error());
                    return Failure;
                }
                if (option.scope == filters::NameScope::WithinRegion)
                    filter.regions << (*entity)->id;
                else
                    filter.entityGroups << QStringList{(*entity)->id};
            }
        }
        if (!filter.regions.isEmpty()) {
            if (Status s = tagging::syncRegionIndex(**db, (*tagger)->gazetteer()); !s) {
                context.error(s.error());
                return Failure;
            }
        }
    }
    return Success;
}

} // namespace mirsad::cli
