// The analyst's annotations out of Mirsad and back in: W3C Web Annotation JSON-LD round trip into
// an empty archive, a Hypothesis export, CSV that spreadsheets read, and bad input that changes
// nothing.

#include "ExchangeFixture.h"
#include "TestSupport.h"
#include "briefs/Brief.h"
#include "exchange/AnnotationData.h"
#include "storage/ArticleQueries.h"
#include "text/CodePoints.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace mirsad;
using namespace mirsad::exchange;

namespace {

QByteArray written(const briefs::Brief& brief, DataFormat format) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status status = writeAnnotations(brief, format, buffer);
    return status ? buffer.data() : QByteArray("failed: ") + status.error().toUtf8();
}

// RFC 4180 read back: rows of cells.
QList<QStringList> parseCsv(const QString& csv) {
    const QChar doubleQuote(0x22);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv[i];
        if (quoted) {
            if (c == doubleQuote && i + 1 < csv.size() && csv[i + 1] == doubleQuote)
                cell += doubleQuote, ++i;
            else if (c == doubleQuote)
                quoted = false;
            else
                cell += c;
        } else if (c == doubleQuote) {
            quoted = true;
        } else if (c == u',') {
            row << cell, cell.clear();
        } else if (c == u'\r' && i + 1 < csv.size() && csv[i + 1] == u'\n') {
            row << cell, cell.clear();
            rows << row, row.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

// The exports beside the screenshots, for a person to read.
void saveForReview(const QString& name, const QByteArray& bytes) {
    QFile file(test::screenshotPath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}

struct Counts {
    qint64 highlights, notes;
    bool operator==(const Counts&) const = default;
};

} // namespace

class TestExchange : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_source;
    QList<qint64> m_ids;

    Counts counts(test::TempDatabase& db) {
        return {db.count(QStringLiteral("highlights")), db.count(QStringLiteral("notes"))};
    }

    qint64 addHighlight(qint64 article, const QString& quote, const QString& color, int occurrence = 0) {
        const QString text = storage::loadArticle(m_source->db(), article)->text;
        qsizetype at = text.indexOf(quote);
        for (int i = 0; i < occurrence; ++i)
            at = text.indexOf(quote, at + 1);
        annotations::Highlight h;
        h.articleId = article;
        h.color = color;
        h.selector = text::selectorFor(text, at, at + quote.size());
        h.created = QDateTime(QDate(2024, 3, 6), QTime(10, 0), QTimeZone::UTC);
        h.updated = h.created.addSecs(60);
        return *annotations::insertHighlight(m_source->db(), h);
    }
    void addNote(qint64 article, qint64 highlight, const QString& body, const QStringList& tags,
                 const QString& author) {
        annotations::Note note;
        note.articleId = article;
        note.highlightId = highlight;
        note.body = body;
        note.tags = tags;
        note.author = author;
        note.created = QDateTime(QDate(2024, 3, 6), QTime(11, 0), QTimeZone::UTC);
        note.updated = note.created.addSecs(120);
        QVERIFY(annotations::insertNote(m_source->db(), note));
    }

    briefs::Brief sourceBrief() {
        Result<briefs::Brief> brief = briefs::gatherBrief(m_source->db(), m_ids);
        return brief ? *brief : briefs::Brief{};
    }

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void init() {
        m_source = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_source->ok(), qPrintable(m_source->error()));
        m_ids = test::storeExchangeArticles(m_source->db());
        QCOMPARE(m_ids.size(), 3);
        const qint64 oil = m_ids[0], erbil = m_ids[1], budget = m_ids[2];
        addHighlight(oil, QStringLiteral("Basra"), QStringLiteral("yellow"));
        const qint64 turkey =
            addHighlight(oil, QStringLiteral("Exports to Turkey resumed"), QStringLiteral("blue"));
        addHighlight(oil, QStringLiteral("the ministry"), QStringLiteral("orange"), 1); // the second one
        const qint64 barzani = addHighlight(erbil, QStringLiteral("مسرور بارزاني"), QStringLiteral("green"));
        addHighlight(erbil, QStringLiteral("الموازنة"), QStringLiteral("pink"));
        addNote(erbil, barzani, QStringLiteral("زيارة **مهمة** قبل الموازنة"),
                {QStringLiteral("كردستان"), QStringLiteral("budget")}, QStringLiteral("ليلى"));
        addNote(oil, turkey, QStringLiteral("Pipeline *reopened*.\n\n- check volumes"),
                {QStringLiteral("oil")}, QStringLiteral("Sam"));
        addNote(budget, 0, QStringLiteral("Follow up next week."), {}, QStringLiteral("Sam"));
        addNote(erbil, 0, QStringLiteral("متابعة الوفد"), {QStringLiteral("وفود")}, QString());
    }

    void codePointsCountSurrogatePairsOnce() {
        const QString text = QStringLiteral("a🛢️b");
        QCOMPARE(text.size(), 5); // a, the pair, U+FE0F, b
        QCOMPARE(text::codePointCount(text), 4);
        QCOMPARE(text::utf16Index(text, 2), 3);
        QCOMPARE(text::CodePointMap(text)(3), 2);
        QCOMPARE(text::utf16Index(text, 10), 5);

        // A selector's context does not cut an emoji in two (it would not survive as UTF-8).
        const QString emoji = QStringLiteral("🛢") + QString(31, u'x') + QStringLiteral("quote") +
                              QString(31, u'y') + QStringLiteral("🛢");
        const text::TextSelector selector = text::selectorFor(emoji, 33, 38);
        QCOMPARE(selector.quote, QStringLiteral("quote"));
        QCOMPARE(selector.prefix, QString(31, u'x'));
        QCOMPARE(selector.suffix, QString(31, u'y'));
    }

    void w3cRoundTripIntoAnEmptyArchive() {
        const QByteArray json = written(sourceBrief(), DataFormat::W3c);
        saveForReview(QStringLiteral("annotations-w3c.jsonld"), json);
        const QJsonObject collection = QJsonDocument::fromJson(json).object();
        QCOMPARE(collection[u"@context"].toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
        QCOMPARE(collection[u"type"].toString(), QStringLiteral("AnnotationCollection"));
        QCOMPARE(collection[u"total"].toInt(), 9);
        const QJsonArray items = collection[u"first"][u"items"].toArray();
        QCOMPARE(items.size(), 9);
        QCOMPARE(collection[u"first"][u"type"].toString(), QStringLiteral("AnnotationPage"));

        // The highlight after the emoji: positions in code points, one less than in UTF-16.
        const QString oilText = QString::fromUtf16(test::exchangeArticles[0].text);
        QJsonObject turkey, arabicNote, articleNote;
        for (const QJsonValue& item : items) {
            const QJsonObject a = item.toObject();
            const QJsonArray selectors = a[u"target"][u"selector"].toArray();
            if (!selectors.isEmpty() && selectors[0][u"exact"].toString() == u"Exports to Turkey resumed" &&
                a[u"motivation"].toString() == u"highlighting")
                turkey = a;
            if (a[u"motivation"].toString() == u"commenting" &&
                a[u"body"][0][u"value"].toString().startsWith(u"زيارة"))
                arabicNote = a;
            if (a[u"motivation"].toString() == u"commenting" && a[u"target"].isString() &&
                a[u"body"][0][u"value"].toString() == u"Follow up next week.")
                articleNote = a;
        }
        QVERIFY(!turkey.isEmpty());
        QVERIFY(turkey[u"id"].toString().startsWith(u"urn:mirsad:highlight:"));
        QCOMPARE(turkey[u"target"][u"source"].toString(), test::exchangeLink("oil"));
        QCOMPARE(turkey[u"target"][u"styleClass"].toString(), QStringLiteral("blue"));
        QCOMPARE(turkey[u"stylesheet"][u"type"].toString(), QStringLiteral("CssStylesheet"));
        QVERIFY(turkey[u"stylesheet"][u"value"].toString().contains(u".blue { background-color: #b3d7ff"));
        const QJsonObject position = turkey[u"target"][u"selector"][1].toObject();
        QCOMPARE(position[u"type"].toString(), QStringLiteral("TextPositionSelector"));
        const qsizetype utf16Start = oilText.indexOf(u"Exports to Turkey");
        QCOMPARE(position[u"start"].toInteger(), utf16Start - 1);
        QCOMPARE(position[u"end"].toInteger(), utf16Start - 1 + 25);
        QCOMPARE(turkey[u"created"].toString(), QStringLiteral("2024-03-06T10:00:00Z"));
        QCOMPARE(turkey[u"modified"].toString(), QStringLiteral("2024-03-06T10:01:00Z"));

        QVERIFY(!arabicNote.isEmpty());
        QCOMPARE(arabicNote[u"body"][0][u"language"].toString(), QStringLiteral("ar"));
        QCOMPARE(arabicNote[u"body"][0][u"format"].toString(), QStringLiteral("text/markdown"));
        QCOMPARE(arabicNote[u"body"][0][u"purpose"].toString(), QStringLiteral("commenting"));
        QCOMPARE(arabicNote[u"body"][1][u"purpose"].toString(), QStringLiteral("tagging"));
        QCOMPARE(arabicNote[u"body"][1][u"value"].toString(), QStringLiteral("كردستان"));
        QCOMPARE(arabicNote[u"creator"][u"type"].toString(), QStringLiteral("Person"));
        QCOMPARE(arabicNote[u"creator"][u"name"].toString(), test::signedBy(QStringLiteral("ليلى")));
        QCOMPARE(arabicNote[u"target"][u"selector"][0][u"exact"].toString(), QStringLiteral("مسرور بارزاني"));
        QVERIFY(!articleNote.isEmpty());
        QCOMPARE(articleNote[u"target"].toString(), test::exchangeLink("budget"));
        QCOMPARE(articleNote[u"body"][0][u"language"].toString(), QStringLiteral("en"));

        // An empty archive holding the same articles, imported the same way.
        test::TempDatabase target;
        QVERIFY(target.ok());
        const QList<qint64> targetIds = test::storeExchangeArticles(target.db());
        QCOMPARE(targetIds.size(), 3);
        Result<ImportReport> report = importW3cAnnotations(target.db(), json);
        QVERIFY2(report, qPrintable(report.error()));
        QVERIFY2(report->unmatched.isEmpty(), qPrintable(report->unmatched.join(u'\n')));
        QCOMPARE(report->highlights, 5);
        QCOMPARE(report->notes, 4);
        QCOMPARE(report->duplicates, 0);

        for (int i = 0; i < 3; ++i) {
            const QList<annotations::Highlight> before =
                *annotations::listHighlights(m_source->db(), m_ids[i]);
            const QList<annotations::Highlight> after =
                *annotations::listHighlights(target.db(), targetIds[i]);
            QCOMPARE(after.size(), before.size());
            for (int j = 0; j < before.size(); ++j) {
                QCOMPARE(after[j].selector.quote, before[j].selector.quote);
                QCOMPARE(after[j].selector.prefix, before[j].selector.prefix);
                QCOMPARE(after[j].selector.suffix, before[j].selector.suffix);
                QCOMPARE(after[j].selector.start, before[j].selector.start);
                QCOMPARE(after[j].selector.end, before[j].selector.end);
                QCOMPARE(after[j].color, before[j].color);
                QCOMPARE(after[j].created, before[j].created);
            }
            const QList<annotations::Note> notesBefore = *annotations::listNotes(m_source->db(), m_ids[i]);
            const QList<annotations::Note> notesAfter = *annotations::listNotes(target.db(), targetIds[i]);
            QCOMPARE(notesAfter.size(), notesBefore.size());
            const auto quoteOf = [](const QList<annotations::Highlight>& highlights, qint64 id) {
                for (const annotations::Highlight& h : highlights)
                    if (h.id == id)
                        return h.selector.quote;
                return QString();
            };
            for (int j = 0; j < notesBefore.size(); ++j) {
                QCOMPARE(notesAfter[j].body, notesBefore[j].body);
                QCOMPARE(notesAfter[j].tags, notesBefore[j].tags);
                QCOMPARE(notesAfter[j].author, notesBefore[j].author);
                QCOMPARE(notesAfter[j].highlightId == 0, notesBefore[j].highlightId == 0);
                QCOMPARE(quoteOf(after, notesAfter[j].highlightId),
                         quoteOf(before, notesBefore[j].highlightId));
                QCOMPARE(notesAfter[j].updated, notesBefore[j].updated);
            }
        }

        // Idempotent: the same file again stores nothing.
        const Counts once = counts(target);
        report = importW3cAnnotations(target.db(), json);
        QVERIFY2(report, qPrintable(report->unmatched.join(u'\n')));
        QCOMPARE(report->highlights, 0);
        QCOMPARE(report->notes, 0);
        QCOMPARE(report->duplicates, 9);
        QCOMPARE(counts(target), once);
    }

    void hypothesisExport() {
        test::TempDatabase target;
        QVERIFY(target.ok());
        const QList<qint64> ids = test::storeExchangeArticles(target.db());
        Result<ImportReport> report = importW3cAnnotations(
            target.db(), test::readFile(test::dataPath(QStringLiteral("exchange/hypothesis-export.json"))));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->highlights, 2);
        QCOMPARE(report->notes, 2);
        QCOMPARE(report->unmatched.size(), 2);
        QVERIFY(report->unmatched[0].contains(u"https://news.example.com/kirkuk-oil-field"));
        QVERIFY(report->unmatched[0].contains(u"Kirkuk field"));
        QVERIFY(report->unmatched[1].contains(u"pipeline exploded"));
        QVERIFY(report->unmatched[1].contains(u"Basra oil"));

        // A highlight without text, found by its quote although its page positions differ, on
        // the article whose link differs by http and a trailing slash.
        const QList<annotations::Highlight> oil = *annotations::listHighlights(target.db(), ids[0]);
        QCOMPARE(oil.size(), 1);
        QCOMPARE(oil[0].selector.quote, QStringLiteral("Basra"));
        QCOMPARE(oil[0].color, QStringLiteral("yellow"));
        QVERIFY(annotations::listNotes(target.db(), ids[0])->isEmpty());

        // A highlight with text: a highlight and a note on it, with its tags and the display name.
        const QList<annotations::Highlight> erbil = *annotations::listHighlights(target.db(), ids[1]);
        QCOMPARE(erbil.size(), 1);
        QCOMPARE(erbil[0].selector.quote, QStringLiteral("الاتفاق قريب"));
        const QList<annotations::Note> erbilNotes = *annotations::listNotes(target.db(), ids[1]);
        QCOMPARE(erbilNotes.size(), 1);
        QCOMPARE(erbilNotes[0].highlightId, erbil[0].id);
        QCOMPARE(erbilNotes[0].body, QStringLiteral("الاتفاق **قريب** حسب المصدر"));
        QCOMPARE(erbilNotes[0].tags, (QStringList{QStringLiteral("كردستان"), QStringLiteral("budget")}));
        QCOMPARE(erbilNotes[0].author, test::signedBy(QStringLiteral("Analyst One")));
        QCOMPARE(erbilNotes[0].updated, QDateTime(QDate(2024, 3, 6), QTime(11, 2, 40), QTimeZone::UTC));

        // A page note: on the whole article, signed with the account's name.
        const QList<annotations::Note> budget = *annotations::listNotes(target.db(), ids[2]);
        QCOMPARE(budget.size(), 1);
        QCOMPARE(budget[0].highlightId, 0);
        QCOMPARE(budget[0].author, test::signedBy(QStringLiteral("analyst1")));
        QCOMPARE(budget[0].tags, QStringList{QStringLiteral("follow-up")});
    }

    void csvOpensWithArabicIntact() {
        // A note that a spreadsheet would take for a formula.
        addNote(m_ids[2], 0, QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"), {},
                QStringLiteral("Sam"));
        const QByteArray csv = written(sourceBrief(), DataFormat::Csv);
        saveForReview(QStringLiteral("annotations.csv"), csv);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.mid(3)));
        QCOMPARE(rows.size(), 1 + 5 + 5);
        const QStringList header = rows[0];
        QCOMPARE(header.first(), QStringLiteral("article_id"));
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), header.size());
        const auto column = [&](const char* name) { return header.indexOf(QLatin1String(name)); };
        bool arabicQuote = false, arabicNote = false, multiline = false, formula = false;
        for (const QStringList& row : rows.mid(1)) {
            if (row[column("kind")] == u"highlight" && row[column("quote")] == u"مسرور بارزاني") {
                arabicQuote = true;
                QCOMPARE(row[column("article_title")], QStringLiteral("محادثات في أربيل"));
                QCOMPARE(row[column("color")], QStringLiteral("green"));
                QCOMPARE(row[column("start")], QStringLiteral("6"));
                QCOMPARE(row[column("end")], QStringLiteral("19"));
            }
            if (row[column("kind")] == u"note" && row[column("note")].startsWith(u"زيارة")) {
                arabicNote = true;
                QCOMPARE(row[column("quote")], QStringLiteral("مسرور بارزاني")); // the passage it is on
                QCOMPARE(row[column("tags")], QStringLiteral("كردستان, budget"));
                QCOMPARE(row[column("author")], test::signedBy(QStringLiteral("ليلى")));
            }
            if (row[column("note")] == u"Pipeline *reopened*.\n\n- check volumes")
                multiline = true;
            if (row[column("note")].contains(u"HYPERLINK")) {
                formula = true;
                QVERIFY(row[column("note")].startsWith(u"'="));
            }
        }
        QVERIFY(arabicQuote);
        QVERIFY(arabicNote);
        QVERIFY(multiline);
        QVERIFY(formula);
    }

    void jsonHasArticlesWithOffsetsInCodePoints() {
        const QJsonObject json = QJsonDocument::fromJson(written(sourceBrief(), DataFormat::Json)).object();
        QCOMPARE(json[u"format"].toString(), QStringLiteral("mirsad-annotations"));
        QCOMPARE(json[u"version"].toInt(), 1);
        const QJsonArray articles = json[u"articles"].toArray();
        QCOMPARE(articles.size(), 3);
        const QJsonObject oil = articles[0].toObject();
        QCOMPARE(oil[u"link"].toString(), test::exchangeLink("oil"));
        const QJsonArray highlights = oil[u"highlights"].toArray();
        QCOMPARE(highlights.size(), 3);
        const QString text = QString::fromUtf16(test::exchangeArticles[0].text);
        // Reading order: Basra, Exports to Turkey, the second "the ministry".
        QCOMPARE(highlights[1][u"quote"].toString(), QStringLiteral("Exports to Turkey resumed"));
        QCOMPARE(highlights[1][u"start"].toInteger(), text.indexOf(u"Exports") - 1);
        const QJsonArray notes = oil[u"notes"].toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0][u"highlight"].toInteger(), highlights[1][u"id"].toInteger());
        QCOMPARE(notes[0][u"tags"].toArray().first().toString(), QStringLiteral("oil"));
        QCOMPARE(articles[1][u"notes"][1][u"highlight"].type(), QJsonValue::Null);
        QCOMPARE(articles[1][u"notes"][0][u"language"].toString(), QStringLiteral("ar"));
    }

    void badInputChangesNothing_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("malformed JSON-LD")
            << test::readFile(test::dataPath(QStringLiteral("exchange/malformed.jsonld")))
            << QStringLiteral("not valid JSON");
        QTest::newRow("not annotations")
            << (test::readFile(test::dataPath(QStringLiteral("exchange/not-annotations.json"))))
            << QStringLiteral("holds no annotations");
        QTest::newRow("a list of numbers") << QByteArray("[1, 2]") << QStringLiteral("holds no annotations");
        // The first annotation is good, the second's selector is not: nothing of either is stored.
        QTest::newRow("bad selector after a good one")
            << (test::readFile(test::dataPath(QStringLiteral("exchange/bad-selector.json"))))
            << QStringLiteral("TextPositionSelector");
        QTest::newRow("quote selector without its quote")
            << (test::readFile(test::dataPath(QStringLiteral("exchange/quote-selector-without-exact.json"))))
            << QStringLiteral("without its quoted text");
    }
    void badInputChangesNothing() {
        QFETCH(QByteArray, json);
        QFETCH(QString, sentence);
        const Counts before = counts(*m_source);
        Result<ImportReport> report = importW3cAnnotations(m_source->db(), json);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(sentence), qPrintable(report.error()));
        QVERIFY(report.error().endsWith(u'.'));
        QCOMPARE(counts(*m_source), before);
    }

    void aQuoteThatIsNotThereIsReportedAndStoresNothing() {
        const Counts before = counts(*m_source);
        Result<ImportReport> report = importW3cAnnotations(
            m_source->db(), test::readFile(test::dataPath(QStringLiteral("exchange/quote-not-there.json"))));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->highlights, 0);
        QCOMPARE(report->unmatched.size(), 1);
        QVERIFY(report->unmatched[0].contains(u"اجتماع في السليمانية"));
        QVERIFY(report->unmatched[0].contains(u"محادثات في أربيل"));
        QCOMPARE(counts(*m_source), before);

        // An annotation with nothing Mirsad keeps (a bookmark of the page) is reported too.
        report = importW3cAnnotations(
            m_source->db(), QByteArrayLiteral("{\"type\": \"Annotation\", \"motivation\": \"bookmarking\", "
                                              "\"target\": \"https://example.org/oil\"}"));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->unmatched.size(), 1);
        QVERIFY2(report->unmatched[0].contains(u"neither a passage nor a note"),
                 qPrintable(report->unmatched[0]));
        QCOMPARE(counts(*m_source), before);
    }

    void unknownColourFallsBackToYellowAndNotesAttachToTheirHighlight() {
        // A note that comes before its highlight in the file still attaches to it.
        test::TempDatabase target;
        const QList<qint64> ids = test::storeExchangeArticles(target.db());
        Result<ImportReport> report = importW3cAnnotations(
            target.db(),
            test::readFile(test::dataPath(QStringLiteral("exchange/note-before-highlight.json"))));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->highlights, 1);
        QCOMPARE(report->notes, 1);
        const QList<annotations::Highlight> highlights = *annotations::listHighlights(target.db(), ids[2]);
        QCOMPARE(highlights.size(), 1);
        QCOMPARE(highlights[0].color, QStringLiteral("yellow"));
        QCOMPARE(annotations::listNotes(target.db(), ids[2])->first().highlightId, highlights[0].id);
    }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
