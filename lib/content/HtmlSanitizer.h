#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

namespace mirsad::content {

struct SanitizedHtml {
    QString html; // well-formed, whitelisted markup
    QString text; // plain text: paragraphs separated by "\n\n", whitespace collapsed
    // The remote (http/https) images the article shows, in order; they are in `html` only when
    // remote images were allowed, so that the reader can offer to load the others.
    QStringList remoteImages;
};

// Keeps the structure of an article (paragraphs, headings, lists, quotes, tables, links, figures)
// and drops everything that can run, track or load: scripts, styles, frames, forms, event
// handlers, style attributes, javascript:/data: URLs, comments, unknown tags (their text is
// kept). Scraped boilerplate (share buttons, comment forms, cookie notices, "Related articles")
// is removed by class/id and by known text (see Boilerplate.cpp). Relative links resolve
// against baseUrl. Works in linear time and constant stack depth on any input.
SanitizedHtml sanitizeHtml(QStringView html, const QUrl& baseUrl = {}, bool allowRemoteImages = false);

// The remote images of HTML that sanitizeHtml() wrote (its <img> elements), in order.
QStringList remoteImagesOf(QStringView sanitizedHtml);

} // namespace mirsad::content
