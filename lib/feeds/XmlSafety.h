#pragma once

#include <QString>
#include <QXmlStreamReader>

// Shared by the XML feed and OPML readers; not part of the public API.
namespace mirsad::feeds::detail {

// After a DTD token: an error sentence (starting with lower case, to follow a subject) when
// the DTD declares entities, which Mirsad never expands; empty otherwise.
QString doctypeProblem(const QXmlStreamReader& reader);

// "is not well-formed XML (line 3, column 7: Opening and ending tag mismatch.)"
QString xmlErrorPhrase(const QXmlStreamReader& reader);

// True when the reader stopped on an HTML entity such as &nbsp; that the document uses
// without declaring it, which sloppy feeds do.
bool isUndeclaredEntityError(const QXmlStreamReader& reader);

// Rewrites HTML named references (&nbsp; &eacute;) other than XML's five as numeric ones.
QString numericHtmlEntities(QStringView xml);

// The element's text, children's text included; undeclared HTML entities in documents with an
// external DTD are resolved from the HTML table. Iterative, so deep nesting is harmless.
QString readAllText(QXmlStreamReader& reader);

} // namespace mirsad::feeds::detail
