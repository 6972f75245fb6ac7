// mirsadctl backup, check and restore through the real binary: a backup beside the archive, its
// listing, a damaged archive refused with the command that restores it, and the restore itself.

#include "CtlRunner.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestBackupCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void backUpDamageAndRestore() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"desk.sqlite"_s);
        QCOMPARE(test::runCtl(db, {u"import"_s, test::seedPath()}).exitCode, 0);
        const qsizetype articles = test::listArticles(db).size();
        QVERIFY(articles > 0);

        const test::CtlResult made = test::runCtl(db, {u"backup"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString backup = made.out.trimmed();
        QVERIFY2(backup.startsWith(db + u".backups/desk-"_s), qPrintable(backup));
        QVERIFY(QFile::exists(backup));
        const test::CtlResult listed = test::runCtl(db, {u"restore"_s, u"--list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(backup), qPrintable(listed.out));
        const test::CtlResult sound = test::runCtl(db, {u"check"_s});
        QVERIFY2(sound.exitCode == 0 && sound.out.contains(u"sound"_s), qPrintable(sound.err));

        // The archive's header damaged: every command refuses it and names the way back.
        {
            QFile file(db);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.write(QByteArray(100, '\xAB'));
        }
        for (const QStringList& args : {QStringList{u"check"_s}, QStringList{u"list"_s}}) {
            const test::CtlResult refused = test::runCtl(db, args);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(backup) && refused.err.contains(u"restore"_s),
                     qPrintable(refused.err));
        }
        const test::CtlResult restored = test::runCtl(db, {u"restore"_s, backup});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QVERIFY2(restored.out.contains(u".damaged-"_s), qPrintable(restored.out));
        QCOMPARE(test::listArticles(db).size(), articles);

        // Usage: a backup onto the archive itself, two files, a restore without one.
        QCOMPARE(test::runCtl(db, {u"backup"_s, db}).exitCode, 2);
        QCOMPARE(test::runCtl(db, {u"backup"_s, u"a"_s, u"b"_s}).exitCode, 2);
        QCOMPARE(test::runCtl(db, {u"restore"_s}).exitCode, 2);
        // A team's archive is its server's to back up.
        const test::CtlResult server =
            test::runCtl(u"postgresql://nobody@/desk?host=/nonexistent"_s, {u"backup"_s});
        QCOMPARE(server.exitCode, 1);
        QVERIFY2(server.err.contains(u"pg_dump"_s), qPrintable(server.err));
    }
};

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backupcli.moc"
