// An import that meets a disk that refuses the write (here the file size limit, RLIMIT_FSIZE, set
// with prlimit on the real mirsadctl) stops with a sentence and leaves the archive as it was: no
// article of it stored, the file sound, and the next import works.

#include "CtlRunner.h"
#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestFullDisk : public QObject {
    Q_OBJECT

    // A feed of `items` long articles.
    static bool writeFeed(const QString& path, int items) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        const QStringList words{u"oil"_s,    u"Erbil"_s,    u"budget"_s, u"talks"_s, u"Baghdad"_s,
                                u"Kirkuk"_s, u"pipeline"_s, u"النفط"_s,  u"أربيل"_s};
        QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>"
                         "<link>https://big.example/</link>";
        for (int i = 0; i < items; ++i) {
            QStringList body;
            for (int w = 0; w < 400; ++w)
                body << words[(i * 7 + w * 13) % words.size()];
            xml +=
                u"<item><title>Item %1 on oil</title><link>https://big.example/%1</link><guid>big-%1</guid>"
                "<description>%2</description></item>"_s.arg(i)
                    .arg(body.join(u' '))
                    .toUtf8();
        }
        xml += "</channel></rss>";
        return file.write(xml) == xml.size();
    }

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void anImportOverTheLimitStoresNothing() {
        const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
        QVERIFY2(!prlimit.isEmpty(), "prlimit (util-linux) is needed to limit the file size");
        QTemporaryDir dir;
        const QString db = dir.filePath(u"desk.sqlite"_s);
        QCOMPARE(test::runCtl(db, {u"import"_s, test::seedPath()}).exitCode, 0);
        const qsizetype before = test::listArticles(db).size();
        QVERIFY(before > 0);
        const QString feed = dir.filePath(u"big.xml"_s);
        QVERIFY(writeFeed(feed, 2000));

        QProcess limited;
        limited.setProgram(prlimit);
        limited.setArguments({u"--fsize=%1"_s.arg(QFileInfo(db).size() + 2 * 1024 * 1024),
                              QStringLiteral(MIRSADCTL_PATH), u"--db"_s, db, u"import"_s, feed});
        limited.start();
        QVERIFY(limited.waitForFinished(120000));
        const QString err = QString::fromUtf8(limited.readAllStandardError());
        QCOMPARE(limited.exitStatus(), QProcess::NormalExit); // not killed by SIGXFSZ
        QCOMPARE(limited.exitCode(), 1);
        QVERIFY2(err.contains(u"The disk refused the write"_s), qPrintable(err));

        const test::CtlResult checked = test::runCtl(db, {u"check"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        QCOMPARE(test::listArticles(db).size(), before);
        // With room again, the same import goes through.
        const test::CtlResult again = test::runCtl(db, {u"import"_s, feed}, 180000);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(test::runCtl(db, {u"list"_s, u"--limit"_s, u"3000"_s}).out.count(u"Item "_s) >= 2000);
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
