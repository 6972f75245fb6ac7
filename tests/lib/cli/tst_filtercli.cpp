// `mirsadctl list` through the real binary: every filter of the contract, names in both
// scripts, time zones, folders, relevance, and clear errors for unknown or ambiguous names.

#include "FilterFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestFilterCli : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run ctl(const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(MIRSADCTL_PATH), QStringList{u"--db"_s, m_db->path()} + arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    QStringList titles(const QStringList& arguments) {
        const Run run = ctl(QStringList{u"list"_s} + arguments + QStringList{u"--json"_s});
        if (run.exitCode != 0) {
            qWarning() << run.err;
            return {u"<failed>"_s};
        }
        QStringList result;
        for (const QJsonValue& article : QJsonDocument::fromJson(run.out.toUtf8()).array())
            result << article[u"title"_s].toString();
        return result;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = new test::TempDatabase;
        QVERIFY(m_db->ok());
        QCOMPARE(test::storeFixture(m_db->db()).size(), 5);
        m_db->close(); // the binary opens the file on its own
    }
    void cleanupTestCase() { delete m_db; }

    void list_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString kirkuk = u"Kirkuk oil talks"_s, erbil = u"اجتماع في أربيل"_s,
                      duhok = u"Investors visit the north"_s, baghdad = u"بيان من بغداد"_s,
                      basra = u"Basra port exports"_s;
        QTest::newRow("region in English")
            << QStringList{u"--region"_s, u"Kurdistan Region"_s} << QStringList{erbil, duhok};
        QTest::newRow("region in Arabic")
            << QStringList{u"--region"_s, u"إقليم كردستان"_s} << QStringList{erbil, duhok};
        QTest::newRow("person, Arabic spelling")
            << QStringList{u"--person"_s, u"السوداني"_s} << QStringList{kirkuk, erbil};
        QTest::newRow("person, a known variant")
            << QStringList{u"--person"_s, u"Kazemi"_s} << QStringList{baghdad};
        QTest::newRow("place exactly") << QStringList{u"--place"_s, u"Hawler"_s} << QStringList{erbil};
        QTest::newRow("person and region")
            << QStringList{u"--person"_s, u"al-Sudani"_s, u"--region"_s, u"Kirkuk"_s} << QStringList{kirkuk};
        QTest::newRow("query folds hamza") << QStringList{u"--query"_s, u"اربيل"_s} << QStringList{erbil};
        QTest::newRow("feed by title")
            << QStringList{u"--feed"_s, u"english wire"_s} << QStringList{basra, kirkuk, duhok};
        QTest::newRow("folder by name")
            << QStringList{u"--folder"_s, u"Kurdish press"_s} << QStringList{baghdad, erbil};
        QTest::newRow("until a day in Baghdad")
            << QStringList{u"--until"_s, u"2021-05-09 Asia/Baghdad"_s} << QStringList{duhok};
        QTest::newRow("since with an offset") << QStringList{u"--since"_s, u"2021-05-10T01:00+03:00"_s}
                                              << QStringList{basra, baghdad, kirkuk, erbil};
        QTest::newRow("until a time is inclusive")
            << QStringList{u"--until"_s, u"2021-05-09T10:00:00Z"_s} << QStringList{duhok};
        QTest::newRow("starred") << QStringList{u"--starred"_s} << QStringList{kirkuk};
        QTest::newRow("has notes") << QStringList{u"--has-notes"_s} << QStringList{basra};
        QTest::newRow("unread, limit")
            << QStringList{u"--unread"_s, u"--limit"_s, u"2"_s} << QStringList{basra, kirkuk};
        QTest::newRow("relevance") << QStringList{u"--query"_s, u"exports"_s, u"--sort"_s, u"relevance"_s}
                                   << QStringList{basra, kirkuk};
    }
    void list() {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QCOMPARE(titles(arguments), expected);
    }

    void jsonHasTheContractFields() {
        const Run run = ctl({u"list"_s, u"--region"_s, u"Duhok"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject article = QJsonDocument::fromJson(run.out.toUtf8()).array().first().toObject();
        for (const char* key :
             {"id", "title", "feed", "published", "link", "entities", "read", "starred", "notes"})
            QVERIFY2(article.contains(QLatin1String(key)), key);
        QCOMPARE(article[u"published"_s].toString(), u"2021-05-09T10:00:00Z"_s);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("mentioned");
        QTest::newRow("ambiguous Barzani")
            << QStringList{u"--person"_s, u"Barzani"_s} << 1
            << QStringList{u"ambiguous"_s, u"Masoud Barzani"_s, u"Nechirvan Barzani"_s, u"Masrour Barzani"_s};
        QTest::newRow("unknown name suggests")
            << QStringList{u"--person"_s, u"Nechirvam"_s} << 1
            << QStringList{u"No person"_s, u"Closest"_s, u"Nechirvan Barzani"_s};
        QTest::newRow("unknown folder")
            << QStringList{u"--folder"_s, u"Nope"_s} << 1 << QStringList{u"no folder"_s, u"Kurdish press"_s};
        QTest::newRow("bad date") << QStringList{u"--since"_s, u"yesterday"_s} << 2
                                  << QStringList{u"--since"_s};
        QTest::newRow("bad zone") << QStringList{u"--since"_s, u"2021-05-09 Mars/Olympus"_s} << 2
                                  << QStringList{u"--since"_s};
        QTest::newRow("bad sort") << QStringList{u"--sort"_s, u"oldest"_s} << 2 << QStringList{u"--sort"_s};
    }
    void errors() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, mentioned);
        const Run run = ctl(QStringList{u"list"_s} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        for (const QString& word : mentioned)
            QVERIFY2(run.err.contains(word, Qt::CaseInsensitive), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestFilterCli)
#include "tst_filtercli.moc"
