// A damaged archive file in the window: refused where the article would be, with its newest
// backup offered; restoring it (after asking) keeps the damaged file aside and opens the archive
// again, sound.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "storage/Backup.h"

#include <QAbstractButton>
#include <QMessageBox>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestDamagedArchive : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    void theNewestBackupIsOfferedAndRestored() {
        QTemporaryDir dir;
        const QString archive = dir.filePath(u"desk.sqlite"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(archive, u"damaged-make"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(ingest::installSampleArticles(*db));
            QVERIFY(storage::backupArchive(*db, storage::newBackupPath(archive)));
        }
        storage::closeDatabase(u"damaged-make"_s);
        const QString backup = storage::archiveBackups(archive).first().path;
        {
            QFile file(archive);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.write(QByteArray(100, '\xAB'));
        }

        storage::Storage storage(archive);
        MainWindow window(storage);
        QSignalSpy started(&window, &MainWindow::started);
        QSignalSpy reopen(&window, &MainWindow::archiveRequested);
        window.resize(1200, 800);
        window.show();
        window.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 20000);
        QCOMPARE(started.first().first().toBool(), false);
        const QString shown = window.reader()->toPlainText();
        QVERIFY2(shown.contains(u"could not be opened"_s), qPrintable(shown));
        QVERIFY2(shown.contains(backup), qPrintable(shown));
        QVERIFY2(shown.contains(u"Restore the newest backup"_s), qPrintable(shown));
        QVERIFY(window.grab().save(test::screenshotPath(u"damaged-archive.png"_s)));

        // The offer asks first: cancelled, nothing changes.
        bool answered = false;
        test::whenOpen<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Cancel)->click(); },
                                    &answered);
        emit window.reader()->anchorClicked(QUrl(u"mirsad:message-action"_s));
        QVERIFY(answered);
        QTest::qWait(200);
        QCOMPARE(reopen.count(), 0);
        QVERIFY(!storage::checkArchiveFile(archive));

        answered = false;
        test::whenOpen<QMessageBox>(
            [](QMessageBox* box) {
                QVERIFY(box->text().contains(u"desk.sqlite"_s));
                box->button(QMessageBox::Yes)->click();
            },
            &answered);
        emit window.reader()->anchorClicked(QUrl(u"mirsad:message-action"_s));
        QVERIFY(answered);
        QTRY_COMPARE_WITH_TIMEOUT(reopen.count(), 1, 20000);
        QCOMPARE(reopen.first().first().toString(), archive);
        QVERIFY(storage::checkArchiveFile(archive));
        QCOMPARE(QDir(dir.path()).entryList({u"desk.sqlite.damaged-*"_s}, QDir::Files).size(), 1);
    }
};

QTEST_MAIN(TestDamagedArchive)
#include "tst_damagedarchive.moc"
