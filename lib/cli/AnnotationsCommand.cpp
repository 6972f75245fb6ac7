#include "briefs/Brief.h"
#include "cli/Command.h"
#include "cli/FilterOptions.h"
#include "exchange/AnnotationData.h"
#include "storage/Database.h"
#include "text/CodePoints.h"

#include <QBuffer>
#include <QSet>
#include <QSqlQuery>

namespace mirsad::cli {

namespace {

// The articles with a highlight or a note: few, beside the archive.
Result<QSet<qint64>> annotatedArticles(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT article_id FROM highlights UNION SELECT article_id FROM notes")))
        return storage::sqlError(QStringLiteral("read the annotated articles"), query);
    QSet<qint64> ids;
    while (query.next())
        ids.insert(query.value(0).toLongLong());
    return ids;
}

QString oneLine(const QString& text) {
    return text.simplified();
}

void printArticle(QTextStream& out, const briefs::BriefArticle& entry) {
    const Article& article = entry.article;
    out << article.id << '\t'
        << (article.published.isValid() ? article.published.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                        : QStringLiteral("----------------"))
        << '\t' << (article.source.isEmpty() ? entry.feedTitle : article.source) << '\t' << article.title
        << '\n';
    if (!article.link.isEmpty())
        out << "    " << article.link << '\n';
    const auto printNote = [&](const annotations::Note& note, const char* indent) {
        out << indent << "note " << note.id << ": " << oneLine(note.body);
        if (!note.tags.isEmpty())
            out << "  #" << note.tags.join(QStringLiteral(" #"));
        if (!note.author.isEmpty())
            out << "  — " << note.author;
        if (note.shared)
            out << "  (shared)";
        out << '\n';
    };
    text::CodePointMap codePoints(article.text);
    for (const annotations::Highlight& h : entry.highlights) {
        out << "    highlight " << h.id << " [" << h.color << "] ";
        if (h.orphaned)
            out << "(passage gone) ";
        else
            out << codePoints(h.selector.start) << '-' << codePoints(h.selector.end) << ' ';
        out << "“" << oneLine(h.selector.quote) << "”";
        if (!h.author.isEmpty())
            out << "  — " << h.author;
        if (h.shared)
            out << "  (shared)";
        out << '\n';
        for (const annotations::Note& note : entry.notes)
            if (note.highlightId == h.id)
                printNote(note, "        ");
    }
    for (const annotations::Note& note : entry.notes)
        if (note.highlightId == 0)
            printNote(note, "    ");
}

} // namespace

Command annotationsCommand() {
    Command command;
    command.name = QStringLiteral("annotations");
    command.synopsis = filterSynopsis() + QStringLiteral(" [--json]");
    command.description =
        QStringLiteral("List the highlights and notes of the matching articles, newest article first.");
    command.details =
        QStringLiteral(
            "Offsets are in Unicode code points into the article's text (as show --json gives it).\n"
            "--json prints Mirsad's annotation JSON (the same as export --format json).\n\n") +
        searchSyntaxHelp();
    command.addOptions = [](QCommandLineParser& parser) {
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    };
    command.run = [](CommandContext& context) -> int {
        if (!context.parser.positionalArguments().isEmpty()) {
            context.error(QStringLiteral("annotations takes no arguments, only options (got \"%1\").")
                              .arg(context.parser.positionalArguments().join(u' ')));
            return UsageError;
        }
        ArticleFilter filter;
        if (const int code = readFilter(context, filter); code != Success)
            return code;
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        Result<QSet<qint64>> annotated = annotatedArticles(**db);
        if (!annotated) {
            context.error(annotated.error());
            return Failure;
        }
        QList<qint64> ids;
        if (!annotated->isEmpty()) {
            Result<QList<qint64>> matching = briefs::articleIdsMatching(**db, filter);
            if (!matching) {
                context.error(matching.error());
                return Failure;
            }
            for (const qint64 id : *matching)
                if (annotated->contains(id))
                    ids << id;
        }
        Result<briefs::Brief> brief =
            briefs::gatherBrief(**db, ids, briefs::GatherOptions{.annotatedOnly = true});
        if (!brief) {
            context.error(brief.error());
            return Failure;
        }
        if (context.parser.isSet(QStringLiteral("json"))) {
            brief->filterDescription = briefs::describeFilter(**db, filter);
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            if (Status written = exchange::writeAnnotations(*brief, exchange::DataFormat::Json, buffer);
                !written) {
                context.error(written.error());
                return Failure;
            }
            context.out << QString::fromUtf8(buffer.data());
            context.out.flush();
            return Success;
        }
        if (brief->articles.isEmpty())
            context.out << "No annotations.\n";
        for (const briefs::BriefArticle& entry : brief->articles)
            printArticle(context.out, entry);
        context.out.flush();
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
