#include "briefs/Brief.h"
#include "briefs/BriefStore.h"
#include "cli/Command.h"
#include "cli/FilterOptions.h"
#include "publishing/Export.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QSet>

namespace mirsad::cli {

namespace {

constexpr int defaultLimit = 500;

// The options of export itself; any other option set is a list filter.
const QSet<QString>& ownOptions() {
    static const QSet<QString> names{
        QStringLiteral("db"),     QStringLiteral("help"),  QStringLiteral("h"),
        QStringLiteral("format"), QStringLiteral("o"),     QStringLiteral("output"),
        QStringLiteral("ids"),    QStringLiteral("brief"), QStringLiteral("annotated-only"),
        QStringLiteral("title"),  QStringLiteral("limit")};
    return names;
}

std::optional<QList<qint64>> parseIds(const QString& text) {
    QList<qint64> ids;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids << id;
    }
    if (ids.isEmpty())
        return std::nullopt;
    return ids;
}

} // namespace

bool needsGuiApplication(const QStringList& arguments) {
    // mirsadctl [--db LOCATION] export ... --format odt|pdf: the first word that is not an option
    // (or --db's value) is the command.
    qsizetype i = 1;
    while (i < arguments.size() && arguments[i].startsWith(u'-'))
        i += arguments[i] == u"--db" || arguments[i] == u"-db" ? 2 : 1;
    if (i >= arguments.size() || arguments[i] != u"export")
        return false;
    for (qsizetype j = i + 1; j < arguments.size(); ++j) {
        QString value;
        if ((arguments[j] == u"--format" || arguments[j] == u"-format") && j + 1 < arguments.size())
            value = arguments[j + 1];
        else if (arguments[j].startsWith(QStringLiteral("--format=")))
            value = arguments[j].mid(9);
        else
            continue;
        const std::optional<publishing::ExportFormat> format = publishing::exportFormatFromName(value);
        return format &&
               (*format == publishing::ExportFormat::Odt || *format == publishing::ExportFormat::Pdf);
    }
    return false;
}

Command exportCommand() {
    Command command;
    command.name = QStringLiteral("export");
    command.synopsis = filterSynopsis() +
                       QStringLiteral(" [--ids ID,...] [--brief BRIEF] [--annotated-only] [--title "
                                      "TITLE] [--limit K] --format md|html|odt|pdf|csv|json|w3c [-o FILE]");
    command.description = QStringLiteral(
        "Export a brief (md, html, odt, pdf) or the annotations (csv, json, w3c) of the matching articles.");
    command.details =
        QStringLiteral(
            "The articles: those matching the list filters, newest first (at most --limit, default %1), "
            "or --ids in the order given, or a brief saved in the GUI (--brief, its id).\n"
            "Briefs: md, html (standalone page), odt and pdf (A4) have the title, the date range and "
            "filter, each article with its quotes in their colours and the notes, and the index of "
            "names. Data: csv (UTF-8 with a BOM), json, w3c (W3C Web Annotation JSON-LD) hold the "
            "highlights and notes.\n"
            "Without -o, md, html, csv, json and w3c go to standard output; odt and pdf need -o FILE. "
            "A file is written whole or not at all.\n\n")
            .arg(defaultLimit) +
        searchSyntaxHelp();
    command.addOptions = [](QCommandLineParser& parser) {
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("format"),
                          QStringLiteral("md, html, odt, pdf (a brief) or csv, json, w3c (the annotations)."),
                          QStringLiteral("FORMAT")});
        parser.addOption({QStringList{QStringLiteral("o"), QStringLiteral("output")},
                          QStringLiteral("Write to FILE (required for odt and pdf)."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("ids"),
                          QStringLiteral("These articles, in this order (comma separated)."),
                          QStringLiteral("ID,...")});
        parser.addOption({QStringLiteral("brief"),
                          QStringLiteral("The articles, title and introduction of a saved brief."),
                          QStringLiteral("BRIEF")});
        parser.addOption({QStringLiteral("annotated-only"),
                          QStringLiteral("Only the articles with a highlight or a note.")});
        parser.addOption({QStringLiteral("title"), QStringLiteral("The brief's title (default: \"Brief\")."),
                          QStringLiteral("TITLE")});
        parser.addOption({QStringLiteral("limit"),
                          QStringLiteral("At most K articles of a filter (default %1).").arg(defaultLimit),
                          QStringLiteral("K"), QString::number(defaultLimit)});
    };
    command.run = [](CommandContext& context) -> int {
        QCommandLineParser& parser = context.parser;
        if (!parser.positionalArguments().isEmpty()) {
            context.error(QStringLiteral("export takes no arguments, only options (got \"%1\").")
                              .arg(parser.positionalArguments().join(u' ')));
            return UsageError;
        }
        if (!parser.isSet(QStringLiteral("format"))) {
            context.error(QStringLiteral("export needs --format: md, html, odt, pdf, csv, json or w3c."));
            return UsageError;
        }
        const std::optional<publishing::ExportFormat> format =
            publishing::exportFormatFromName(parser.value(QStringLiteral("format")));
        if (!format) {
            context.error(QStringLiteral("--format is md, html, odt, pdf, csv, json or w3c, not \"%1\".")
                              .arg(parser.value(QStringLiteral("format"))));
            return UsageError;
        }
        const QString output = parser.value(QStringLiteral("o"));
        const bool binary =
            *format == publishing::ExportFormat::Odt || *format == publishing::ExportFormat::Pdf;
        if (binary && output.isEmpty()) {
            context.error(QStringLiteral("%1 is a binary document: give the file to write with -o FILE.")
                              .arg(publishing::exportFormatName(*format)));
            return UsageError;
        }
        bool limitOk = false;
        const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
        if (!limitOk || limit <= 0) {
            context.error(QStringLiteral("--limit needs a positive number."));
            return UsageError;
        }
        const bool byIds = parser.isSet(QStringLiteral("ids"));
        const bool byBrief = parser.isSet(QStringLiteral("brief"));
        if (byIds && byBrief) {
            context.error(QStringLiteral("Give --ids or --brief, not both."));
            return UsageError;
        }
        std::optional<QList<qint64>> ids;
        if (byIds && !(ids = parseIds(parser.value(QStringLiteral("ids"))))) {
            context.error(QStringLiteral("--ids needs article ids separated by commas, like --ids 12,7,40."));
            return UsageError;
        }
        qint64 briefId = 0;
        if (byBrief) {
            bool ok = false;
            briefId = parser.value(QStringLiteral("brief")).toLongLong(&ok);
            if (!ok || briefId <= 0) {
                context.error(QStringLiteral("--brief needs the id of a saved brief."));
                return UsageError;
            }
        }
        if (byIds || byBrief) {
            for (const QString& name : parser.optionNames())
                if (!ownOptions().contains(name)) {
                    context.error(
                        QStringLiteral("--%1 picks the articles already: leave out the list filters (--%2).")
                            .arg(byIds ? QStringLiteral("ids") : QStringLiteral("brief"), name));
                    return UsageError;
                }
        }
        if (binary && !qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            context.error(QStringLiteral("%1 needs mirsadctl's document support (a QGuiApplication).")
                              .arg(publishing::exportFormatName(*format)));
            return Failure;
        }

        ArticleFilter filter;
        if (!byIds && !byBrief)
            if (const int code = readFilter(context, filter); code != Success)
                return code;
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        QString title, introduction, description;
        QList<qint64> articleIds;
        if (byBrief) {
            Result<briefs::SavedBrief> saved = briefs::loadBrief(**db, briefId);
            if (!saved) {
                context.error(saved.error());
                return Failure;
            }
            title = saved->title;
            introduction = saved->introduction;
            articleIds = saved->articleIds;
        } else if (byIds) {
            articleIds = *ids;
        } else {
            Result<QList<qint64>> matching = briefs::articleIdsMatching(**db, filter, limit + 1);
            if (!matching) {
                context.error(matching.error());
                return Failure;
            }
            articleIds = std::move(*matching);
            if (articleIds.size() > limit) {
                articleIds.resize(limit);
                context.err << "mirsadctl: more articles match; exporting the newest " << limit
                            << " (raise --limit for more)." << Qt::endl;
            }
            description = briefs::describeFilter(**db, filter);
        }
        const bool annotatedOnly = parser.isSet(QStringLiteral("annotated-only"));
        Result<briefs::Brief> brief =
            briefs::gatherBrief(**db, articleIds, briefs::GatherOptions{annotatedOnly});
        if (!brief) {
            context.error(brief.error());
            return Failure;
        }
        if (byIds && brief->articles.size() < articleIds.size() && !annotatedOnly)
            context.err << "mirsadctl: " << articleIds.size() - brief->articles.size()
                        << " of the ids are not in the archive; left out." << Qt::endl;
        brief->title = parser.isSet(QStringLiteral("title")) ? parser.value(QStringLiteral("title")) : title;
        brief->introduction = introduction;
        brief->filterDescription = description;

        if (!output.isEmpty()) {
            if (Status written = publishing::exportBriefToFile(*brief, *format, output); !written) {
                context.error(written.error());
                return Failure;
            }
            return Success;
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (Status written = publishing::exportBrief(*brief, *format, buffer); !written) {
            context.error(written.error());
            return Failure;
        }
        // The bytes as written (a CSV's BOM included) when the stream is on a device.
        context.out.flush();
        if (QIODevice* device = context.out.device())
            device->write(buffer.data());
        else
            context.out << QString::fromUtf8(buffer.data());
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
