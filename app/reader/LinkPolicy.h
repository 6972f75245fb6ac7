#pragma once

#include <QUrl>
#include <functional>

class QTextBrowser;

// Which links Mirsad hands to the desktop: web and mail addresses, after the user clicked them.
// A file:, javascript:, data: or any other link in an article, a note or a brief (a colleague's
// shared note on a team server among them) would have the desktop open a local file or run
// something; it is refused.

// An http or https address with a host: the only links and images Mirsad takes from content.
bool isWebAddress(const QUrl& url);

// Opens `url` in the system's browser or mail program when it is a web or mail address; false,
// and nothing opened, otherwise.
bool openLinkOutside(const QUrl& url);

// Makes `browser` follow no link itself: a clicked one goes to openLinkOutside, and `refused`
// (if given) hears of those it would not open.
void openLinksOutside(QTextBrowser* browser, std::function<void(const QUrl&)> refused = {});
