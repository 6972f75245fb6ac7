#include "cli/CodePoints.h"
#include "cli/Command.h"
#include "cli/FilterOptions.h"
#include "filters/NameFilter.h"
#include "names/Gazetteer.h"
#include "search/QueryParser.h"
#include "search/SearchMatches.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "storage/SearchVocabulary.h"
#include "tagging/RegionIndex.h"
#include "tagging/Tagger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace mirsad::cli {

namespace {

// The snippet of a text search, three ways: `snippet` with the matched words in **bold**
// (Markdown), `snippet_text` as it is, and `snippet_marks`: where the matched words are in
// snippet_text, as start and end (exclusive) offsets in Unicode code points, like tag --json's.
void addSnippet(QJsonObject& object, const search::Snippet& snippet) {
    QJsonArray marks;
    CodePointMap codePoints(snippet.text);
    for (const text::Span& mark : snippet.marks)
        marks.append(QJsonObject{{QStringLiteral("start"), codePoints(mark.start)},
                                 {QStringLiteral("end"), codePoints(mark.end)}});
    object.insert(QStringLiteral("snippet"), search::markedSnippet(snippet));
    object.insert(QStringLiteral("snippet_text"), snippet.text);
    object.insert(QStringLiteral("snippet_marks"), marks);
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
    command.synopsis = filterSynopsis() + QStringLiteral(" [--sort newest|relevance] [--limit K] [--json]");
    command.description = QStringLiteral("List articles, newest first; filters combine with AND.");
    command.details = searchSyntaxHelp();
    command.addOptions = [](QCommandLineParser& parser) {
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("sort"),
                          QStringLiteral("newest (default) or relevance (best --query matches first)."),
                          QStringLiteral("ORDER"), QStringLiteral("newest")});
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
        const QString sort = parser.value(QStringLiteral("sort"));
        if (sort != u"newest" && sort != u"relevance") {
            context.error(QStringLiteral("--sort is newest or relevance, not \"%1\".").arg(sort));
            return UsageError;
        }
        const storage::ArticleOrder order =
            sort == u"relevance" ? storage::ArticleOrder::Relevance : storage::ArticleOrder::Newest;
        ArticleFilter filter;
        if (const int code = readFilter(context, filter); code != Success)
            return code;
        const Result<search::ParsedQuery> parsed = search::parseQuery(filter.text);
        const bool textSearch = parsed && !parsed->isEmpty();
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        Result<QList<storage::ArticleSummary>> articles =
            storage::listArticles(**db, filter, limit, std::nullopt, order);
        if (!articles) {
            context.error(articles.error());
            return Failure;
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const storage::ArticleSummary& article : *articles) {
                QJsonObject object = toJson(article);
                if (textSearch)
                    addSnippet(object, article.snippet);
                array.append(object);
            }
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
            // The passage that matched, on its own indented line (a snippet has no tabs or breaks).
            if (textSearch && !article.snippet.isEmpty())
                context.out << "    " << search::markedSnippet(article.snippet) << '\n';
        }
        context.out.flush();
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
