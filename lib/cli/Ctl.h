#pragma once

#include <QStringList>
#include <QTextStream>

namespace mirsad::cli {

// Exit codes of mirsadctl.
enum ExitCode : int { Success = 0, Failure = 1, UsageError = 2 };

// Runs mirsadctl with its arguments (arguments.first() is the program name), writing results
// to `out` and errors to `err`. Returns the process exit code.
int runCtl(const QStringList& arguments, QTextStream& out, QTextStream& err);

// Whether the command line exports a document that needs QtGui (export --format odt|pdf): only
// then does mirsadctl start a QGuiApplication (offscreen); every other command starts cheaply
// with a QCoreApplication.
bool needsGuiApplication(const QStringList& arguments);

} // namespace mirsad::cli
