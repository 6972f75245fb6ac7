// File ▸ Export… as the analyst uses it: the dialog opens with Ctrl+E, offers the open brief,
// the list's filter (counted) and the selection, and writes the brief as PDF and its
// annotations as CSV in the background; the status bar names the file.

#include "BriefTestSupport.h"
#include "TestSupport.h"
#include "annotations/ArticleAnnotations.h"
#include "briefs/BriefExporter.h"
#include "briefs/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTranslator>

using namespace mirsad;

namespace {

// Chooses the format whose label starts with `label` with the keyboard, as a user does.
void chooseFormat(QComboBox* box, const QString& label) {
    box->setFocus();
    while (!box->currentText().startsWith(label) && box->currentIndex() < box->count() - 1)
        QTest::keyClick(box, Qt::Key_Down);
    QVERIFY2(box->currentText().startsWith(label), qPrintable(box->currentText()));
}

void typePath(QLineEdit* edit, const QString& path) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, path);
}

QString pdfText(const QString& path) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    // Each test starts as on a first start: the composer closed, no brief open.
    void init() { test::forgetBriefs(); }

    // The folder the dialog suggests exists: Documents when the system has one, else home (a
    // fresh system may have no ~/Documents), and the last folder exported to while it exists.
    void theSuggestedFolderExists() {
        const QByteArray home = qgetenv("HOME");
        QTemporaryDir fresh;
        qputenv("HOME", QFile::encodeName(fresh.path()));
        AppSettings::setExportFolder(QString());
        const QString suggested = AppSettings::exportFolder();
        const QString documents = QDir(fresh.path()).filePath(QStringLiteral("Documents"));
        const bool made = QDir().mkpath(documents);
        const QString withDocuments = AppSettings::exportFolder();
        AppSettings::setExportFolder(fresh.filePath(QStringLiteral("gone")));
        const QString afterGone = AppSettings::exportFolder();
        qputenv("HOME", home);
        QCOMPARE(QDir(suggested).canonicalPath(), QDir(fresh.path()).canonicalPath());
        QVERIFY(made);
        QCOMPARE(QDir(withDocuments).canonicalPath(), QDir(documents).canonicalPath());
        QCOMPARE(QDir(afterGone).canonicalPath(), QDir(documents).canonicalPath());
    }

    void exportsTheOpenBriefAsPdfAndCsv() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("export.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        test::openComposer(window);
        BriefComposer* composer = test::composerOf(window);
        test::newBriefTitled(window, QStringLiteral("Sinjar brief"));
        test::addWithShortcut(window, QStringLiteral("Sinjar"));
        test::addWithShortcut(window, QStringLiteral("الكاظمي يستقبل"));
        QTRY_COMPARE(composer->articleIds().size(), 2);
        // A highlight on the Arabic article, made as the analyst makes one (select, Ctrl+H).
        QVERIFY(test::showArticleTitled(window, QStringLiteral("الكاظمي يستقبل")));
        const QString quote = QStringLiteral("مجلس الوزراء");
        ReaderView* reader = window.reader();
        const qsizetype at = reader->article().text.indexOf(quote);
        QVERIFY(at > 0);
        reader->selectText(at, at + quote.size());
        reader->setFocus();
        QTest::keyClick(reader, Qt::Key_H, Qt::ControlModifier);
        test::releaseModifiers(reader);
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);

        BriefExporter* exporter = window.briefs()->exporter();
        const auto exportAs = [&](const QString& format, const QString& file, bool screenshot) {
            bool answered = false;
            test::whenOpen<ExportDialog>(
                [&](ExportDialog* dialog) {
                    // The open brief is offered first, titled as it is; the filter is counted.
                    auto* brief = dialog->findChild<QRadioButton*>(QStringLiteral("exportBrief"));
                    QVERIFY(brief->isEnabled() && brief->isChecked());
                    QVERIFY(brief->text().contains(QStringLiteral("Sinjar brief")));
                    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("exportTitle"))->text(),
                             QStringLiteral("Sinjar brief"));
                    QTRY_VERIFY(dialog->filterCount() >= 3);
                    QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("exportFilter"))
                                ->text()
                                .contains(QString::number(dialog->filterCount())));
                    // Enter exports: the Export button is the default, not Cancel.
                    auto* exportButton = dialog->findChild<QPushButton*>(QStringLiteral("exportButton"));
                    QVERIFY(exportButton->isDefault());
                    for (QPushButton* other : dialog->findChildren<QPushButton*>())
                        QVERIFY(other == exportButton || !other->isDefault());
                    auto* formats = dialog->findChild<QComboBox*>(QStringLiteral("exportFormat"));
                    chooseFormat(formats, format);
                    auto* path = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"));
                    // The suffix follows the format.
                    QVERIFY2(path->text().endsWith(u'.' + QFileInfo(file).suffix()),
                             qPrintable(path->text()));
                    typePath(path, file);
                    if (screenshot) {
                        QTest::qWait(100);
                        QVERIFY(
                            dialog->grab().save(test::screenshotPath(QStringLiteral("exportdialog.png"))));
                    }
                    QTest::mouseClick(exportButton, Qt::LeftButton);
                },
                &answered);
            // What the status bar said when the file was written (a later message, a feed's
            // or the search's, may replace it at any time).
            QString said;
            bool openShown = false;
            auto* openButton =
                window.statusBar()->findChild<QToolButton*>(QStringLiteral("openExportedButton"));
            const QMetaObject::Connection recorder = connect(exporter, &BriefExporter::finished, this, [&] {
                said = window.statusBar()->currentMessage();
                openShown = openButton->isVisible();
            });
            QSignalSpy finished(exporter, &BriefExporter::finished);
            QSignalSpy failed(exporter, &BriefExporter::failed);
            // The window is active again after the last dialog (the offscreen platform does not
            // give it back by itself).
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            window.articleView()->setFocus();
            QTest::keyClick(window.articleView(), Qt::Key_E, Qt::ControlModifier);
            QVERIFY(answered);
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
            QCOMPARE(finished.first().at(0).toString(), file);
            QCOMPARE(finished.first().at(1).toInt(), 2);
            disconnect(recorder);
            QVERIFY2(said.contains(QFileInfo(file).fileName()), qPrintable(said));
            QVERIFY(openShown);
            QVERIFY(QFileInfo(file).size() > 0);
        };

        const QString pdf = m_dir.filePath(QStringLiteral("sinjar-brief.pdf"));
        exportAs(QStringLiteral("Brief: PDF"), pdf, true);
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Sinjar brief")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("Sinjar")), qPrintable(text.left(400)));

        const QString csv = m_dir.filePath(QStringLiteral("sinjar-brief.csv"));
        exportAs(QStringLiteral("Data: CSV"), csv, false);
        // UTF-8 with a BOM, the Arabic quote intact.
        const QByteArray bytes = test::readFile(csv);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY2(QString::fromUtf8(bytes).contains(quote), bytes.left(400).constData());
    }

    // The Arabic UI's dialog, for the screenshot: right to left.
    void arabicDialog() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mirsad_ar.qm")));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("export-ar.sqlite")));
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            bool answered = false;
            test::whenOpen<ExportDialog>(
                [](ExportDialog* dialog) {
                    QCOMPARE(dialog->layoutDirection(), Qt::RightToLeft);
                    QTRY_VERIFY(dialog->filterCount() >= 3);
                    QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("exportFilter"))->isChecked());
                    QVERIFY(!dialog->findChild<QRadioButton*>(QStringLiteral("exportBrief"))->isEnabled());
                    QTest::qWait(100);
                    QVERIFY(dialog->grab().save(test::screenshotPath(QStringLiteral("exportdialog-ar.png"))));
                    dialog->reject();
                },
                &answered);
            window.articleView()->setFocus();
            QTest::keyClick(window.articleView(), Qt::Key_E, Qt::ControlModifier);
            QVERIFY(answered);
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
