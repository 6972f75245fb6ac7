#pragma once

#include "briefs/Brief.h"
#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QSqlDatabase>
#include <QStringList>

namespace mirsad::exchange {

// The analyst's annotations as data, for spreadsheets, scripts and other annotation tools.
enum class DataFormat {
    Csv,  // one row per highlight or note, UTF-8 with a BOM (spreadsheet programs show Arabic)
    Json, // Mirsad's own documented JSON (README)
    W3c,  // W3C Web Annotation Data Model, JSON-LD (an AnnotationCollection)
};

// Writes the annotations of the brief's articles.
Status writeAnnotations(const briefs::Brief& brief, DataFormat format, QIODevice& out);

struct ImportReport {
    int highlights = 0; // highlights stored
    int notes = 0;      // notes stored
    int duplicates = 0; // already in the archive, skipped
    // Annotations that found no article with their link, or no passage with their quote: one
    // sentence each, with the link and the quote. They are reported, never silently dropped.
    QStringList unmatched;
};

// Reads W3C Web Annotation JSON-LD (one annotation, a list, an AnnotationCollection or page, or a
// Hypothesis export) and attaches each annotation to the article with the same link, found again
// by its quote as the reader does. Malformed input is an Error and changes nothing; the whole
// import is one transaction.
Result<ImportReport> importW3cAnnotations(QSqlDatabase& db, const QByteArray& json);

} // namespace mirsad::exchange
