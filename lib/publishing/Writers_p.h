#pragma once

#include "briefs/Brief.h"
#include "core/Result.h"

#include <QIODevice>
#include <QTextDocument>
#include <memory>

namespace mirsad::publishing::detail {

// The brief as Markdown, written from the brief itself (QTextDocument::toMarkdown loses the
// direction of paragraphs).
Status writeMarkdown(const briefs::Brief& brief, QIODevice& out);
// A standalone UTF-8 HTML page, every block with its direction; article text is escaped.
Status writeHtml(const briefs::Brief& brief, QIODevice& out);
// The brief document as an OpenDocument text, and as an A4 PDF with page numbers.
Status writeOdt(const briefs::Brief& brief, QIODevice& out);
Status writePdf(const briefs::Brief& brief, QIODevice& out);

// The brief document for the page (preview, PDF) or for Qt's ODF writer, which keeps no
// paragraph direction nor table cell colours (quotes are shaded paragraphs, Arabic aligned right).
enum class DocumentFlavour { Page, Odt };
std::unique_ptr<QTextDocument> briefDocument(const briefs::Brief& brief, DocumentFlavour flavour);

Status writeAll(QIODevice& out, const QByteArray& bytes, const QString& what);

} // namespace mirsad::publishing::detail
