// Annotations from other tools (or another Mirsad): W3C Web Annotation JSON-LD in any of its
// shapes, and Hypothesis exports. Each is attached to the article with its link and found again
// in the article's text by its quote, as the reader re-anchors a highlight.

#include "annotations/Annotations.h"
#include "exchange/AnnotationData.h"
#include "exchange/HighlightPalette.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "text/CodePoints.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QUrl>
#include <optional>

namespace mirsad::exchange {

namespace {

// A TextQuoteSelector and TextPositionSelector as the file gives them.
struct Passage {
    QString quote;
    QString prefix;
    QString suffix;
    qsizetype start = -1; // code points; -1 when the file gives no position
    qsizetype end = -1;
};

// One annotation of the file, whatever its shape: a highlight, a note, or both (a Hypothesis
// annotation with text, or a comment on a passage).
struct Incoming {
    QString label; // for the report: its id, or its place in the file
    QString source;
    std::optional<Passage> passage;
    bool highlight = false;
    bool note = false;
    QString color;
    QString body;
    QStringList tags;
    QString author;
    QDateTime created;
    QDateTime modified;
};

QStringList stringList(const QJsonValue& value) {
    QStringList list;
    if (value.isString())
        list << value.toString();
    else if (value.isArray())
        for (const QJsonValue& item : value.toArray())
            if (item.isString())
                list << item.toString();
    return list;
}

QList<QJsonObject> objectList(const QJsonValue& value) {
    QList<QJsonObject> list;
    if (value.isObject())
        list << value.toObject();
    else if (value.isArray())
        for (const QJsonValue& item : value.toArray())
            if (item.isObject())
                list << item.toObject();
    return list;
}

QStringList typesOf(const QJsonObject& object) {
    QStringList types = stringList(object.value(QStringLiteral("type")));
    types += stringList(object.value(QStringLiteral("@type")));
    for (QString& type : types)
        if (type.startsWith(QStringLiteral("oa:")))
            type = type.mid(3);
    return types;
}

bool isHypothesis(const QJsonObject& object) {
    return !typesOf(object).contains(QStringLiteral("Annotation")) && object.contains(QStringLiteral("uri"));
}

bool isAnnotation(const QJsonObject& object) {
    return typesOf(object).contains(QStringLiteral("Annotation")) || isHypothesis(object);
}

QDateTime timeOf(const QJsonValue& value) {
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString shortQuote(const QString& quote) {
    const QString flat = quote.simplified();
    return flat.size() > 60 ? flat.left(59) + u'…' : flat;
}

// "acct:name@hypothes.is" → "name".
QString accountName(const QString& user) {
    if (!user.startsWith(QStringLiteral("acct:")))
        return user;
    const QString account = user.mid(5);
    const qsizetype at = account.indexOf(u'@');
    return at > 0 ? account.left(at) : account;
}

QString creatorName(const QJsonValue& creator) {
    if (creator.isArray())
        return creatorName(creator.toArray().at(0));
    if (creator.isString())
        return accountName(creator.toString());
    const QJsonObject object = creator.toObject();
    for (const char* key : {"name", "nickname", "id"})
        if (const QString name = object.value(QLatin1String(key)).toString(); !name.isEmpty())
            return accountName(name);
    return {};
}

// The selectors of a target. A text selector that cannot be read is an Error: the file is not
// what it claims to be. Selectors Mirsad has no use for (RangeSelector, XPath, CSS) are skipped.
Result<std::optional<Passage>> passageOf(const QJsonValue& selectorValue, const QString& label) {
    Passage passage;
    bool quote = false, position = false;
    for (const QJsonObject& selector : objectList(selectorValue)) {
        const QStringList types = typesOf(selector);
        if (types.contains(QStringLiteral("TextQuoteSelector"))) {
            const QJsonValue exact = selector.value(QStringLiteral("exact"));
            if (!exact.isString() || exact.toString().isEmpty())
                return Error{
                    QStringLiteral("%1 has a TextQuoteSelector without its quoted text (exact).").arg(label)};
            passage.quote = exact.toString();
            passage.prefix = selector.value(QStringLiteral("prefix")).toString();
            passage.suffix = selector.value(QStringLiteral("suffix")).toString();
            quote = true;
        } else if (types.contains(QStringLiteral("TextPositionSelector"))) {
            const QJsonValue start = selector.value(QStringLiteral("start"));
            const QJsonValue end = selector.value(QStringLiteral("end"));
            const double s = start.toDouble(-1), e = end.toDouble(-1);
            if (!start.isDouble() || !end.isDouble() || s < 0 || e < s || s != qint64(s) || e != qint64(e))
                return Error{QStringLiteral("%1 has a TextPositionSelector whose start and end are not whole "
                                            "numbers with 0 ≤ start ≤ end.")
                                 .arg(label)};
            passage.start = qsizetype(s);
            passage.end = qsizetype(e);
            position = true;
        }
    }
    if (!quote && !position)
        return std::optional<Passage>();
    return std::optional<Passage>(passage);
}

// The target's source, passage and style class.
Status readTarget(const QJsonValue& value, Incoming& incoming) {
    QJsonValue target = value;
    if (target.isArray())
        target = target.toArray().at(0);
    if (target.isString()) {
        incoming.source = target.toString();
        return {};
    }
    const QJsonObject object = target.toObject();
    QJsonValue source = object.value(QStringLiteral("source"));
    if (source.isObject())
        source = source.toObject().value(QStringLiteral("id"));
    incoming.source = source.isString() ? source.toString() : object.value(QStringLiteral("id")).toString();
    Result<std::optional<Passage>> passage =
        passageOf(object.value(QStringLiteral("selector")), incoming.label);
    if (!passage)
        return Error{passage.error()};
    incoming.passage = *passage;
    if (const QString style = object.value(QStringLiteral("styleClass")).toString(); !style.isEmpty())
        incoming.color = style;
    return {};
}

Result<Incoming> readW3c(const QJsonObject& object, const QString& label) {
    Incoming incoming;
    incoming.label = label;
    if (Status target = readTarget(object.value(QStringLiteral("target")), incoming); !target)
        return Error{target.error()};
    if (incoming.source.isEmpty())
        return Error{QStringLiteral("%1 has no target: the page it annotates is missing.").arg(label)};
    QStringList comments;
    if (const QString value = object.value(QStringLiteral("bodyValue")).toString(); !value.isEmpty())
        comments << value;
    for (const QJsonObject& body : objectList(object.value(QStringLiteral("body")))) {
        const QString value = body.value(QStringLiteral("value")).toString();
        if (value.isEmpty())
            continue;
        if (stringList(body.value(QStringLiteral("purpose"))).contains(QStringLiteral("tagging"))) {
            if (!incoming.tags.contains(value.trimmed()))
                incoming.tags << value.trimmed();
        } else {
            comments << value;
        }
    }
    incoming.body = comments.join(QStringLiteral("\n\n"));
    incoming.note = !incoming.body.isEmpty() || !incoming.tags.isEmpty();
    const QStringList motivations = stringList(object.value(QStringLiteral("motivation")));
    incoming.highlight = motivations.contains(QStringLiteral("highlighting")) ||
                         motivations.contains(QStringLiteral("oa:highlighting")) ||
                         (!incoming.note && incoming.passage.has_value());
    incoming.author = creatorName(object.value(QStringLiteral("creator")));
    incoming.created = timeOf(object.value(QStringLiteral("created")));
    incoming.modified = timeOf(object.value(QStringLiteral("modified")));
    return incoming;
}

// A Hypothesis annotation: empty text is a highlight, text a highlight with a note on it (or a
// page note when it has no passage).
Result<Incoming> readHypothesis(const QJsonObject& object, const QString& label) {
    Incoming incoming;
    incoming.label = label;
    if (Status target = readTarget(object.value(QStringLiteral("target")), incoming); !target)
        return Error{target.error()};
    if (incoming.source.isEmpty())
        incoming.source = object.value(QStringLiteral("uri")).toString();
    if (incoming.source.isEmpty())
        return Error{QStringLiteral("%1 has no uri: the page it annotates is missing.").arg(label)};
    incoming.body = object.value(QStringLiteral("text")).toString();
    for (const QString& tag : stringList(object.value(QStringLiteral("tags"))))
        if (!tag.trimmed().isEmpty() && !incoming.tags.contains(tag.trimmed()))
            incoming.tags << tag.trimmed();
    incoming.highlight = incoming.passage.has_value();
    incoming.note = !incoming.body.trimmed().isEmpty() || !incoming.tags.isEmpty();
    const QString display =
        object.value(QStringLiteral("user_info")).toObject().value(QStringLiteral("display_name")).toString();
    incoming.author =
        display.isEmpty() ? accountName(object.value(QStringLiteral("user")).toString()) : display;
    incoming.created = timeOf(object.value(QStringLiteral("created")));
    incoming.modified = timeOf(object.value(QStringLiteral("updated")));
    return incoming;
}

// The annotations of a page, following its inline next pages.
void collectPage(const QJsonObject& page, QList<QJsonValue>& items) {
    QJsonObject current = page;
    for (int pages = 0; pages < 10000; ++pages) {
        for (const QJsonValue& item : current.value(QStringLiteral("items")).toArray())
            items << item;
        const QJsonValue next = current.value(QStringLiteral("next"));
        if (!next.isObject())
            break;
        current = next.toObject();
    }
}

const QString notAnnotations = QStringLiteral(
    "The file holds no annotations: expected a W3C Web Annotation, a list of them, an AnnotationCollection "
    "or AnnotationPage, or a Hypothesis export.");

Result<QList<Incoming>> readFile(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("The file is not valid JSON: %1 at byte %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)};
    QList<QJsonValue> items;
    if (document.isArray()) {
        for (const QJsonValue& item : document.array())
            items << item;
    } else {
        const QJsonObject root = document.object();
        const QStringList types = typesOf(root);
        if (isAnnotation(root)) {
            items << root;
        } else if (types.contains(QStringLiteral("AnnotationCollection"))) {
            const QJsonValue first = root.value(QStringLiteral("first"));
            if (first.isString())
                return Error{
                    QStringLiteral("The collection's annotations are not in the file: its first page is "
                                   "only a link (%1).")
                        .arg(first.toString())};
            collectPage(first.toObject(), items);
            for (const QJsonValue& item : root.value(QStringLiteral("items")).toArray())
                items << item;
        } else if (types.contains(QStringLiteral("AnnotationPage"))) {
            collectPage(root, items);
        } else if (root.value(QStringLiteral("annotations")).isArray()) {
            for (const QJsonValue& item : root.value(QStringLiteral("annotations")).toArray())
                items << item;
        } else if (root.value(QStringLiteral("rows")).isArray()) { // the Hypothesis search API
            for (const QJsonValue& item : root.value(QStringLiteral("rows")).toArray())
                items << item;
        } else {
            return Error{notAnnotations};
        }
    }
    QList<Incoming> annotations;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject object = items[i].toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        const QString label = id.isEmpty() ? QStringLiteral("Annotation %1").arg(i + 1)
                                           : QStringLiteral("Annotation %1 (%2)").arg(i + 1).arg(id);
        if (!items[i].isObject() || !isAnnotation(object))
            return Error{items.size() == 1 || (document.isArray() && i == 0)
                             ? notAnnotations
                             : QStringLiteral("%1 is not an annotation.").arg(label)};
        Result<Incoming> incoming =
            isHypothesis(object) ? readHypothesis(object, label) : readW3c(object, label);
        if (!incoming)
            return Error{incoming.error()};
        annotations << *incoming;
    }
    return annotations;
}

// Links compared loosely: without the fragment, http and https alike, with or without a
// trailing slash, percent-encoding decoded.
QString linkKey(const QString& link) {
    QUrl url(link.trimmed());
    if (!url.isValid())
        return link.trimmed();
    url.setFragment(QString());
    if (url.scheme() == u"http")
        url.setScheme(QStringLiteral("https"));
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return QUrl::fromPercentEncoding(url.toEncoded());
}

// The spellings of a link that linkKey takes as the same, for one indexed lookup.
QStringList linkVariants(const QString& link) {
    QStringList variants{link};
    const QUrl url(link.trimmed());
    if (!url.isValid())
        return variants;
    for (const QString& base :
         {url.toString(QUrl::RemoveFragment), QString::fromUtf8(url.toEncoded(QUrl::RemoveFragment))}) {
        QString stem = base;
        while (stem.endsWith(u'/'))
            stem.chop(1);
        for (const QString& form : {stem, stem + u'/'}) {
            variants << form;
            if (form.startsWith(QStringLiteral("http://")))
                variants << QStringLiteral("https://") + form.mid(7);
            else if (form.startsWith(QStringLiteral("https://")))
                variants << QStringLiteral("http://") + form.mid(8);
        }
    }
    variants.removeDuplicates();
    return variants;
}

// The article ids of these links, exact links first, then loosely: one pass over the articles.
Result<QHash<QString, qint64>> findArticles(const QSqlDatabase& db, const QStringList& sources) {
    QJsonArray wanted;
    for (const QString& source : sources)
        for (const QString& variant : linkVariants(source))
            wanted.append(variant);
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT id, link FROM articles WHERE link IN (SELECT j.value FROM %1) ORDER BY id")
            .arg(storage::jsonArrayTable(db)));
    query.addBindValue(QString::fromUtf8(QJsonDocument(wanted).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return storage::sqlError(QStringLiteral("find the annotated articles"), query);
    QHash<QString, qint64> exact, loose;
    while (query.next()) {
        const QString link = query.value(1).toString();
        const qint64 id = query.value(0).toLongLong();
        if (!exact.contains(link))
            exact.insert(link, id);
        if (const QString key = linkKey(link); !loose.contains(key))
            loose.insert(key, id);
    }
    QHash<QString, qint64> found;
    for (const QString& source : sources) {
        if (const auto it = exact.constFind(source); it != exact.cend())
            found.insert(source, *it);
        else if (const auto near = loose.constFind(linkKey(source)); near != loose.cend())
            found.insert(source, *near);
    }
    return found;
}

// An article of the import with its annotations as they stand, the imported ones included.
struct Target {
    Article article;
    QList<annotations::Highlight> highlights;
    QList<annotations::Note> notes;
};

qint64 highlightAt(const Target& target, qsizetype start, qsizetype end) {
    for (const annotations::Highlight& h : target.highlights)
        if (!h.orphaned && h.selector.start == start && h.selector.end == end)
            return h.id;
    return 0;
}

bool hasNote(const Target& target, qint64 highlightId, const QString& body, const QStringList& tags) {
    for (const annotations::Note& note : target.notes)
        if (note.highlightId == highlightId && note.body == body && note.tags == tags)
            return true;
    return false;
}

class Importer {
public:
    Importer(QSqlDatabase& db, ImportReport& report)
        : m_db(db)
        , m_report(report) {}

    Result<Target*> target(qint64 articleId) {
        if (auto it = m_targets.find(articleId); it != m_targets.end())
            return &*it;
        Result<Article> article = storage::loadArticle(m_db, articleId);
        if (!article)
            return Error{article.error()};
        Result<QList<annotations::Highlight>> highlights = annotations::listHighlights(m_db, articleId);
        if (!highlights)
            return Error{highlights.error()};
        Result<QList<annotations::Note>> notes = annotations::listNotes(m_db, articleId);
        if (!notes)
            return Error{notes.error()};
        return &*m_targets.insert(articleId,
                                  Target{std::move(*article), std::move(*highlights), std::move(*notes)});
    }

    // The passage in the article's text, as the reader finds a highlight again; empty (and
    // reported) when it is not there.
    std::optional<text::TextSelector> anchor(const Target& target, const Incoming& incoming) {
        const QString& text = target.article.text;
        const Passage& passage = *incoming.passage;
        text::TextSelector selector{passage.quote, passage.prefix, passage.suffix, -1, -1};
        if (passage.start >= 0) {
            selector.start = text::utf16Index(text, passage.start);
            selector.end = text::utf16Index(text, passage.end);
            if (selector.quote.isEmpty() && passage.end <= text::codePointCount(text))
                selector.quote = text.mid(selector.start, selector.end - selector.start);
        }
        const std::optional<text::TextAnchor> found =
            selector.quote.isEmpty() ? std::nullopt : text::anchorSelector(text, selector);
        if (!found) {
            m_report.unmatched << QStringLiteral("%1: the quote “%2” is not in “%3” (%4).")
                                      .arg(incoming.label, shortQuote(selector.quote), target.article.title,
                                           incoming.source);
            return std::nullopt;
        }
        return text::selectorFor(text, found->start, found->end);
    }

    // Stores the highlight (or finds the same one) and returns its id; 0 when it was reported.
    Result<qint64> highlight(Target& target, const Incoming& incoming, const text::TextSelector& selector,
                             const QString& color) {
        if (const qint64 existing = highlightAt(target, selector.start, selector.end)) {
            ++m_report.duplicates;
            return existing;
        }
        annotations::Highlight h;
        h.articleId = target.article.id;
        h.color = color;
        h.selector = selector;
        h.author = incoming.author;
        h.created = incoming.created;
        h.updated = incoming.modified.isValid() ? incoming.modified : incoming.created;
        Result<qint64> id = annotations::insertHighlight(m_db, h);
        if (!id)
            return id;
        h.id = *id;
        target.highlights << h;
        ++m_report.highlights;
        return id;
    }

    Status note(Target& target, const Incoming& incoming, qint64 highlightId) {
        if (hasNote(target, highlightId, incoming.body, incoming.tags)) {
            ++m_report.duplicates;
            return {};
        }
        annotations::Note note;
        note.articleId = target.article.id;
        note.highlightId = highlightId;
        note.body = incoming.body;
        note.tags = incoming.tags;
        note.author = incoming.author;
        note.created = incoming.created;
        note.updated = incoming.modified.isValid() ? incoming.modified : incoming.created;
        Result<qint64> id = annotations::insertNote(m_db, note);
        if (!id)
            return Error{id.error()};
        note.id = *id;
        target.notes << note;
        ++m_report.notes;
        return {};
    }

private:
    QSqlDatabase& m_db;
    ImportReport& m_report;
    QHash<qint64, Target> m_targets;
};

} // namespace

Result<ImportReport> importW3cAnnotations(QSqlDatabase& db, const QByteArray& json) {
    Result<QList<Incoming>> read = readFile(json);
    if (!read)
        return Error{read.error()};
    const QList<Incoming>& incoming = *read;
    ImportReport report;
    if (incoming.isEmpty())
        return report;

    storage::Transaction transaction(db);
    if (!transaction.active())
        return Error{transaction.commit().error()};
    QStringList sources;
    for (const Incoming& annotation : incoming)
        if (!sources.contains(annotation.source))
            sources << annotation.source;
    Result<QHash<QString, qint64>> articles = findArticles(db, sources);
    if (!articles)
        return Error{articles.error()};

    Importer importer(db, report);
    // Highlights first, so that a note on a passage finds the highlight of the same file
    // wherever it comes in the file.
    QHash<qsizetype, qint64> highlightOf; // index in `incoming` → the highlight it made or found
    QSet<qsizetype> reported;
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const Incoming& annotation = incoming[i];
        const qint64 articleId = articles->value(annotation.source);
        if (articleId == 0) {
            report.unmatched
                << QStringLiteral("%1: no article has the link %2%3.")
                       .arg(annotation.label, annotation.source,
                            annotation.passage
                                ? QStringLiteral(" (quote “%1”)").arg(shortQuote(annotation.passage->quote))
                                : QString());
            reported.insert(i);
            continue;
        }
        if (!annotation.highlight && !annotation.note) {
            report.unmatched << QStringLiteral(
                                    "%1 has neither a passage nor a note: Mirsad keeps nothing of it.")
                                    .arg(annotation.label);
            reported.insert(i);
            continue;
        }
        if (!annotation.highlight)
            continue;
        if (!annotation.passage) {
            report.unmatched
                << QStringLiteral("%1 highlights nothing: it has no quote.").arg(annotation.label);
            reported.insert(i);
            continue;
        }
        Result<Target*> target = importer.target(articleId);
        if (!target)
            return Error{target.error()};
        const std::optional<text::TextSelector> selector = importer.anchor(**target, annotation);
        if (!selector) {
            reported.insert(i);
            continue;
        }
        Result<qint64> id =
            importer.highlight(**target, annotation, *selector, paletteColorOr(annotation.color));
        if (!id)
            return Error{id.error()};
        highlightOf.insert(i, *id);
    }
    QSet<qint64> fileHighlights;
    for (const qint64 id : std::as_const(highlightOf))
        fileHighlights.insert(id);
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const Incoming& annotation = incoming[i];
        if (!annotation.note || reported.contains(i))
            continue;
        Result<Target*> target = importer.target(articles->value(annotation.source));
        if (!target)
            return Error{target.error()};
        qint64 highlightId = highlightOf.value(i);
        if (highlightId == 0 && annotation.passage) {
            // A comment on a passage: on the highlight there (from this file or from before), or
            // on a new one, so that the passage it speaks of stays marked.
            const std::optional<text::TextSelector> selector = importer.anchor(**target, annotation);
            if (!selector)
                continue;
            highlightId = highlightAt(**target, selector->start, selector->end);
            // The passage was highlighted before this file: the highlight this comment implies
            // is already there (one of the file's own highlights was counted already).
            if (highlightId != 0 && !fileHighlights.contains(highlightId))
                ++report.duplicates;
            if (highlightId == 0) {
                Result<qint64> id =
                    importer.highlight(**target, annotation, *selector, paletteColorOr(annotation.color));
                if (!id)
                    return Error{id.error()};
                highlightId = *id;
                fileHighlights.insert(highlightId);
            }
        }
        if (Status stored = importer.note(**target, annotation, highlightId); !stored)
            return Error{stored.error()};
    }
    if (Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return report;
}

} // namespace mirsad::exchange
