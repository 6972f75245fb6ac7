#include "cli/Ctl.h"
#include "core/FileLimits.h"
#include "core/Identity.h"
#include "core/MemoryTuning.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>
#include <memory>

int main(int argc, char* argv[]) {
    mirsad::tuneAllocator();
    mirsad::failWritesPastTheFileSizeLimit();
    // Plugins and resources load from a QCoreApplication; mirsadctl never opens a window. Only an
    // export to ODT or PDF lays out a document, which needs QtGui: then a QGuiApplication starts,
    // offscreen unless the user chose a platform, so that no display is needed.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> app;
    if (mirsad::cli::needsGuiApplication(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    mirsad::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    const int code = mirsad::cli::runCtl(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return code;
}
