#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

// A database file opened with a plain QSQLITE connection (no Mirsad tokenizer, no migration),
// for the benchmarks to read what they measure: Newsboat's cache as well as Mirsad's archives.
// `work` gets the connection, or an invalid one when the file cannot be opened; the connection
// is removed afterwards.
void withPlainDatabase(const QString& path, const std::function<void(QSqlDatabase&)>& work);

// The rows of `table` in that file, or -1.
qint64 countRows(const QString& path, const QString& table);
