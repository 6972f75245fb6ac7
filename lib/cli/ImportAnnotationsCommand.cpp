#include "cli/Command.h"
#include "exchange/AnnotationData.h"

#include <QFile>

namespace mirsad::cli {

Command importAnnotationsCommand() {
    Command command;
    command.name = QStringLiteral("import-annotations");
    command.synopsis = QStringLiteral("FILE|-");
    command.description = QStringLiteral(
        "Import W3C Web Annotations (JSON-LD, also a Hypothesis export) onto the articles with their links.");
    command.details = QStringLiteral(
        "Each annotation is attached to the article with the same link (also with http/https, a\n"
        "trailing slash or a #fragment apart) and found again in its text by its quote, as the reader\n"
        "does. Annotations already in the archive are skipped, so importing a file twice is harmless.\n"
        "Exit status: 0 when every annotation was stored or was already there; 1 when some found no\n"
        "article or no passage (each is listed; the others are stored), or when the file is not\n"
        "annotations (then nothing is stored).\n");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     QStringLiteral("A JSON-LD file; - for the standard input."),
                                     QStringLiteral("FILE|-"));
    };
    command.run = [](CommandContext& context) -> int {
        const QStringList args = context.parser.positionalArguments();
        if (args.size() != 1) {
            context.error(QStringLiteral("import-annotations reads one file (or - for the standard input)."));
            return UsageError;
        }
        QFile file;
        const bool standardInput = args.first() == u"-";
        const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                          : (file.setFileName(args.first()), file.open(QIODevice::ReadOnly));
        if (!opened) {
            context.error(QStringLiteral("Could not read %1: %2")
                              .arg(standardInput ? QStringLiteral("the standard input") : args.first(),
                                   file.errorString()));
            return Failure;
        }
        // The whole file is parsed at once: a file larger than any real annotation export (a
        // Hypothesis export of thousands of annotations is a few MB) is refused, not read into memory.
        constexpr qint64 maxBytes = qint64(256) << 20;
        const QByteArray json =
            !standardInput && file.size() > maxBytes ? QByteArray() : file.read(maxBytes + 1);
        if (json.size() > maxBytes || (!standardInput && file.size() > maxBytes)) {
            context.error(
                QStringLiteral("%1 is larger than %2 MB, more than an annotation file holds; nothing was "
                               "imported (split it into smaller files).")
                    .arg(standardInput ? QStringLiteral("The standard input") : args.first())
                    .arg(maxBytes >> 20));
            return Failure;
        }
        Result<QSqlDatabase*> db = context.database();
        if (!db) {
            context.error(db.error());
            return Failure;
        }
        Result<exchange::ImportReport> report = exchange::importW3cAnnotations(**db, json);
        if (!report) {
            context.error(report.error() + QStringLiteral(" Nothing was imported."));
            return Failure;
        }
        QTextStream& out = context.out;
        out << "Stored " << report->highlights << (report->highlights == 1 ? " highlight" : " highlights")
            << " and " << report->notes << (report->notes == 1 ? " note" : " notes") << "; "
            << report->duplicates << (report->duplicates == 1 ? " was" : " were") << " already there.\n";
        if (!report->unmatched.isEmpty()) {
            out << report->unmatched.size() << " not imported:\n";
            for (const QString& sentence : std::as_const(report->unmatched))
                out << "  " << sentence << '\n';
        }
        out.flush();
        return report->unmatched.isEmpty() ? Success : Failure;
    };
    return command;
}

} // namespace mirsad::cli
