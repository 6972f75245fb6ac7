#include "cli/Ctl.h"
#include "core/Identity.h"
#include "core/MemoryTuning.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[]) {
    mirsad::tuneAllocator();
    // Plugins and resources load from a QCoreApplication; mirsadctl never opens a window.
    QCoreApplication app(argc, argv);
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
