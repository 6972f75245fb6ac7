#include "annotations/Annotations.h"
#include "annotations/NoteAuthor.h"
#include "cli/Command.h"
#include "storage/ArticleQueries.h"
#include "storage/Dialect.h"

#include <QFile>

namespace mirsad::cli {

Command noteCommand() {
    Command command;
    command.name = QStringLiteral("note");
    command.synopsis =
        QStringLiteral("ID MARKDOWN|- [--tag T]... [--highlight HID] [--author NAME] [--shared]");
    command.description = QStringLiteral(
        "Write a Markdown note on an article or on one of its highlights; prints the note's id.");
    command.details = QStringLiteral(
        "MARKDOWN - reads the note from the standard input. The author is the one the GUI signs\n"
        "notes with (its preferences, else the login name) unless --author says otherwise.\n"
        "On a team's server the author is the role you connect as, and the note is private to\n"
        "you until shared (--shared, or later in the window).\n");
    command.addOptions = [](QCommandLineParser& parser) {
        parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The article's id (see list)."));
        parser.addPositionalArgument(QStringLiteral("MARKDOWN"),
                                     QStringLiteral("The note, in Markdown; - for the standard input."));
        parser.addOption({QStringLiteral("tag"), QStringLiteral("A tag for the note (repeat for more)."),
                          QStringLiteral("T")});
        parser.addOption(
            {QStringLiteral("highlight"),
             QStringLiteral("Attach the note to this highlight of the article (see annotations)."),
             QStringLiteral("HID")});
        parser.addOption(
            {QStringLiteral("author"), QStringLiteral("Who wrote the note."), QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("shared"), QStringLiteral("Share the note with the team at once "
                                                                   "(on a team's server; else private).")});
    };
    command.run = [](CommandContext& context) -> int {
        QCommandLineParser& parser = context.parser;
        const QStringList args = parser.positionalArguments();
        bool isNumber = false;
        const qint64 id = args.value(0).toLongLong(&isNumber);
        if (args.size() != 2 || !isNumber) {
            context.error(QStringLiteral("note needs an article id and the note's text (or - to read it)."));
            return UsageError;
        }
        QString body = args.at(1);
        if (body == u"-") {
            QFile input;
            if (!input.open(stdin, QIODevice::ReadOnly)) {
                context.error(
                    couldNot(QStringLiteral("read the standard input"), input.errorString()).message);
                return Failure;
            }
            body = QString::fromUtf8(input.readAll());
        }
        QStringList tags;
        for (const QString& tag : parser.values(QStringLiteral("tag")))
            for (const QString& part : annotations::parseTags(tag))
                if (!tags.contains(part))
                    tags << part;
        if (body.trimmed().isEmpty() && tags.isEmpty()) {
            context.error(QStringLiteral("The note is empty: give its text, or at least a --tag."));
            return UsageError;
        }
        qint64 highlightId = 0;
        if (parser.isSet(QStringLiteral("highlight"))) {
            highlightId = parser.value(QStringLiteral("highlight")).toLongLong(&isNumber);
            if (!isNumber || highlightId <= 0) {
                context.error(
                    QStringLiteral("--highlight needs a highlight's id, a number (see annotations)."));
                return UsageError;
            }
        }
        Result<Article> article = context.article(id);
        if (!article) {
            context.error(article.error());
            return Failure;
        }
        QSqlDatabase& db = **context.database(); // opened by article()
        if (highlightId > 0) {
            Result<QList<annotations::Highlight>> highlights = annotations::listHighlights(db, id);
            if (!highlights) {
                context.error(highlights.error());
                return Failure;
            }
            if (std::none_of(highlights->cbegin(), highlights->cend(),
                             [&](const annotations::Highlight& h) { return h.id == highlightId; })) {
                context.error(QStringLiteral("Article %1 has no highlight %2 (see 'mirsadctl annotations').")
                                  .arg(id)
                                  .arg(highlightId));
                return Failure;
            }
        }
        if (storage::isPostgres(db) && parser.isSet(QStringLiteral("author"))) {
            context.error(QStringLiteral("On a team's server a note's author is the role you connect as: "
                                         "--author cannot name another."));
            return UsageError;
        }
        annotations::Note note;
        note.shared = parser.isSet(QStringLiteral("shared"));
        note.articleId = id;
        note.highlightId = highlightId;
        note.body = body;
        note.tags = tags;
        note.author = parser.isSet(QStringLiteral("author"))
                          ? parser.value(QStringLiteral("author")).trimmed()
                          : annotations::noteAuthor();
        note.created = note.updated = QDateTime::currentDateTimeUtc();
        Result<qint64> stored = annotations::insertNote(db, note);
        if (!stored) {
            context.error(stored.error());
            return Failure;
        }
        context.out << *stored << Qt::endl;
        return Success;
    };
    return command;
}

} // namespace mirsad::cli
