#pragma once

#include "articles/Article.h"

#include <QString>
#include <QStringList>

namespace mirsad::articles {

// Reads an article saved as plain text by a scraper: the title on the first line, often a
// line of run-together site tags with the date, a dateline ("Shafaq News / On Sunday"),
// paragraphs, then page furniture. Fills title, published, source, tags and text.
Article parseScrapedText(const QString& text);

// Splits site tags that a scraper ran together ("PoliticsDisputed areasKurdistan Region")
// at each lower-to-upper case change.
QStringList splitRunTogetherTags(const QString& run);

// The publisher named in a dateline at the start of a paragraph ("Shafaq News / On Sunday,"
// or "ERBIL, Iraq (Reuters) -"), or an empty string.
QString sourceFromDateline(const QString& paragraph);

} // namespace mirsad::articles
