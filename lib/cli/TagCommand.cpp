#include "cli/CodePoints.h"
#include "cli/Command.h"
#include "names/Gazetteer.h"
#include "storage/Database.h"
#include "tagging/Tagger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace mirsad::cli {

namespace {

Result<QByteArray> readInput(const QString& source) {
    QFile file;
    if (source.isEmpty() || source == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return couldNot(QStringLiteral("read the standard input"), file.errorString());
        return file.readAll();
    }
    file.setFileName(source);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Could not read %1: %2").arg(source, file.errorString())};
    return file.readAll();
}

// Strict UTF-8: a byte that is not part of a valid sequence is an error, not a replacement
// character, so that offsets always refer to the text the caller gave. A BOM is kept as U+FEFF.
Result<QString> decodeUtf8(const QByteArray& bytes, const QString& source) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{QStringLiteral("%1 is not valid UTF-8 text.").arg(source)};
    return text;
}

} // namespace

bool databaseGiven(const CommandContext& context) {
    return context.parser.isSet(QStringLiteral("db")) ||
           context.databasePath() != storage::defaultDatabasePath();
}

Command tagCommand() {
    Command command;
    command.name = QStringLiteral("tag");
    command.synopsis = QStringLiteral("[FILE|-] [--json]");
    command.description =
        QStringLiteral("Find the names in UTF-8 text (a file, or the standard input); no database needed.");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(
            QStringLiteral("FILE"), QStringLiteral("A UTF-8 text file; - or nothing for the standard input."),
            QStringLiteral("[FILE|-]"));
        parser.addOption(
            {QStringLiteral("json"), QStringLiteral("Print JSON: offsets in code points, end exclusive.")});
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        if (args.size() > 1) {
            context.error(QStringLiteral("tag reads one file, or the standard input with - or nothing."));
            return UsageError;
        }
        const QString source = args.value(0);
        Result<QByteArray> bytes = readInput(source);
        if (!bytes) {
            context.error(bytes.error());
            return Failure;
        }
        const QString label =
            source.isEmpty() || source == u"-" ? QStringLiteral("The standard input") : source;
        Result<QString> text = decodeUtf8(*bytes, label);
        if (!text) {
            context.error(text.error());
            return Failure;
        }

        // The database's own names only when --db was given: `tag` needs no database otherwise.
        Result<std::shared_ptr<const tagging::Tagger>> tagger = Error{QString()};
        if (databaseGiven(context)) {
            Result<QSqlDatabase*> db = context.database();
            if (!db) {
                context.error(db.error());
                return Failure;
            }
            tagger = tagging::Tagger::forDatabase(**db);
        } else {
            tagger = tagging::Tagger::builtin();
        }
        if (!tagger) {
            context.error(tagger.error());
            return Failure;
        }
        const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
        Article article;
        article.text = *text;
        const QList<StoredMention> mentions = (*tagger)->mentionsIn(article);

        CodePointMap codePoints(*text);
        if (context.parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const StoredMention& mention : mentions) {
                const names::Entity* entity = gazetteer.entity(mention.entityId);
                array.append(QJsonObject{
                    {QStringLiteral("start"), codePoints(mention.start)},
                    {QStringLiteral("end"), codePoints(mention.end)},
                    {QStringLiteral("text"), mention.surface},
                    {QStringLiteral("entity"), mention.entityId},
                    {QStringLiteral("name"), entity ? entity->name : QString()},
                    {QStringLiteral("name_ar"), entity ? entity->nameAr : QString()},
                    {QStringLiteral("kind"), entity ? names::kindToString(entity->kind) : QString()},
                });
            }
            context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("mentions"), array}})
                                                 .toJson(QJsonDocument::Indented));
            context.out.flush();
            return Success;
        }
        QTextStream& out = context.out;
        if (mentions.isEmpty()) {
            out << "No names found.\n";
            out.flush();
            return Success;
        }
        out << qSetFieldWidth(7) << Qt::right << "start"
            << "end" << qSetFieldWidth(0) << "  " << qSetFieldWidth(14) << Qt::left << "kind"
            << qSetFieldWidth(32) << "entity" << qSetFieldWidth(0) << "text\n";
        for (const StoredMention& mention : mentions) {
            const names::Entity* entity = gazetteer.entity(mention.entityId);
            const qsizetype start = codePoints(mention.start);
            const qsizetype end = codePoints(mention.end);
            out << qSetFieldWidth(7) << Qt::right << start << end << qSetFieldWidth(0) << "  "
                << qSetFieldWidth(14) << Qt::left << (entity ? names::kindToString(entity->kind) : QString())
                << qSetFieldWidth(32) << mention.entityId << qSetFieldWidth(0) << mention.surface;
            if (entity)
                out << "  → " << (entity->name.isEmpty() ? entity->nameAr : entity->name);
            out << "\n";
        }
        out.flush();
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
