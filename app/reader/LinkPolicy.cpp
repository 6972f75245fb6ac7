#include "reader/LinkPolicy.h"

#include <QDesktopServices>
#include <QTextBrowser>

bool isWebAddress(const QUrl& url) {
    return (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty();
}

bool openLinkOutside(const QUrl& url) {
    if (!isWebAddress(url) && url.scheme() != QLatin1String("mailto"))
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
