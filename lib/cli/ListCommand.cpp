#include "cli/Command.h"
#include "filters/NameFilter.h"
#include "ingest/ArticleTagging.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// "2021-05-09" (a whole day, UTC) or an ISO 8601 date and time.
std::optional<QDateTime> parseDate(const QString& text, bool endOfDay) {
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::UTC);
    return time.toUTC();
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
    return Error{QStringLiteral("No feed \"%1\". Feeds: %2.").arg(typed, titles.join(QStringLiteral("; ")))};
}

QJsonObject toJson(const storage::ArticleSummary& article) {
    QJsonArray entities;
    for (const storage::EntityRef& entity : article.entities)
        entities.append(QJsonObject{{QStringLiteral("id"), entity.id},
                                    {QStringLiteral("name"), entity.name},
                                    {QStringLiteral("name_ar"), entity.nameAr},
                                    {QStringLiteral("kind"), entity.kind},
                                    {QStringLiteral("mentions"), entity.count}});
    return QJsonObject{
        {QStringLiteral("id"), article.id},
        {QStringLiteral("title"), article.title},
        {QStringLiteral("feed"), article.feedTitle},
        {QStringLiteral("feed_id"), article.feedId},
        {QStringLiteral("source"), article.source},
        {QStringLiteral("published"),
         article.published.isValid() ? QJsonValue(isoUtc(article.published)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("link"), article.link},
        {QStringLiteral("entities"), entities},
        {QStringLiteral("read"), article.read},
        {QStringLiteral("starred"), article.starred},
        {QStringLiteral("notes"), article.notes},
    };
}

} // namespace

Command listCommand() {
    Command command;
    command.name = QStringLiteral("list");
    command.synopsis =
        QStringLiteral("[--person N] [--place N] [--org N] [--region N] [--entity N] [--feed N] [--query "
                       "TEXT] [--since DATE] "
                       "[--until DATE] [--unread] [--starred] [--has-notes] [--limit K] [--json]");
    command.description = QStringLiteral("List articles, newest first; filters combine with AND.");
    command.addOptions = [](QCommandLineParser& parser) {
        for (const NameOption& option : nameOptions)
            parser.addOption(
                {QString::fromLatin1(option.name), QString::fromLatin1(option.help), QStringLiteral("N")});
        parser.addOption({QStringLiteral("feed"), QStringLiteral("Articles of this feed (id, URL or title)."),
                          QStringLiteral("N")});
        parser.addOption(
            {QStringLiteral("query"), QStringLiteral("Full-text search."), QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("since"),
                          QStringLiteral("Published on or after DATE (ISO 8601, UTC)."),
                          QStringLiteral("DATE")});
        parser.addOption({QStringLiteral("until"),
                          QStringLiteral("Published on or before DATE (ISO 8601, UTC)."),
                          QStringLiteral("DATE")});
        parser.addOption({QStringLiteral("unread"), QStringLiteral("Only unread articles.")});
        parser.addOption({QStringLiteral("starred"), QStringLiteral("Only starred articles.")});
        parser.addOption({QStringLiteral("has-notes"), QStringLiteral("Only articles with notes.")});
        parser.addOption({QStringLiteral("limit"), QStringLiteral("At most K articles (default 100)."),
                          QStringLiteral("K"), QStringLiteral("100")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    };
    command.run = [](CommandContext& context) -> int {
        QCommandLineParser& parser = context.parser;
        if (!parser.positionalArguments().isEmpty()) {
            context.error(QStringLiteral("list takes no arguments, only options (got \"%1\").")
                              .arg(parser.positionalArguments().join(u' ')));
            return UsageError;
        }
        bool limitOk = false;
        const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
        if (!limitOk || limit <= 0) {
            context.error(QStringLiteral("--limit needs a positive number."));
            return UsageError;
        }
        ArticleFilter filter;
        for (const char* name : {"since", "until"}) {
            const QString option = QString::fromLatin1(name);
            if (!parser.isSet(option))
                continue;
            const bool isUntil = option == u"until";
            std::optional<QDateTime> time = parseDate(parser.value(option), isUntil);
            if (!time) {
                context.error(
                    QStringLiteral("--%1 needs a date like 2021-05-09 or 2021-05-09T15:15:00Z, not \"%2\".")
                        .arg(option, parser.value(option)));
                return UsageError;
            }
            (isUntil ? filter.until : filter.since) = *time;
        }
        filter.text = parser.value(QStringLiteral("query"));
        filter.unreadOnly = parser.isSet(QStringLiteral("unread"));
        filter.starredOnly = parser.isSet(QStringLiteral("starred"));
        filter.withNotesOnly = parser.isSet(QStringLiteral("has-notes"));

        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        for (const QString& feed : parser.values(QStringLiteral("feed"))) {
            Result<qint64> id = resolveFeed(**db, feed);
            if (!id) {
                context.error(id.error());
                return Failure;
            }
            filter.feedIds << *id;
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
            Result<std::shared_ptr<const ingest::Tagger>> tagger = ingest::Tagger::forDatabase(**db);
            if (!tagger) {
                context.error(tagger.error());
                return Failure;
            }
            for (const NameOption& option : nameOptions) {
                for (const QString& typed : parser.values(QString::fromLatin1(option.name))) {
                    Result<QStringList> ids =
                        filters::resolveFilterName(**tagger, typed, option.kind, option.scope);
                    if (!ids) {
                        context.error(ids.error());
                        return Failure;
                    }
                    filter.entityGroups << *ids;
                }
            }
        }
        Result<QList<storage::ArticleSummary>> articles = storage::listArticles(**db, filter, limit);
        if (!articles) {
            context.error(articles.error());
            return Failure;
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const storage::ArticleSummary& article : *articles)
                array.append(toJson(article));
            context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            return Success;
        }
        for (const storage::ArticleSummary& article : *articles) {
            QStringList names;
            for (const storage::EntityRef& entity : article.entities.mid(0, 5))
                names << entity.name;
            context.out << article.id << '\t'
                        << (article.published.isValid()
                                ? article.published.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                : QStringLiteral("----------------"))
                        << '\t' << (article.read ? ' ' : '*') << (article.starred ? u'★' : u' ') << '\t'
                        << (article.source.isEmpty() ? article.feedTitle : article.source) << '\t'
                        << article.title;
            if (!names.isEmpty())
                context.out << "  [" << names.join(QStringLiteral(", ")) << ']';
            context.out << '\n';
        }
        context.out.flush();
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
