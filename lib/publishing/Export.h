#pragma once

#include "briefs/Brief.h"
#include "core/Result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QTextDocument>
#include <memory>
#include <optional>

namespace mirsad::publishing {

// What a brief or the annotations leave Mirsad as.
enum class ExportFormat { Markdown, Html, Odt, Pdf, Csv, Json, W3c };

// "md", "html", "odt", "pdf", "csv", "json", "w3c" (the command line's names and file suffixes;
// W3C is written as .jsonld).
std::optional<ExportFormat> exportFormatFromName(const QString& name);
QString exportFormatName(ExportFormat format);
QString exportFormatSuffix(ExportFormat format);
// Whether the format is a document for reading (a brief) rather than data.
bool isDocumentFormat(ExportFormat format);

// The brief as a rich-text document: title, date range and filter, the introduction, each
// article with its quotes in their colours and its notes rendered from Markdown, and the index
// of names. Arabic paragraphs right to left, English left to right. Needs a QGuiApplication.
std::unique_ptr<QTextDocument> briefDocument(const briefs::Brief& brief);

// Writes the brief or its annotations in `format`. Documents need a QGuiApplication.
Status exportBrief(const briefs::Brief& brief, ExportFormat format, QIODevice& out);
// The same into a file, written whole or not at all (QSaveFile).
Status exportBriefToFile(const briefs::Brief& brief, ExportFormat format, const QString& path);

} // namespace mirsad::publishing
