#include "annotations/Annotations.h"
#include "annotations/NoteAuthor.h"
#include "cli/Command.h"
#include "exchange/HighlightPalette.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "text/CodePoints.h"
#include "text/TextFind.h"

namespace mirsad::cli {

namespace {

// Where the quote occurs: exactly, else compared as the reader's find compares (folded).
QList<text::Span> occurrencesOf(const QString& text, const QString& quote) {
    QList<text::Span> spans;
    for (qsizetype at = text.indexOf(quote); at >= 0 && !quote.isEmpty();
         at = text.indexOf(quote, at + quote.size()))
        spans << text::Span{at, at + quote.size()};
    return spans.isEmpty() ? text::findFolded(text, quote) : spans;
}

// Whitespace runs as one space, the ends kept (a word cut by the quote stays cut).
QString flattened(QStringView text) {
    QString flat;
    for (const QChar c : text)
        if (!c.isSpace())
            flat += c;
        else if (flat.isEmpty() || flat.back() != u' ')
            flat += u' ';
    return flat;
}

// A few words either side of an occurrence, the occurrence in [brackets].
QString inContext(const QString& text, const text::Span& span) {
    constexpr qsizetype around = 30;
    qsizetype from = qMax<qsizetype>(0, span.start - around);
    qsizetype to = qMin(text.size(), span.end + around);
    while (from > 0 && !text.at(from - 1).isSpace() && span.start - from < around + 15)
        --from;
    while (to < text.size() && !text.at(to).isSpace() && to - span.end < around + 15)
        ++to;
    const QStringView all(text);
    return (from > 0 ? QStringLiteral("…") : QString()) +
           flattened(all.mid(from, span.start - from)).trimmed() +
           (from < span.start && text.at(span.start - 1).isSpace() ? QStringLiteral(" [")
                                                                   : QStringLiteral("[")) +
           flattened(all.mid(span.start, span.end - span.start)) +
           (span.end < to && text.at(span.end).isSpace() ? QStringLiteral("] ") : QStringLiteral("]")) +
           flattened(all.mid(span.end, to - span.end)).trimmed() +
           (to < text.size() ? QStringLiteral("…") : QString());
}

QString times(qsizetype n) {
    return n == 1   ? QStringLiteral("once")
           : n == 2 ? QStringLiteral("twice")
                    : QStringLiteral("%1 times").arg(n);
}

} // namespace

Command highlightCommand() {
    Command command;
    command.name = QStringLiteral("highlight");
    command.synopsis =
        QStringLiteral("ID --quote TEXT [--occurrence N] [--color C] [--note MARKDOWN] [--shared]");
    command.description = QStringLiteral("Highlight a passage of an article, found by its text; prints the "
                                         "highlight's id.");
    command.details =
        QStringLiteral(
            "The quote is looked for exactly, else as the reader's find looks (hamza forms, diacritics,\n"
            "tatweel, case and spacing do not matter). A quote that is not in the article, or that occurs\n"
            "more than once without --occurrence, is refused (exit 1) with where it occurs.\n"
            "Colours: %1.\n")
            .arg(exchange::highlightColorNames().join(QStringLiteral(", ")));
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The article's id (see list)."));
        parser.addOption({QStringLiteral("quote"), QStringLiteral("The passage to highlight, as it reads."),
                          QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("occurrence"),
                          QStringLiteral("Which occurrence of the quote, counting from 1 in reading order."),
                          QStringLiteral("N")});
        parser.addOption({QStringLiteral("color"), QStringLiteral("The highlight's colour (default yellow)."),
                          QStringLiteral("C"), QStringLiteral("yellow")});
        parser.addOption({QStringLiteral("note"), QStringLiteral("A Markdown note on the highlight."),
                          QStringLiteral("MARKDOWN")});
        parser.addOption({QStringLiteral("shared"),
                          QStringLiteral("Share the highlight (and its note) with the team at once (on a "
                                         "team's server; else private to you).")});
    };
    command.run = [](CommandContext& context) -> int {
        QCommandLineParser& parser = context.parser;
        const QStringList args = parser.positionalArguments();
        bool isNumber = false;
        const qint64 id = args.value(0).toLongLong(&isNumber);
        if (args.size() != 1 || !isNumber) {
            context.error(QStringLiteral("highlight needs one article id, a number (see 'mirsadctl list')."));
            return UsageError;
        }
        const QString quote = parser.value(QStringLiteral("quote"));
        if (quote.trimmed().isEmpty()) {
            context.error(QStringLiteral("highlight needs --quote TEXT, the passage to highlight."));
            return UsageError;
        }
        const QString color = parser.value(QStringLiteral("color")).trimmed().toLower();
        if (!exchange::isHighlightColor(color)) {
            context.error(QStringLiteral("--color is one of %1, not \"%2\".")
                              .arg(exchange::highlightColorNames().join(QStringLiteral(", ")),
                                   parser.value(QStringLiteral("color"))));
            return UsageError;
        }
        int occurrence = 0;
        if (parser.isSet(QStringLiteral("occurrence"))) {
            bool ok = false;
            occurrence = parser.value(QStringLiteral("occurrence")).toInt(&ok);
            if (!ok || occurrence <= 0) {
                context.error(QStringLiteral("--occurrence needs a positive number."));
                return UsageError;
            }
        }
        Result<Article> article = context.article(id);
        if (!article) {
            context.error(article.error());
            return Failure;
        }
        QSqlDatabase& db = **context.database(); // opened by article()
        const QString& text = article->text;
        const QList<text::Span> found = occurrencesOf(text, quote);
        if (found.isEmpty()) {
            context.error(QStringLiteral("The quote “%1” does not occur in article %2 (“%3”).")
                              .arg(quote, QString::number(id), article->title));
            return Failure;
        }
        if ((found.size() > 1 && occurrence == 0) || occurrence > found.size()) {
            text::CodePointMap codePoints(text);
            QString where;
            for (qsizetype i = 0; i < found.size(); ++i)
                where += QStringLiteral("\n  %1 (at %2): %3")
                             .arg(i + 1)
                             .arg(codePoints(found[i].start))
                             .arg(inContext(text, found[i]));
            context.error(
                (occurrence > found.size()
                     ? QStringLiteral("There is no occurrence %1: the quote “%2” occurs %3 in article %4:")
                           .arg(occurrence)
                           .arg(quote, times(found.size()))
                           .arg(id)
                     : QStringLiteral("The quote “%1” occurs %2 in article %3; say which with "
                                      "--occurrence N:")
                           .arg(quote, times(found.size()))
                           .arg(id)) +
                where);
            return Failure;
        }
        const text::Span span = found.at(occurrence > 0 ? occurrence - 1 : 0);

        storage::Transaction transaction(db);
        annotations::Highlight highlight;
        highlight.articleId = id;
        highlight.color = color;
        highlight.selector = text::selectorFor(text, span.start, span.end);
        highlight.author = annotations::noteAuthor();
        highlight.shared = parser.isSet(QStringLiteral("shared"));
        highlight.created = highlight.updated = QDateTime::currentDateTimeUtc();
        Result<qint64> stored = annotations::insertHighlight(db, highlight);
        if (!stored) {
            context.error(stored.error());
            return Failure;
        }
        if (const QString body = parser.value(QStringLiteral("note")); !body.trimmed().isEmpty()) {
            annotations::Note note;
            note.articleId = id;
            note.highlightId = *stored;
            note.body = body;
            note.author = highlight.author;
            note.shared = highlight.shared;
            note.created = note.updated = highlight.created;
            if (Result<qint64> noted = annotations::insertNote(db, note); !noted) {
                context.error(noted.error());
                return Failure;
            }
        }
        if (Status committed = transaction.commit(); !committed) {
            context.error(committed.error());
            return Failure;
        }
        context.out << *stored << Qt::endl;
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
