#pragma once

#include "briefs/Brief.h"
#include "core/Result.h"

#include <QIODevice>

namespace mirsad::publishing::detail {

// The brief as Markdown, written from the brief itself (QTextDocument::toMarkdown loses the
// direction of paragraphs).
Status writeMarkdown(const briefs::Brief& brief, QIODevice& out);
// A standalone UTF-8 HTML page, every block with its direction; article text is escaped.
Status writeHtml(const briefs::Brief& brief, QIODevice& out);
// The brief document as an OpenDocument text, and as an A4 PDF with page numbers.
Status writeOdt(const briefs::Brief& brief, QIODevice& out);
Status writePdf(const briefs::Brief& brief, QIODevice& out);

Status writeAll(QIODevice& out, const QByteArray& bytes, const QString& what);

} // namespace mirsad::publishing::detail
