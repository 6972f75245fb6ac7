#include "TestSupport.h"
#include "articles/ArticleFile.h"
#include "articles/ScrapedText.h"
#include "ingest/ArticleImport.h"
#include "storage/ArticleQueries.h"

#include <QStringEncoder>

using namespace mirsad;

class TestArticleFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void seedArticle() {
        Result<Article> article = articles::readArticleFile(test::seedPath());
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->title,
                 QStringLiteral("Al-Kazemi refers to an “unprecedented” security coordination between "
                                "Baghdad and Erbil: it will curb terrorist attacks"));
        QCOMPARE(article->published, QDateTime(QDate(2021, 5, 9), QTime(15, 15), QTimeZone::UTC));
        QCOMPARE(article->source, QStringLiteral("Shafaq News"));
        QCOMPARE(article->tags,
                 (QStringList{QStringLiteral("Politics"), QStringLiteral("Disputed areas"),
                              QStringLiteral("Kurdistan Region"), QStringLiteral("Mustafa Al-Kazemi"),
                              QStringLiteral("ISIS attacks in Iraq"), QStringLiteral("Share of Kurdistan")}));
        QVERIFY(article->text.startsWith(
            QStringLiteral("Shafaq News / On Sunday, Prime Minister Mustafa Al-Kazimi")));
        QVERIFY(article->text.endsWith(QStringLiteral("with a proposal submitted by Baghdad.”")));
        for (const char* boilerplate :
             {"Leave a Reply", "Fill in your details", "Log Out", "Connecting to %s", "Twitter picture",
              "Facebook photo", "A-AA", "2021-05-09 15:15"})
            QVERIFY2(!article->text.contains(QLatin1String(boilerplate)), boilerplate);
        QCOMPARE(article->text.count(QStringLiteral("\n\n")), 8); // nine paragraphs
        QVERIFY(article->guid.startsWith(QStringLiteral("local:")));
    }

    void runTogetherTags_data() {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QStringList>("tags");
        QTest::newRow("seed") << QStringLiteral("PoliticsDisputed areasKurdistan Region")
                              << QStringList{QStringLiteral("Politics"), QStringLiteral("Disputed areas"),
                                             QStringLiteral("Kurdistan Region")};
        QTest::newRow("acronym stays")
            << QStringLiteral("ISIS attacks in IraqEconomy")
            << QStringList{QStringLiteral("ISIS attacks in Iraq"), QStringLiteral("Economy")};
        QTest::newRow("separators") << QStringLiteral("Politics | Security, Oil")
                                    << QStringList{QStringLiteral("Politics"), QStringLiteral("Security"),
                                                   QStringLiteral("Oil")};
        QTest::newRow("arabic") << QStringLiteral("سياسة، أمن")
                                << QStringList{QStringLiteral("سياسة"), QStringLiteral("أمن")};
    }

    void runTogetherTags() {
        QFETCH(QString, run);
        QFETCH(QStringList, tags);
        QCOMPARE(articles::splitRunTogetherTags(run), tags);
    }

    void datelines_data() {
        QTest::addColumn<QString>("paragraph");
        QTest::addColumn<QString>("source");
        QTest::newRow("shafaq") << QStringLiteral("Shafaq News / On Sunday, the minister said")
                                << QStringLiteral("Shafaq News");
        QTest::newRow("arabic") << QStringLiteral("شفق نيوز/ أعلن رئيس الوزراء")
                                << QStringLiteral("شفق نيوز");
        QTest::newRow("agency") << QStringLiteral("BAGHDAD (Reuters) - Iraq's prime minister")
                                << QStringLiteral("Reuters");
        QTest::newRow("none") << QStringLiteral("The prime minister said on Sunday") << QString();
    }

    void datelines() {
        QFETCH(QString, paragraph);
        QFETCH(QString, source);
        QCOMPARE(articles::sourceFromDateline(paragraph), source);
    }

    void arabicInWindows1256() {
        const QString text =
            QStringLiteral("الكاظمي يزور أربيل\n\nشفق نيوز/ زار رئيس الوزراء مصطفى الكاظمي أربيل.\n");
        QStringEncoder encoder("windows-1256");
        QVERIFY(encoder.isValid());
        const QByteArray bytes = encoder.encode(text);
        Result<Article> article =
            articles::parseArticleFile(bytes, articles::ArticleFileKind::PlainText, QStringLiteral("a.txt"));
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->title, QStringLiteral("الكاظمي يزور أربيل"));
        QCOMPARE(article->source, QStringLiteral("شفق نيوز"));
    }

    void htmlIsSanitised() {
        const QByteArray html = "<html><head><title>Erbil talks</title><script>alert(1)</script></head><body>"
                                "<h1>Erbil talks</h1><p onclick=\"evil()\">Baghdad and Erbil agreed.</p>"
                                "<img src=\"https://tracker.example/pixel.gif\"></body></html>";
        Result<Article> article =
            articles::parseArticleFile(html, articles::ArticleFileKind::Html, QStringLiteral("a.html"));
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->title, QStringLiteral("Erbil talks"));
        QVERIFY(article->text.contains(QStringLiteral("Baghdad and Erbil agreed.")));
        QVERIFY(!article->html.contains(QStringLiteral("script")));
        QVERIFY(!article->html.contains(QStringLiteral("onclick")));
        QVERIFY(!article->html.contains(QStringLiteral("tracker.example")));
    }

    void markdown() {
        const QByteArray md = "# Kirkuk budget\n\nThe *governorate* council met.\n";
        Result<Article> article =
            articles::parseArticleFile(md, articles::ArticleFileKind::Markdown, QStringLiteral("a.md"));
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->title, QStringLiteral("Kirkuk budget"));
        QVERIFY(article->text.contains(QStringLiteral("The governorate council met.")));
    }

    void markdownKeepsStructure() {
        const QByteArray md = "# Oil exports\n\n"
                              "The ministry's **monthly** figures, as *SOMO* reported "
                              "[on its site](https://somo.gov.iq/reports):\n\n"
                              "| Port | Barrels a day |\n"
                              "|------|--------------:|\n"
                              "| Basra | 3,300,000 |\n"
                              "| Ceyhan | ~~450,000~~ 0 |\n\n"
                              "<script>alert(1)</script>\n";
        Result<Article> article =
            articles::parseArticleFile(md, articles::ArticleFileKind::Markdown, QStringLiteral("a.md"));
        QVERIFY2(article, qPrintable(article.error()));
        QCOMPARE(article->title, QStringLiteral("Oil exports"));
        const QString& html = article->html;
        for (const char* kept :
             {"<strong>monthly</strong>", "<em>SOMO</em>", "href=\"https://somo.gov.iq/reports\"",
              ">on its site</a>", "<table", "<th", "Barrels a day</th>", ">Basra</td>", ">3,300,000</td>"})
            QVERIFY2(html.contains(QLatin1String(kept)),
                     qPrintable(QString::fromLatin1(kept) + QStringLiteral(" in ") + html));
        QVERIFY2(!html.contains(QStringLiteral("script")), qPrintable(html)); // raw HTML is sanitised too
        QVERIFY(article->text.contains(
            QStringLiteral("The ministry's monthly figures, as SOMO reported on its site")));
        QVERIFY(article->text.contains(QStringLiteral("Basra")));
        QVERIFY(!article->text.contains(u'|')); // the table was rendered, not kept as Markdown
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty.txt") << QStringLiteral("is empty");
        QTest::newRow("blank") << QByteArray("  \n\n\t ") << QStringLiteral("blank.txt")
                               << QStringLiteral("is empty");
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(char(i * 7 % 256));
        QTest::newRow("binary") << binary << QStringLiteral("binary.txt")
                                << QStringLiteral("not a text file");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("image.txt")
                             << QStringLiteral("not a text file");
        QTest::newRow("unsupported") << QByteArray("hello") << QStringLiteral("notes.docx")
                                     << QStringLiteral("not a supported article file");
        QTest::newRow("missing") << QByteArray() << QString() << QStringLiteral("does not exist");
    }

    void badInput() {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("missing.txt"));
        if (!fileName.isEmpty()) {
            path = dir.filePath(fileName);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        Result<storage::UpsertResult> stored = ingest::importArticleFile(temp.db(), path);
        QVERIFY(!stored);
        QVERIFY2(stored.error().contains(expected), qPrintable(stored.error()));
        QVERIFY2(stored.error().contains(fileName.isEmpty() ? QStringLiteral("missing.txt") : fileName),
                 "the error names the file");
        QCOMPARE(temp.count(QStringLiteral("articles")), 0);
        QCOMPARE(temp.count(QStringLiteral("article_entities")), 0);
    }

    void tooLargeFileIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(articles::maxArticleFileBytes + 1)); // sparse: costs no disk
        file.close();
        Result<Article> article = articles::readArticleFile(path);
        QVERIFY(!article);
        QVERIFY2(article.error().contains(QStringLiteral("too large")), qPrintable(article.error()));
    }

    void importStoresOnceAndTagsNames() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        Result<storage::UpsertResult> first = ingest::importArticleFile(temp.db(), test::seedPath());
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->outcome, storage::UpsertOutcome::Inserted);
        Result<storage::UpsertResult> again = ingest::importArticleFile(temp.db(), test::seedPath());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->outcome, storage::UpsertOutcome::Unchanged);
        QCOMPARE(again->id, first->id);
        QCOMPARE(temp.count(QStringLiteral("articles")), 1);

        Result<Article> stored = storage::loadArticle(temp.db(), first->id);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(stored->source, QStringLiteral("Shafaq News"));
        QCOMPARE(stored->tags.size(), 6);
        QVERIFY(!stored->mentions.isEmpty());
        for (const StoredMention& mention : stored->mentions)
            QCOMPARE(stored->text.mid(mention.start, mention.end - mention.start), mention.surface);
    }

    void samplesInstallOnce() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        Result<int> installed = ingest::installSampleArticles(temp.db());
        QVERIFY2(installed, qPrintable(installed.error()));
        QVERIFY(*installed >= 1);
        QCOMPARE(temp.count(QStringLiteral("articles")), qint64(*installed));
        QSqlQuery query(temp.db());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM articles")));
        Result<int> again = ingest::installSampleArticles(temp.db());
        QVERIFY(again);
        QCOMPARE(*again, 0); // deleted samples do not come back
    }
};

QTEST_GUILESS_MAIN(TestArticleFile)
#include "tst_articlefile.moc"
