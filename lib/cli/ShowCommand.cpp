#include "cli/CodePoints.h"
#include "cli/Command.h"
#include "names/Gazetteer.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"
#include "tagging/Tagger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mirsad::cli {

static QString feedTitle(const QSqlDatabase& db, qint64 feedId) {
    Result<storage::FeedInfo> feed = storage::feedById(db, feedId);
    return feed ? feed->title : QString();
}

Command showCommand() {
    Command command;
    command.name = QStringLiteral("show");
    command.synopsis = QStringLiteral("ID [--json]");
    command.description = QStringLiteral("Show one article: its text and the names it mentions.");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The article's id (see list)."));
        parser.addOption(
            {QStringLiteral("json"), QStringLiteral("Print JSON (mention offsets in code points).")});
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        bool isNumber = false;
        const qint64 id = args.value(0).toLongLong(&isNumber);
        if (args.size() != 1 || !isNumber) {
            context.error(QStringLiteral("show needs one article id, a number (see 'mirsadctl list')."));
            return UsageError;
        }
        Result<Article> article = context.article(id);
        if (!article) {
            context.error(article.error());
            return Failure;
        }
        QSqlDatabase& db = **context.database(); // opened by article()
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
        if (!tagger) {
            context.error(tagger.error());
            return Failure;
        }
        const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
        const QString feed = feedTitle(db, article->feedId);

        if (context.parser.isSet(QStringLiteral("json"))) {
            CodePointMap codePoints(article->text);
            QJsonArray mentions;
            for (const StoredMention& mention : article->mentions) {
                const names::Entity* entity = gazetteer.entity(mention.entityId);
                mentions.append(QJsonObject{
                    {QStringLiteral("start"), codePoints(mention.start)},
                    {QStringLiteral("end"), codePoints(mention.end)},
                    {QStringLiteral("text"), mention.surface},
                    {QStringLiteral("entity"), mention.entityId},
                    {QStringLiteral("name"), entity ? entity->name : QString()},
                    {QStringLiteral("name_ar"), entity ? entity->nameAr : QString()},
                    {QStringLiteral("kind"), entity ? names::kindToString(entity->kind) : QString()},
                });
            }
            const QJsonObject json{
                {QStringLiteral("id"), article->id},
                {QStringLiteral("title"), article->title},
                {QStringLiteral("feed"), feed},
                {QStringLiteral("feed_id"), article->feedId},
                {QStringLiteral("source"), article->source},
                {QStringLiteral("author"), article->author},
                {QStringLiteral("published"),
                 article->published.isValid() ? QJsonValue(isoUtc(article->published)) : QJsonValue()},
                {QStringLiteral("link"), article->link},
                {QStringLiteral("tags"), QJsonArray::fromStringList(article->tags)},
                {QStringLiteral("read"), article->read},
                {QStringLiteral("starred"), article->starred},
                {QStringLiteral("notes"), article->noteCount},
                {QStringLiteral("text"), article->text},
                {QStringLiteral("mentions"), mentions},
            };
            context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
            return Success;
        }
        QTextStream& out = context.out;
        out << article->title << "\n";
        QStringList meta;
        if (!article->source.isEmpty())
            meta << article->source;
        if (!feed.isEmpty() && feed != article->source)
            meta << feed;
        if (article->published.isValid())
            meta << article->published.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        out << meta.join(QStringLiteral(" · ")) << "\n";
        if (!article->tags.isEmpty())
            out << "Tags: " << article->tags.join(QStringLiteral(", ")) << "\n";
        if (!article->link.isEmpty())
            out << article->link << "\n";
        out << "\n" << article->text << "\n";
        if (!article->mentions.isEmpty()) {
            out << "\nNames:\n";
            for (const StoredMention& mention : article->mentions) {
                const names::Entity* entity = gazetteer.entity(mention.entityId);
                out << "  " << mention.surface << " → " << (entity ? entity->name : mention.entityId) << " ("
                    << (entity ? names::kindToString(entity->kind) : QString()) << ")\n";
            }
        }
        out.flush();
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
