#include "BriefFixture.h"
#include "TestSupport.h"
#include "briefs/Brief.h"
#include "publishing/Export.h"
#include "publishing/OdfPackage_p.h"

#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QXmlStreamReader>
#include <QtEndian>
#include <zlib.h>

using namespace mirsad;
using namespace mirsad::publishing;

namespace {

// One file of a zip archive (stored or deflated), read without an unzip tool.
QByteArray zipEntry(const QByteArray& zip, const QByteArray& name) {
    qsizetype at = 0;
    while (at + 30 <= zip.size()) {
        const auto u16 = [&](qsizetype o) { return qFromLittleEndian<quint16>(zip.constData() + at + o); };
        const auto u32 = [&](qsizetype o) { return qFromLittleEndian<quint32>(zip.constData() + at + o); };
        if (u32(0) != 0x04034b50)
            break;
        const quint16 method = u16(8);
        const quint32 compressed = u32(18), size = u32(22);
        const quint16 nameLength = u16(26), extra = u16(28);
        const QByteArray entryName = zip.mid(at + 30, nameLength);
        const qsizetype data = at + 30 + nameLength + extra;
        if (entryName == name) {
            const QByteArray raw = zip.mid(data, compressed);
            if (method == 0)
                return raw;
            QByteArray out(qsizetype(size), '\0');
            z_stream stream{};
            if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
                return {};
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.constData()));
            stream.avail_in = uInt(raw.size());
            stream.next_out = reinterpret_cast<Bytef*>(out.data());
            stream.avail_out = uInt(out.size());
            const int result = inflate(&stream, Z_FINISH);
            inflateEnd(&stream);
            return result == Z_STREAM_END ? out : QByteArray();
        }
        at = data + compressed;
    }
    return {};
}

// The paragraph styles of an ODT's content.xml: each paragraph's text with its style, and each
// style's writing mode (empty when it has none).
struct OdtParagraphs {
    QList<std::pair<QString, QString>> paragraphs; // text, style name
    QHash<QString, QString> writingModes;          // style name, style:writing-mode

    explicit OdtParagraphs(const QByteArray& content) {
        static const QString styleNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:style:1.0");
        static const QString textNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
        QXmlStreamReader xml(content);
        QString style;
        int depth = 0; // inside a paragraph
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.namespaceUri() == styleNs && xml.name() == u"style") {
                style = xml.attributes().value(styleNs, QStringLiteral("name")).toString();
            } else if (xml.isStartElement() && xml.namespaceUri() == styleNs &&
                       xml.name() == u"paragraph-properties") {
                writingModes.insert(
                    style, xml.attributes().value(styleNs, QStringLiteral("writing-mode")).toString());
            } else if (xml.isStartElement() && xml.namespaceUri() == textNs && xml.name() == u"p") {
                paragraphs.append(
                    {QString(), xml.attributes().value(textNs, QStringLiteral("style-name")).toString()});
                ++depth;
            } else if (xml.isEndElement() && xml.namespaceUri() == textNs && xml.name() == u"p") {
                --depth;
            } else if (xml.isCharacters() && depth > 0) {
                paragraphs.last().first += xml.text();
            }
        }
        if (xml.hasError())
            qWarning() << "content.xml:" << xml.errorString();
    }

    // The writing mode of the paragraph that holds text.
    QString modeOf(const QString& text) const {
        for (const auto& [paragraph, style] : paragraphs)
            if (paragraph.contains(text))
                return writingModes.value(style, QStringLiteral("(no style %1)").arg(style));
        return QStringLiteral("(no paragraph)");
    }
};

QString run(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        return QStringLiteral("(%1 failed: %2)")
            .arg(program, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestPublishing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_temp->ok(), qPrintable(m_temp->error()));
        QVERIFY(m_fixture.build(m_temp->db()));
        Result<briefs::Brief> brief = briefs::gatherBrief(m_temp->db(), m_fixture.ids);
        QVERIFY2(brief, qPrintable(brief.error()));
        m_brief = std::move(*brief);
        m_brief.title = QStringLiteral("Iraq weekly — موجز");
        m_brief.introduction =
            QStringLiteral("This week: **budget** talks in Erbil.\n\nالأسبوع: محادثات الموازنة.");
        m_brief.filterDescription = QStringLiteral("Kurdistan Region · 2024-03-01 – 2024-03-07");
    }

    void formatsHaveNamesAndSuffixes() {
        QCOMPARE(exportFormatFromName(QStringLiteral("pdf")), ExportFormat::Pdf);
        QCOMPARE(exportFormatFromName(QStringLiteral("W3C")), ExportFormat::W3c);
        QCOMPARE(exportFormatSuffix(ExportFormat::W3c), QStringLiteral("jsonld"));
        QCOMPARE(exportFormatName(ExportFormat::Markdown), QStringLiteral("md"));
        QVERIFY(!exportFormatFromName(QStringLiteral("docx")));
        QVERIFY(isDocumentFormat(ExportFormat::Odt));
        QVERIFY(!isDocumentFormat(ExportFormat::Csv));
    }

    void documentBlocksTakeTheirOwnDirection() {
        const std::unique_ptr<QTextDocument> document = briefDocument(m_brief);
        bool arabicQuote = false, englishQuote = false, anchor = false;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (block.text().contains(test::BriefFixture::arabicQuote)) {
                QCOMPARE(block.blockFormat().layoutDirection(), Qt::RightToLeft);
                arabicQuote = true;
            }
            if (block.text().contains(test::BriefFixture::englishQuote)) {
                QCOMPARE(block.blockFormat().layoutDirection(), Qt::LeftToRight);
                englishQuote = true;
            }
            if (block.text().contains(QStringLiteral("الأسبوع: محادثات")))
                QCOMPARE(block.blockFormat().layoutDirection(), Qt::RightToLeft);
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().anchorHref() == u"#article-1")
                    anchor = true;
        }
        QVERIFY(arabicQuote);
        QVERIFY(englishQuote);
        QVERIFY2(anchor, "the index links to the first article's heading");
        QVERIFY(document->toPlainText().contains(QStringLiteral("orphaned")));
    }

    void pdfHasTheQuotesInLogicalOrderAndAFirstPageToLookAt() {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("brief.pdf"));
        const Status written = exportBriefToFile(m_brief, ExportFormat::Pdf, pdf);
        QVERIFY2(written, qPrintable(written.error()));
        QVERIFY(test::readFile(pdf).startsWith("%PDF"));

        const QString prefix = test::screenshotPath(QStringLiteral("brief-pdf-page1"));
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
                                         QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                         QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, prefix});
        QVERIFY(QFile::exists(prefix + QStringLiteral(".png")));
        // The last page: the index of names.
        const QString index = test::screenshotPath(QStringLiteral("brief-pdf-index"));
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
                                         QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                                         QStringLiteral("2"), QStringLiteral("-singlefile"), pdf, index});
        QVERIFY(QFile::exists(index + QStringLiteral(".png")));

        const QString text =
            run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        // The quotes read as they were written, in logical order. pdftotext gives Arabic as the
        // presentation forms of its shaped glyphs, between embedding marks: compared after NFKC
        // (which maps presentation forms to letters) without the marks, whitespace aside.
        QString flat = text.normalized(QString::NormalizationForm_KC).simplified();
        static const QRegularExpression marks(QStringLiteral("[\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]"));
        flat.remove(marks);
        QVERIFY2(flat.contains(test::BriefFixture::englishQuote), qPrintable(text));
        QVERIFY2(flat.contains(test::BriefFixture::arabicQuote), qPrintable(text));
        QVERIFY(flat.contains(QStringLiteral("Index of names")));
        QVERIFY(flat.contains(QRegularExpression(QStringLiteral("\\b1 ?/ ?2\\b")))); // the page numbers

        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QStringLiteral("Iraq weekly")), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("A4")), qPrintable(info));
    }

    void odtHoldsTheQuotes() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = exportBrief(m_brief, ExportFormat::Odt, buffer);
        QVERIFY2(written, qPrintable(written.error()));
        QVERIFY(buffer.data().startsWith("PK"));
        const QString content = QString::fromUtf8(zipEntry(buffer.data(), "content.xml"));
        QVERIFY2(!content.isEmpty(), "content.xml is in the archive");
        QVERIFY(content.contains(test::BriefFixture::arabicQuote));
        QVERIFY(content.contains(test::BriefFixture::englishQuote));
        QVERIFY(content.contains(QStringLiteral("#ffe87a")));                 // the yellow quote's shade
        QVERIFY(content.contains(QStringLiteral("fo:text-align=\"right\""))); // Arabic paragraphs
    }

    // Qt's ODF writer keeps no paragraph direction: the export adds style:writing-mode to the
    // styles of the paragraphs, which LibreOffice needs to lay Arabic out right to left.
    void odtParagraphsHaveTheirWritingMode() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = exportBrief(m_brief, ExportFormat::Odt, buffer);
        QVERIFY2(written, qPrintable(written.error()));
        const OdtParagraphs odt(zipEntry(buffer.data(), "content.xml"));
        QCOMPARE(odt.modeOf(test::BriefFixture::arabicQuote), QStringLiteral("rl-tb"));
        QCOMPARE(odt.modeOf(QStringLiteral("أول لقاء منذ شهر")), QStringLiteral("rl-tb")); // the note
        QCOMPARE(odt.modeOf(QStringLiteral("الأسبوع: محادثات")), QStringLiteral("rl-tb")); // introduction
        QCOMPARE(odt.modeOf(test::BriefFixture::englishQuote), QStringLiteral("lr-tb"));
        QCOMPARE(odt.modeOf(QStringLiteral("Compare with")), QStringLiteral("lr-tb"));
        QCOMPARE(odt.modeOf(QStringLiteral("Index of names")), QStringLiteral("lr-tb"));
    }

    // The package is a valid zip whose first entry is the mimetype, stored (ODF's rule, which lets
    // a file's type be read at a fixed offset), checked by a zip reader other than ours.
    void odtIsAValidPackage() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("brief.odt"));
        const Status written = exportBriefToFile(m_brief, ExportFormat::Odt, path);
        QVERIFY2(written, qPrintable(written.error()));
        const QByteArray zip = test::readFile(path);
        QVERIFY(zip.size() > 38);
        QCOMPARE(qFromLittleEndian<quint32>(zip.constData()), 0x04034b50u);
        QCOMPARE(qFromLittleEndian<quint16>(zip.constData() + 8), quint16(0)); // stored
        QCOMPARE(zip.mid(30, 8), QByteArray("mimetype"));
        QCOMPARE(qFromLittleEndian<quint16>(zip.constData() + 28), quint16(0)); // no extra field
        QCOMPARE(zip.mid(38, 39), QByteArray("application/vnd.oasis.opendocument.text"));

        QProcess process;
        if (const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip")); !unzip.isEmpty()) {
            process.start(unzip, {QStringLiteral("-t"), path});
        } else if (const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
                   !python.isEmpty()) {
            process.start(python, {QStringLiteral("-c"),
                                   QStringLiteral("import sys, zipfile\n"
                                                  "z = zipfile.ZipFile(sys.argv[1])\n"
                                                  "bad = z.testzip()\n"
                                                  "if bad: sys.exit('bad entry: ' + bad)\n"
                                                  "print([i.filename for i in z.infolist()])\n"),
                                   path});
        } else {
            QFAIL("Neither unzip nor python3 is installed: the ODT package cannot be checked.");
        }
        QVERIFY(process.waitForFinished(60'000));
        const QString listing =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("content.xml")), qPrintable(listing));
    }

    // The package reader takes damaged input as an Error, and what the writer writes reads back.
    void odtPackageReadsBackAndRefusesDamage() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = exportBrief(m_brief, ExportFormat::Odt, buffer);
        QVERIFY2(written, qPrintable(written.error()));
        const QByteArray odt = buffer.data();
        Result<QList<detail::ZipEntry>> entries = detail::readZip(odt);
        QVERIFY2(entries, qPrintable(entries.error()));
        QCOMPARE(entries->first().name, QStringLiteral("mimetype"));
        const Result<QByteArray> again = detail::writeOdfPackage(*entries);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(*again, odt);

        QVERIFY(!detail::readZip(QByteArray("not a zip")));
        QVERIFY(!detail::readZip(odt.first(odt.size() / 2)));
        // Any one byte damaged: never a crash, mostly an Error (no check covers a time or a version).
        int refused = 0;
        for (qsizetype i = 0; i < odt.size(); ++i) {
            QByteArray damaged = odt;
            damaged[i] = char(damaged[i] ^ 0x5a);
            const Result<QList<detail::ZipEntry>> read = detail::readZip(damaged);
            refused += read ? 0 : 1;
        }
        QVERIFY(refused > odt.size() / 2);

        QList<detail::ZipEntry> noMimetype = *entries;
        noMimetype.removeFirst();
        QVERIFY(!detail::writeOdfPackage(noMimetype));
        const QByteArray content = zipEntry(odt, "content.xml");
        QVERIFY(!detail::markWritingModes(content, {Qt::RightToLeft}));
        QVERIFY(!detail::markWritingModes(QByteArray("<unclosed"), {}));
    }

    // A note's links stay links in the PDF and ODT only when they are web links: the hostile
    // note's javascript: link keeps its text and loses its target.
    void documentLinksAreOnlyWebLinks() {
        const std::unique_ptr<QTextDocument> document = briefDocument(m_brief);
        QStringList targets;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (const QTextCharFormat format = it.fragment().charFormat(); format.isAnchor())
                    if (const QString href = format.anchorHref(); !href.isEmpty())
                        targets << href;
        QVERIFY(!targets.isEmpty()); // the articles' links and the index's stay
        for (const QString& href : std::as_const(targets))
            QVERIFY2(href.startsWith(u"https:") || href.startsWith(u"http:") || href.startsWith(u"#") ||
                         href.startsWith(u"mailto:"),
                     qPrintable(href));
        QVERIFY(document->toPlainText().contains(QStringLiteral("this"))); // the disarmed link's text
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exportBrief(m_brief, ExportFormat::Odt, buffer));
        QVERIFY(!zipEntry(buffer.data(), "content.xml").contains("javascript:"));
    }

    void htmlHasDirectionsAndEscapesArticleText() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = exportBrief(m_brief, ExportFormat::Html, buffer);
        QVERIFY2(written, qPrintable(written.error()));
        const QString html = QString::fromUtf8(buffer.data());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY2(html.contains(QStringLiteral("<p dir=\"rtl\">") + test::BriefFixture::arabicQuote),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<p dir=\"ltr\">") + test::BriefFixture::englishQuote));
        QVERIFY(html.contains(QStringLiteral("background-color: #b6eba4"))); // the green quote
        // The hostile title and note are text, never markup.
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(
                    QStringLiteral("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Kirkuk &amp; co")) ||
                html.contains(QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; Kirkuk &amp; co")));
        QVERIFY(!html.contains(QStringLiteral("javascript:")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(html.contains(QStringLiteral("<strong>مهم</strong>"))); // notes rendered from Markdown
        // Every block element says its direction.
        static const QRegularExpression block(QStringLiteral("<(p|li|h[1-6]|blockquote)(\\s[^>]*)?>"));
        for (auto it = block.globalMatch(html); it.hasNext();) {
            const QString tag = it.next().captured(0);
            QVERIFY2(tag.contains(QStringLiteral(" dir=\"")), qPrintable(tag));
        }
        QVERIFY(html.contains(QStringLiteral("<a href=\"#article-1\">1</a>")));
    }

    void markdownHasTheQuotesAndTheIndex() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = exportBrief(m_brief, ExportFormat::Markdown, buffer);
        QVERIFY2(written, qPrintable(written.error()));
        const QString md = QString::fromUtf8(buffer.data());
        QVERIFY(md.startsWith(QStringLiteral("# Iraq weekly — موجز\n")));
        QVERIFY2(md.contains(QStringLiteral("> ") + test::BriefFixture::arabicQuote), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("> ") + test::BriefFixture::englishQuote));
        QVERIFY(md.contains(QStringLiteral("🟩 *green*")));
        QVERIFY(md.contains(test::BriefFixture::arabicNote));
        QVERIFY(md.contains(QStringLiteral("## Index of names")));
        QVERIFY(md.contains(QStringLiteral("<a id=\"article-1\"></a>")));
        QVERIFY(md.contains(
            QRegularExpression(QStringLiteral("\\*\\*Erbil\\*\\* \\(أربيل\\): \\[1\\]\\(#article-1\\)"))));
        QVERIFY(md.contains(QStringLiteral("\\<script\\>"))); // the hostile title escaped
    }

    void aFileIsWrittenWholeOrNotAtAll() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/brief.md"));
        QVERIFY(!exportBriefToFile(m_brief, ExportFormat::Markdown, path));
        QVERIFY(!QFile::exists(path));
    }

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::BriefFixture m_fixture;
    briefs::Brief m_brief;
};

QTEST_MAIN(TestPublishing)
#include "tst_publishing.moc"
