#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace mirsad;

// Runs the real mirsadctl binary, as a script or an outside check would.
struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

static CtlRun ctl(const QStringList& arguments, const QByteArray& input = {}) {
    QProcess process;
    process.start(QStringLiteral(MIRSADCTL_PATH), arguments);
    process.waitForStarted();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

class TestCtl : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void importListShowRoundTrip() {
        QTemporaryDir dir;
        test::TempDatabase archive; // a file, or a database on the test server in the PostgreSQL run
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        archive.close();
        const QString db = archive.path();

        CtlRun imported = ctl({QStringLiteral("--db"), db, QStringLiteral("import"), test::seedPath()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QStringLiteral("(new)")));

        CtlRun listed = ctl({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(listed.out.toUtf8(), &parseError);
        QVERIFY2(json.isArray(), qPrintable(parseError.errorString()));
        QCOMPARE(json.array().size(), 1);
        const QJsonObject article = json.array().first().toObject();
        for (const char* key :
             {"id", "title", "feed", "published", "link", "entities", "read", "starred", "notes"})
            QVERIFY2(article.contains(QLatin1String(key)), key);
        QVERIFY(article.value(QStringLiteral("title"))
                    .toString()
                    .startsWith(QStringLiteral("Al-Kazemi refers to")));
        QCOMPARE(article.value(QStringLiteral("published")).toString(),
                 QStringLiteral("2021-05-09T15:15:00Z"));
        QCOMPARE(article.value(QStringLiteral("source")).toString(), QStringLiteral("Shafaq News"));
        QCOMPARE(article.value(QStringLiteral("read")).toBool(), false);
        QCOMPARE(article.value(QStringLiteral("notes")).toInt(), 0);
        QStringList entityIds;
        for (const QJsonValue& entity : article.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject e = entity.toObject();
            QVERIFY(!e.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(QStringList(
                        {QStringLiteral("person"), QStringLiteral("place"), QStringLiteral("organization")})
                        .contains(e.value(QStringLiteral("kind")).toString()));
            entityIds << e.value(QStringLiteral("id")).toString();
        }
        QVERIFY2(entityIds.contains(QStringLiteral("erbil")), qPrintable(entityIds.join(u',')));

        const QString id = QString::number(article.value(QStringLiteral("id")).toInteger());
        CtlRun shown =
            ctl({QStringLiteral("--db"), db, QStringLiteral("show"), id, QStringLiteral("--json")});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject full = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        const QString text = full.value(QStringLiteral("text")).toString();
        QVERIFY(text.startsWith(QStringLiteral("Shafaq News / On Sunday")));
        QVERIFY(!text.contains(QStringLiteral("Leave a Reply")));
        const QJsonArray mentions = full.value(QStringLiteral("mentions")).toArray();
        QVERIFY(!mentions.isEmpty());
        const QList<uint> codePoints = text.toUcs4();
        for (const QJsonValue& value : mentions) {
            const QJsonObject mention = value.toObject();
            const int start = mention.value(QStringLiteral("start")).toInt();
            const int end = mention.value(QStringLiteral("end")).toInt();
            const QString surface = QString::fromUcs4(
                reinterpret_cast<const char32_t*>(codePoints.constData() + start), end - start);
            QCOMPARE(surface, mention.value(QStringLiteral("text")).toString());
        }

        CtlRun plain = ctl({QStringLiteral("--db"), db, QStringLiteral("show"), id});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QVERIFY(plain.out.contains(QStringLiteral("Shafaq News")));

        // Importing again stores nothing new.
        CtlRun again = ctl({QStringLiteral("--db"), db, QStringLiteral("import"), test::seedPath()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("(unchanged)")));
    }

    void badSourcesFailClearlyAndStoreNothing() {
        QTemporaryDir dir;
        test::TempDatabase archive; // a file, or a database on the test server in the PostgreSQL run
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        archive.close();
        const QString db = archive.path();
        QVERIFY(ctl({QStringLiteral("--db"), db, QStringLiteral("import"), test::seedPath()}).exitCode == 0);
        const QString before =
            ctl({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")}).out;

        const QString empty = dir.filePath(QStringLiteral("empty.txt"));
        QFile(empty).open(QIODevice::WriteOnly);
        const QString binary = dir.filePath(QStringLiteral("binary.txt"));
        {
            QFile file(binary);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("\x7f"
                                  "ELF\x02\x01\x01\0\0\0\0\0",
                                  12)
                           .repeated(50));
        }
        const QString missing = dir.filePath(QStringLiteral("missing.txt"));
        CtlRun run = ctl({QStringLiteral("--db"), db, QStringLiteral("import"), empty, binary, missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("empty.txt is empty")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("binary.txt is not a text file")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("missing.txt does not exist")), qPrintable(run.err));
        QCOMPARE(ctl({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")}).out,
                 before);
    }

    // The shipped binary runs on the allocator it was built for, with Mirsad's settings: a
    // malloc_conf that the executable failed to export would leave jemalloc's default of
    // several arenas.
    void versionNamesTheAllocator() {
        const CtlRun run = ctl({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("mirsadctl " MIRSAD_VERSION " (")), qPrintable(run.out));
#if defined(MIRSAD_JEMALLOC)
        QVERIFY2(run.out.contains(QStringLiteral("jemalloc 5.")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(", 1 arena)")), qPrintable(run.out));
#else
        QVERIFY2(run.out.contains(QStringLiteral("malloc")), qPrintable(run.out));
#endif
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList() << 2 << QStringLiteral("Usage: mirsadctl");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--colour")}
                                        << 2 << QStringLiteral("Unknown option 'colour'");
        QTest::newRow("show without id")
            << QStringList{QStringLiteral("show")} << 2 << QStringLiteral("article id");
        QTest::newRow("show missing") << QStringList{QStringLiteral("show"), QStringLiteral("4242")} << 1
                                      << QStringLiteral("no article with id 4242");
        QTest::newRow("bad date") << QStringList{QStringLiteral("list"), QStringLiteral("--since"),
                                                 QStringLiteral("May")}
                                  << 2 << QStringLiteral("--since needs a date");
        QTest::newRow("copy nowhere")
            << QStringList{QStringLiteral("copy")} << 2 << QStringLiteral("copy needs --to LOCATION");
        QTest::newRow("import nothing")
            << QStringList{QStringLiteral("import")} << 2 << QStringLiteral("at least one source");
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        test::TempDatabase archive;
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        archive.close();
        CtlRun run = ctl(QStringList{QStringLiteral("--db"), archive.path()} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
