#include "core/FileLimits.h"
#include "core/Identity.h"
#include "core/MemoryTuning.h"
#include "mirsad/BenchTiming.h"
#include "storage/Database.h"
#include "storage/Storage.h"
#include "window/AppIcon.h"
#include "window/AppSettings.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int signalPipe[2] = {-1, -1};

void onTerminate(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

// SIGTERM and SIGINT close the window as the user would (notes saved, background work stopped
// at a clean point) instead of killing the process mid-write.
void closeOnTerminate(QWidget& window) {
    for (int& end : signalPipe) { // the pair of the window before this one (File → Open…)
        if (end >= 0)
            ::close(end);
        end = -1;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &window);
    QObject::connect(notifier, &QSocketNotifier::activated, &window, [&window, notifier] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[1], &byte, 1);
        notifier->setEnabled(false);
        window.close();
        QApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}
} // namespace
#endif

// One window on one archive; `next` receives the archive the user chose instead, if any.
static int runWindow(const QString& location, const QString& screenshot, bool quitAfterScreenshot,
                     QString& next) {
    mirsad::storage::Storage storage(location);
    MainWindow window(storage);

    if (!screenshot.isEmpty()) {
        const QString file = screenshot;
        const bool quit = quitAfterScreenshot;
        auto save = [&window, file, quit] {
            // Let the reader lay out and paint before grabbing.
            QTimer::singleShot(300, &window, [&window, file, quit] {
                QDir().mkpath(QFileInfo(file).absolutePath());
                const bool saved = window.grab().save(file);
                fprintf(stderr, "%s %s\n", saved ? "Screenshot saved to" : "Could not save the screenshot to",
                        qPrintable(QFileInfo(file).absoluteFilePath()));
                if (quit) {
                    window.close(); // as the user closes it: background work stops
                    QApplication::exit(saved ? 0 : 1);
                }
            });
        };
        QObject::connect(&window, &MainWindow::articleShown, &window, save, Qt::SingleShotConnection);
        QObject::connect(&window, &MainWindow::started, &window, [save](bool ok) {
            if (!ok)
                save();
        });
    }
    QObject::connect(&window, &MainWindow::archiveRequested, &window,
                     [&window, &next](const QString& chosen) {
                         next = chosen;
                         window.close(); // the notes are saved, background work stops
                         if (!window.isVisible())
                             QApplication::exit(0);
                         else
                             next.clear(); // the window refused to close
                     });
    installBenchTiming(window);
#ifdef Q_OS_UNIX
    closeOnTerminate(window);
#endif
    window.show();
    window.start();
    const int code = QApplication::exec();
    if (window.isVisible())
        window.close(); // quit some other way: the notes are saved, background work stops
    return code;
}

int main(int argc, char* argv[]) {
    mirsad::tuneAllocator();
    mirsad::failWritesPastTheFileSizeLimit();
    QApplication app(argc, argv);
    mirsad::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Mirsad"));
    QApplication::setWindowIcon(appIcon());
    QApplication::setDesktopFileName(QStringLiteral("app.mirsad.Mirsad"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // English first, for its plurals ("1 article", "3 articles"): a language Mirsad has no
    // translation for would otherwise read the source's "%n article(s)". Installed first, it is
    // consulted last.
    QTranslator englishPlurals;
    if (englishPlurals.load(QStringLiteral(":/i18n/mirsad_en.qm")))
        QApplication::installTranslator(&englishPlurals);
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

    // The archive: --db, else the one last chosen from the File menu, else the default file.
    QString location = parser.isSet(dbOption) ? parser.value(dbOption) : AppSettings::archiveLocation();
    if (location.isEmpty())
        location = mirsad::storage::defaultDatabasePath();
    // File → Open… closes the window on its archive and opens another in its place, until the
    // user quits.
    for (;;) {
        QString next;
        const int code = runWindow(location, parser.value(screenshotOption), parser.isSet(quitOption), next);
        if (next.isEmpty())
            return code;
        AppSettings::setArchiveLocation(next);
        location = next;
    }
}
