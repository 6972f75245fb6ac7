#pragma once

#include "storage/ArticleFilter.h"

#include <QObject>
#include <QUrl>
#include <functional>

class MainWindow;
class QAction;
class QPoint;

namespace mirsad::storage {
class Storage;
}

// The reading commands of the article list: Mark All as Read (what the list shows, every feed,
// or a feed or folder of the feed list; undoable), Next and Previous Unread (across the pages
// of the list, and on to the next feed with unread articles), Open in Browser and Copy Link.
// Their single-key shortcuts (+, -, N, P) act only while the article list or the reader has
// the focus, so that they never take a letter from a text field.
class ReadingActions : public QObject {
    Q_OBJECT
public:
    ReadingActions(MainWindow& window, mirsad::storage::Storage& storage);

    QAction* markAllReadAction() const { return m_markAllRead; }
    QAction* markAllFeedsReadAction() const { return m_markAllFeedsRead; }
    QAction* nextUnreadAction() const { return m_nextUnread; }
    QAction* previousUnreadAction() const { return m_previousUnread; }
    QAction* openInBrowserAction() const { return m_openInBrowser; }
    QAction* copyLinkAction() const { return m_copyLink; }

    // An action the article list's context menu offers too (after its own).
    void addContextMenuAction(QAction* action) { m_contextActions << action; }

    // Marks every article matching `filter` as read, as one undoable step named after `what`.
    void markRead(const mirsad::ArticleFilter& filter, const QString& what);
    // Moves to the next (1) or previous (-1) unread article; false when there is none.
    bool moveToUnread(int direction);

    // The article's web address, or an empty URL when it has none (a local file's file://
    // address is no web page to open or share).
    static QUrl webLink(const QString& link);
    // How links are opened (QDesktopServices::openUrl); tests put a recorder here.
    static void setUrlOpener(std::function<bool(const QUrl&)> opener);

signals:
    void message(const QString& text, int timeoutMs);

private:
    void updateLinkActions();
    void continueSeek();
    bool selectNextFeedWithUnread();
    void showContextMenu(const QPoint& position);
    QUrl currentLink() const;

    MainWindow& m_window;
    mirsad::storage::Storage& m_storage;
    QList<QAction*> m_contextActions;
    QAction* m_markAllRead;
    QAction* m_markAllFeedsRead;
    QAction* m_nextUnread;
    QAction* m_previousUnread;
    QAction* m_openInBrowser;
    QAction* m_copyLink;
    // Next Unread waiting for the list: to load its next page, or to show the next feed.
    bool m_seeking = false;
    int m_seekFrom = -1; // the last row looked at
};
