#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

namespace mirsad::content {

struct SanitizedHtml {
    QString html;                 // well-formed, whitelisted markup
    QString text;                 // plain text: paragraphs separated by "\n\n", whitespace collapsed
    QStringList blockedResources; // remote images left out because the user has not allowed them
};

// Keeps the structure of an article (paragraphs, headings, lists, quotes, tables, links, figures)
// and drops everything that can run, track or load: scripts, styles, frames, forms, event
// handlers, style attributes, javascript:/data: URLs, comments, unknown tags (their text is
// kept). Scraped boilerplate (share buttons, comment forms, cookie notices, "Related articles")
// is removed by class/id and by known text (see Boilerplate.cpp). Relative links resolve
// against baseUrl. Works in linear time and constant stack depth on any input.
SanitizedHtml sanitizeHtml(QStringView html, const QUrl& baseUrl = {}, bool allowRemoteImages = false);

} // namespace mirsad::content
