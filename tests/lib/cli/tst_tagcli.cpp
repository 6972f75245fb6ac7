#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

using namespace mirsad;

namespace {

struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// The real mirsadctl, with its data folders in a temporary home so that it never sees the user's
// database.
CtlRun ctl(const QStringList& arguments, const QByteArray& input = {}) {
    static QTemporaryDir home;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MIRSADCTL_PATH), arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonArray mentionsOf(const CtlRun& run) {
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("mentions")).toArray();
}

QStringList entityIds(const QJsonArray& mentions) {
    QStringList ids;
    for (const QJsonValue& m : mentions)
        ids << m.toObject().value(QStringLiteral("entity")).toString();
    return ids;
}

// The code points [start, end) of text.
QString codePointSlice(const QString& text, qsizetype start, qsizetype end) {
    const QList<uint> ucs4 = text.toUcs4();
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(ucs4.constData() + start), end - start);
}

} // namespace

class TestTagCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // Offsets are code points into the input as given, whatever comes before the name: emoji
    // (two UTF-16 units), a BOM, combining marks, CRLF line ends.
    void jsonOffsetsAreCodePoints_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("entities");
        QTest::newRow("seed variants")
            << QStringLiteral("Al-Kazemi met the Al-Kazimi cabinet in Irbil.")
            << QStringList{QStringLiteral("mustafa-al-kadhimi"), QStringLiteral("mustafa-al-kadhimi"),
                           QStringLiteral("erbil")};
        QTest::newRow("emoji first") << QStringLiteral("🇮🇶 😀 Erbil and 𝔸 Mosul")
                                     << QStringList{QStringLiteral("erbil"), QStringLiteral("mosul")};
        QTest::newRow("bom and crlf")
            << QStringLiteral("\uFEFFBaghdad\r\nوصل الكَاظِمِيّ إلى بـغداد")
            << QStringList{QStringLiteral("baghdad"), QStringLiteral("mustafa-al-kadhimi"),
                           QStringLiteral("baghdad")};
        QTest::newRow("clitics") << QStringLiteral("زار للكاظمي وأربيل بالموصل")
                                 << QStringList{QStringLiteral("mustafa-al-kadhimi"), QStringLiteral("erbil"),
                                                QStringLiteral("mosul")};
    }
    void jsonOffsetsAreCodePoints() {
        QFETCH(QString, input);
        QFETCH(QStringList, entities);
        const CtlRun run = ctl({QStringLiteral("tag"), QStringLiteral("--json")}, input.toUtf8());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray mentions = mentionsOf(run);
        QCOMPARE(entityIds(mentions), entities);
        for (const QJsonValue& value : mentions) {
            const QJsonObject m = value.toObject();
            for (const char* key : {"start", "end", "text", "entity", "name", "name_ar", "kind"})
                QVERIFY2(m.contains(QLatin1String(key)), key);
            const qsizetype start = m.value(QStringLiteral("start")).toInteger();
            const qsizetype end = m.value(QStringLiteral("end")).toInteger();
            QVERIFY(start < end);
            QCOMPARE(codePointSlice(input, start, end), m.value(QStringLiteral("text")).toString());
            QVERIFY(!m.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(QStringList(
                        {QStringLiteral("person"), QStringLiteral("place"), QStringLiteral("organization")})
                        .contains(m.value(QStringLiteral("kind")).toString()));
        }
    }

    void readsAFileAndPrintsATable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("in.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("Masrour Barzani met Nechirvan Barzani in Duhok.").toUtf8());
        file.close();
        const CtlRun table = ctl({QStringLiteral("tag"), path});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY(table.out.contains(QStringLiteral("masrour-barzani")));
        QVERIFY(table.out.contains(QStringLiteral("Duhok")));
        const CtlRun json = ctl({QStringLiteral("tag"), path, QStringLiteral("--json")});
        QCOMPARE(entityIds(mentionsOf(json)),
                 (QStringList{QStringLiteral("masrour-barzani"), QStringLiteral("nechirvan-barzani"),
                              QStringLiteral("duhok")}));
        const CtlRun empty =
            ctl({QStringLiteral("tag"), QStringLiteral("-"), QStringLiteral("--json")}, "nothing");
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(mentionsOf(empty).size(), 0);
        QVERIFY(QJsonDocument::fromJson(empty.out.toUtf8()).object().contains(QStringLiteral("mentions")));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("invalid utf-8") << QStringList{QStringLiteral("tag"), QStringLiteral("--json")}
                                       << QByteArray("Erbil \xff\xfe and \xc3") << 1;
        QTest::newRow("windows-1256")
            << QStringList{QStringLiteral("tag")} << QByteArray("\xc3\xd1\xc8\xed\xe1") << 1;
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("tag"), QStringLiteral("/no/such/file.txt")} << QByteArray() << 1;
        QTest::newRow("two files") << QStringList{QStringLiteral("tag"), QStringLiteral("a"),
                                                  QStringLiteral("b")}
                                   << QByteArray() << 2;
        QTest::newRow("bad kind") << QStringList{QStringLiteral("entities"), QStringLiteral("--kind"),
                                                 QStringLiteral("city")}
                                  << QByteArray() << 2;
    }
    void refusesBadInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        const CtlRun run = ctl(arguments, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith(QStringLiteral("mirsadctl")));
        QCOMPARE(run.err.trimmed().count(u'\n'), 0); // one sentence
    }

    void listsEntities() {
        const CtlRun places = ctl({QStringLiteral("entities"), QStringLiteral("--kind"),
                                   QStringLiteral("place"), QStringLiteral("--json")});
        QVERIFY2(places.exitCode == 0, qPrintable(places.err));
        const QJsonArray array = QJsonDocument::fromJson(places.out.toUtf8()).array();
        QVERIFY(array.size() > 200);
        QJsonObject erbil;
        for (const QJsonValue& value : array) {
            QCOMPARE(value.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("place"));
            if (value.toObject().value(QStringLiteral("id")).toString() == u"erbil")
                erbil = value.toObject();
        }
        QCOMPARE(erbil.value(QStringLiteral("name_ar")).toString(), QStringLiteral("أربيل"));
        QVERIFY(erbil.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("Hawler")));
        QVERIFY(
            erbil.value(QStringLiteral("regions")).toArray().contains(QStringLiteral("kurdistan-region")));
        QVERIFY(!erbil.contains(QStringLiteral("articles"))); // no database was opened

        const CtlRun all = ctl({QStringLiteral("entities")});
        QVERIFY(all.out.contains(QStringLiteral("mustafa-al-kadhimi  person  Mustafa al-Kadhimi")));
    }

    // Adding names through the CLI stores them in the database, re-tags its archive, and `tag --db`
    // then uses them; without --db, `tag` keeps to the bundled gazetteer.
    void addEntityAndAliasThenTag() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("names.sqlite"));
        const QString articlePath = dir.filePath(QStringLiteral("article.txt"));
        QFile file(articlePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "Kak Hama opens a bakery in Ranya\n\nKak Hama, a baker from Ranya, said the Peshmerga came to "
            "buy bread.\n");
        file.close();
        CtlRun imported = ctl({QStringLiteral("--db"), db, QStringLiteral("import"), articlePath});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        CtlRun added =
            ctl({QStringLiteral("--db"), db, QStringLiteral("entities"), QStringLiteral("add"),
                 QStringLiteral("--kind"), QStringLiteral("person"), QStringLiteral("--name"),
                 QStringLiteral("Hama Karim"), QStringLiteral("--alias"), QStringLiteral("Kak Hama"),
                 QStringLiteral("--name-ar"), QStringLiteral("حمه كريم"), QStringLiteral("--description"),
                 QStringLiteral("A baker in Ranya")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QStringLiteral("hama-karim")), qPrintable(added.out));
        QVERIFY2(added.out.contains(QStringLiteral("1 article changed")), qPrintable(added.out));
        QVERIFY(added.err.contains(QStringLiteral("Re-tagging: 1/1")));

        const QByteArray input = QStringLiteral("قال حمه كريم إن Kak Hama هو نفسه").toUtf8();
        CtlRun withDb =
            ctl({QStringLiteral("tag"), QStringLiteral("--db"), db, QStringLiteral("--json")}, input);
        QCOMPARE(entityIds(mentionsOf(withDb)),
                 (QStringList{QStringLiteral("hama-karim"), QStringLiteral("hama-karim")}));
        CtlRun withoutDb = ctl({QStringLiteral("tag"), QStringLiteral("--json")}, input);
        QCOMPARE(mentionsOf(withoutDb).size(), 0);

        CtlRun alias = ctl({QStringLiteral("--db"), db, QStringLiteral("entities"), QStringLiteral("alias"),
                            QStringLiteral("ranya"), QStringLiteral("Raniya town")});
        QVERIFY2(alias.exitCode == 0, qPrintable(alias.err));
        QVERIFY2(alias.out.contains(QStringLiteral("0 articles changed")), qPrintable(alias.out));

        CtlRun listed = ctl({QStringLiteral("--db"), db, QStringLiteral("entities"), QStringLiteral("--kind"),
                             QStringLiteral("person"), QStringLiteral("--json")});
        QJsonObject hama;
        for (const QJsonValue& value : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == u"hama-karim")
                hama = value.toObject();
        }
        QCOMPARE(hama.value(QStringLiteral("user_added")).toBool(), true);
        QCOMPARE(hama.value(QStringLiteral("articles")).toInteger(), 1);
        QCOMPARE(hama.value(QStringLiteral("description")).toString(), QStringLiteral("A baker in Ranya"));

        CtlRun shown = ctl({QStringLiteral("--db"), db, QStringLiteral("show"), QStringLiteral("1"),
                            QStringLiteral("--json")});
        QVERIFY(shown.out.contains(QStringLiteral("hama-karim")));

        CtlRun twice = ctl({QStringLiteral("--db"), db, QStringLiteral("entities"), QStringLiteral("add"),
                            QStringLiteral("--kind"), QStringLiteral("person"), QStringLiteral("--name"),
                            QStringLiteral("Hama Karim")});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY(twice.err.contains(QStringLiteral("already")));
        CtlRun unknown = ctl({QStringLiteral("--db"), db, QStringLiteral("entities"), QStringLiteral("alias"),
                              QStringLiteral("nobody"), QStringLiteral("X")});
        QCOMPARE(unknown.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestTagCli)
#include "tst_tagcli.moc"
