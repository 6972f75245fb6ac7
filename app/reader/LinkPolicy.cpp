#include "reader/LinkPolicy.h"

#include <QDesktopServices>
#include <QTextBrowser>

bool openLinkOutside(const QUrl& url) {
    const QString scheme = url.scheme();
    const bool web =
        (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty();
    if (!web && scheme != QLatin1String("mailto"))
        return false;
    QDesktopServices::openUrl(url);
    return true;
}

void openLinksOutside(QTextBrowser* browser, std::function<void(const QUrl&)> refused) {
    // QTextBrowser would show a file: link's file in place, and hand anything else it calls
    // external to the desktop.
    browser->setOpenLinks(false);
    browser->setOpenExternalLinks(false);
    QObject::connect(browser, &QTextBrowser::anchorClicked, browser,
                     [refused = std::move(refused)](const QUrl& url) {
                         if (!openLinkOutside(url) && refused)
                             refused(url);
                     });
}
