// `mirsadctl export` through the real binary: text formats to standard output, documents to
// files (without a display), articles by filter, by id and from a saved brief, and the usage
// errors said in a sentence.

#include "BriefFixture.h"
#include "CtlRunner.h"
#include "TestSupport.h"
#include "briefs/BriefStore.h"

#include <QProcess>

using namespace mirsad;

class TestExportCli : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_db;
    test::BriefFixture m_fixture;
    qint64 m_savedBrief = 0;

    test::CtlResult ctl(const QStringList& arguments) { return test::runCtl(m_db->path(), arguments); }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = std::make_unique<test::TempDatabase>();
        QVERIFY(m_db->ok());
        QVERIFY(m_fixture.build(m_db->db()));
        briefs::SavedBrief saved;
        saved.title = QStringLiteral("موجز الخميس");
        saved.introduction = QStringLiteral("Two stories *only*.");
        saved.articleIds = {m_fixture.ids[1], m_fixture.ids[0]};
        const Result<qint64> id = briefs::saveBrief(m_db->db(), saved);
        QVERIFY(id);
        m_savedBrief = *id;
        m_db->close(); // the binary opens the file on its own
    }

    void markdownGoesToStandardOutput() {
        const test::CtlResult run =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("md"),
                 QStringLiteral("--title"), QStringLiteral("Week 10")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("# Week 10\n")));
        QVERIFY(run.out.contains(QStringLiteral("> ") + test::BriefFixture::arabicQuote));
        QVERIFY(run.out.contains(QStringLiteral("> ") + test::BriefFixture::englishQuote));
        QVERIFY(run.out.contains(QStringLiteral("## Index of names")));
        // Newest first: the Arabic article (5 March) before the English one (3 March).
        QVERIFY(run.out.indexOf(test::BriefFixture::arabicTitle) <
                run.out.indexOf(test::BriefFixture::englishTitle));
    }

    void filtersPickTheArticlesAndAreDescribed() {
        const test::CtlResult run =
            ctl({QStringLiteral("export"), QStringLiteral("--query"), QStringLiteral("oil"),
                 QStringLiteral("--format"), QStringLiteral("html")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(test::BriefFixture::englishTitle));
        QVERIFY(!run.out.contains(test::BriefFixture::arabicTitle));
        QVERIFY(run.out.contains(QStringLiteral("Filter: “oil”")));
        QVERIFY(run.out.contains(QStringLiteral("1 article")));
    }

    void idsKeepTheirOrderAndSavedBriefsTheirTitle() {
        const test::CtlResult byIds =
            ctl({QStringLiteral("export"), QStringLiteral("--ids"),
                 QStringLiteral("%1,%2").arg(m_fixture.ids[2]).arg(m_fixture.ids[1]),
                 QStringLiteral("--format"), QStringLiteral("md")});
        QCOMPARE(byIds.exitCode, 0);
        QVERIFY(byIds.out.contains(QStringLiteral("## 1. \\<script\\>")));
        QVERIFY(byIds.out.contains(QStringLiteral("## 2. ") + test::BriefFixture::englishTitle));
        QVERIFY(!byIds.out.contains(test::BriefFixture::arabicTitle));

        const test::CtlResult saved =
            ctl({QStringLiteral("export"), QStringLiteral("--brief"), QString::number(m_savedBrief),
                 QStringLiteral("--format"), QStringLiteral("md")});
        QCOMPARE(saved.exitCode, 0);
        QVERIFY(saved.out.startsWith(QStringLiteral("# موجز الخميس\n")));
        QVERIFY(saved.out.contains(QStringLiteral("Two stories *only*.")));
        QVERIFY(saved.out.contains(QStringLiteral("## 1. ") + test::BriefFixture::englishTitle));
        QVERIFY(saved.out.contains(QStringLiteral("## 2. ") + test::BriefFixture::arabicTitle));
    }

    // PDF and ODT need no display: mirsadctl goes offscreen by itself when no platform is set.
    void documentsAreWrittenToFilesWithoutADisplay() {
        QTemporaryDir dir;
        for (const QString& format : {QStringLiteral("pdf"), QStringLiteral("odt")}) {
            const QString path = dir.filePath(QStringLiteral("brief.") + format);
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
            environment.remove(QStringLiteral("DISPLAY"));
            environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(MIRSADCTL_PATH),
                          {QStringLiteral("--db"), m_db->path(), QStringLiteral("export"),
                           QStringLiteral("--format"), format, QStringLiteral("-o"), path});
            QVERIFY(process.waitForFinished(120'000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            QVERIFY(
                test::readFile(path).startsWith(format == u"pdf" ? QByteArray("%PDF") : QByteArray("PK")));
        }
    }

    void aTextFormatGoesToAFileWithDashO() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("brief.html"));
        const test::CtlResult run = ctl({QStringLiteral("export"), QStringLiteral("--format"),
                                         QStringLiteral("html"), QStringLiteral("-o"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY(QString::fromUtf8(test::readFile(path)).contains(test::BriefFixture::arabicQuote));
    }

    // The data formats come from lib/exchange: here only that export dispatches to them.
    void dataFormatsHoldTheAnnotations() {
        QProcess csv;
        csv.start(QStringLiteral(MIRSADCTL_PATH),
                  {QStringLiteral("--db"), m_db->path(), QStringLiteral("export"), QStringLiteral("--format"),
                   QStringLiteral("csv")});
        QVERIFY(csv.waitForFinished(60'000));
        QCOMPARE(csv.exitCode(), 0);
        const QByteArray bytes = csv.readAllStandardOutput();
        QVERIFY(bytes.startsWith("\xef\xbb\xbf")); // the BOM spreadsheet programs need for Arabic
        QVERIFY(QString::fromUtf8(bytes).contains(test::BriefFixture::arabicQuote));
        const test::CtlResult w3c = ctl({QStringLiteral("export"), QStringLiteral("--format"),
                                         QStringLiteral("w3c"), QStringLiteral("--annotated-only")});
        QCOMPARE(w3c.exitCode, 0);
        QVERIFY(w3c.out.contains(QStringLiteral("TextQuoteSelector")));
        QVERIFY(w3c.out.contains(test::BriefFixture::englishQuote));
        const test::CtlResult json =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.contains(test::BriefFixture::englishQuote));
    }

    void usageErrorsAreSentences_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        QTest::newRow("no format") << QStringList{} << QStringLiteral("export needs --format");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("docx")}
                                        << QStringLiteral("not \"docx\"");
        QTest::newRow("pdf without -o")
            << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")} << QStringLiteral("-o FILE");
        QTest::newRow("bad date") << QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                                 QStringLiteral("--since"), QStringLiteral("last tuesday")}
                                  << QStringLiteral("--since");
        QTest::newRow("unknown feed")
            << QStringList{QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--feed"),
                           QStringLiteral("Nowhere Daily")}
            << QStringLiteral("Nowhere Daily");
        QTest::newRow("ids and a filter")
            << QStringList{QStringLiteral("--format"), QStringLiteral("md"),      QStringLiteral("--ids"),
                           QStringLiteral("1"),        QStringLiteral("--query"), QStringLiteral("oil")}
            << QStringLiteral("leave out the list filters");
        QTest::newRow("bad ids") << QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                                QStringLiteral("--ids"), QStringLiteral("1,x")}
                                 << QStringLiteral("--ids needs article ids");
    }

    void usageErrorsAreSentences() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        const test::CtlResult run = ctl(QStringList{QStringLiteral("export")} + arguments);
        QVERIFY2(run.exitCode == 2 || run.exitCode == 1, qPrintable(run.err));
        QVERIFY2(run.err.contains(said), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void aMissingSavedBriefIsAFailure() {
        const test::CtlResult run =
            ctl({QStringLiteral("export"), QStringLiteral("--brief"), QStringLiteral("9999"),
                 QStringLiteral("--format"), QStringLiteral("md")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.startsWith(QStringLiteral("mirsadctl: ")));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
