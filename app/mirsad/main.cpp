#include "core/Identity.h"
#include "core/MemoryTuning.h"
#include "mirsad/BenchTiming.h"
#include "storage/Database.h"
#include "storage/Storage.h"
#include "window/AppIcon.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char* argv[]) {
    mirsad::tuneAllocator();
    QApplication app(argc, argv);
    mirsad::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Mirsad"));
    QApplication::setWindowIcon(appIcon());
    QApplication::setDesktopFileName(QStringLiteral("app.mirsad.Mirsad"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("mirsad"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A news desk for Iraqi and Kurdish affairs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QApplication::translate("main", "The database file."),
                                      QStringLiteral("LOCATION"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a screenshot of the window to FILE once the first article is shown."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitOption(QStringLiteral("quit-after-screenshot"),
                                        QApplication::translate("main", "Quit after saving the screenshot."));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.addOption(quitOption);
    parser.process(app);

    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : mirsad::storage::defaultDatabasePath();
    mirsad::storage::Storage storage(path);
    MainWindow window(storage);

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const bool quit = parser.isSet(quitOption);
        auto save = [&window, file, quit] {
            // Let the reader lay out and paint before grabbing.
            QTimer::singleShot(300, &window, [&window, file, quit] {
                QDir().mkpath(QFileInfo(file).absolutePath());
                const bool saved = window.grab().save(file);
                fprintf(stderr, "%s %s\n", saved ? "Screenshot saved to" : "Could not save the screenshot to",
                        qPrintable(QFileInfo(file).absoluteFilePath()));
                if (quit)
                    QApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(&window, &MainWindow::articleShown, &window, save, Qt::SingleShotConnection);
        QObject::connect(&window, &MainWindow::started, &window, [save](bool ok) {
            if (!ok)
                save();
        });
    }
    installBenchTiming(window);
    window.show();
    window.start();
    return QApplication::exec();
}
