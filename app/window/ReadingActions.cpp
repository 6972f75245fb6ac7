#include "window/ReadingActions.h"

#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/LinkPolicy.h"
#include "reader/ReaderView.h"
#include "storage/ArticleQueries.h"
#include "storage/Storage.h"
#include "window/Logging.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMenu>
#include <QTableView>
#include <QTreeView>
#include <QUndoCommand>
#include <QUndoStack>
#include <memory>

using namespace mirsad;
using models::ArticleListModel;
using models::FeedTreeModel;

namespace {

bool openInDesktopBrowser(const QUrl& url) {
    return QDesktopServices::openUrl(url);
}

std::function<bool(const QUrl&)>& urlOpener() {
    static std::function<bool(const QUrl&)> opener = openInDesktopBrowser;
    return opener;
}

// Marking many articles read (or back), undoable. The first redo finds the articles on the
// writer; later ones, and the undo, queue behind it there and change exactly those.
class MarkReadCommand : public QUndoCommand {
public:
    MarkReadCommand(storage::Storage& storage, ArticleListModel& list, ArticleFilter filter,
                    std::function<void(const QString&)> report, const QString& text)
        : QUndoCommand(text)
        , m_storage(storage)
        , m_list(&list)
        , m_filter(std::move(filter))
        , m_report(std::move(report)) {}

    void redo() override { apply(true); }
    void undo() override { apply(false); }

private:
    void apply(bool read) {
        const bool first = !m_found;
        m_found = true;
        auto ids = m_ids;
        const ArticleFilter filter = m_filter;
        m_storage.writer()
            .run([ids, filter, read, first](QSqlDatabase& db) -> Status {
                if (first) {
                    Result<QList<qint64>> marked = storage::setReadWhere(db, filter, true);
                    if (!marked)
                        return Error{marked.error()};
                    *ids = *marked;
                    return {};
                }
                return storage::setReadIds(db, *ids, read);
            })
            .then(m_list, [storage = &m_storage, list = m_list, ids, read, report = m_report,
                           first](const Status& done) {
                if (!done) {
                    report(done.error());
                    return;
                }
                list->setArticlesRead(*ids, read);
                storage->notifyReadStateChanged();
                if (first)
                    report(MainWindow::tr("%n article(s) marked as read.", nullptr, int(ids->size())));
            });
    }

    storage::Storage& m_storage;
    ArticleListModel* m_list;
    ArticleFilter m_filter;
    std::function<void(const QString&)> m_report;
    std::shared_ptr<QList<qint64>> m_ids = std::make_shared<QList<qint64>>();
    bool m_found = false;
};

QAction* makeAction(QObject* parent, const QString& name, const QString& text, const QString& icon = {}) {
    auto* action = new QAction(icon.isEmpty() ? QIcon() : QIcon::fromTheme(icon), text, parent);
    action->setObjectName(name);
    return action;
}

} // namespace

ReadingActions::ReadingActions(MainWindow& window, storage::Storage& storage)
    : QObject(&window)
    , m_window(window)
    , m_storage(storage) {
    // The texts are MainWindow's, like the rest of the window's menus.
    m_markAllRead = makeAction(this, QStringLiteral("actionMarkAllRead"), MainWindow::tr("Mark All as &Read"),
                               QStringLiteral("mail-mark-read"));
    m_markAllRead->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_markAllRead->setToolTip(MainWindow::tr("Marks every article the list shows as read"));
    m_markAllFeedsRead =
        makeAction(this, QStringLiteral("actionMarkAllFeedsRead"), MainWindow::tr("Mark All &Feeds as Read"));
    m_markAllFeedsRead->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_nextUnread = makeAction(this, QStringLiteral("actionNextUnread"),
                              MainWindow::tr("Next &Unread Article"), QStringLiteral("go-down-search"));
    m_nextUnread->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_N)});
    m_previousUnread = makeAction(this, QStringLiteral("actionPreviousUnread"),
                                  MainWindow::tr("Previous Unre&ad Article"), QStringLiteral("go-up-search"));
    m_previousUnread->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::Key_P)});
    m_openInBrowser = makeAction(this, QStringLiteral("actionOpenInBrowser"),
                                 MainWindow::tr("&Open in Browser"), QStringLiteral("internet-services"));
    m_openInBrowser->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_copyLink = makeAction(this, QStringLiteral("actionCopyLink"), MainWindow::tr("Copy &Link"),
                            QStringLiteral("edit-copy"));
    m_copyLink->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    // The window-wide ones are the window's; the rest act where the user reads.
    for (QAction* action : {m_markAllRead, m_markAllFeedsRead})
        window.addAction(action);
    QWidget* list = window.articleView();
    QWidget* reader = window.reader();
    for (QAction* action : {m_nextUnread, m_previousUnread, m_openInBrowser, m_copyLink}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        list->addAction(action);
        reader->addAction(action);
    }

    connect(m_markAllRead, &QAction::triggered, this,
            [this] { markRead(m_window.articleModel()->filter(), MainWindow::tr("Mark All as Read")); });
    connect(m_markAllFeedsRead, &QAction::triggered, this,
            [this] { markRead({}, MainWindow::tr("Mark All Feeds as Read")); });
    connect(m_nextUnread, &QAction::triggered, this, [this] { moveToUnread(1); });
    connect(m_previousUnread, &QAction::triggered, this, [this] { moveToUnread(-1); });
    connect(m_openInBrowser, &QAction::triggered, this, [this] {
        if (const QUrl url = currentLink(); url.isValid() && !urlOpener()(url))
            emit message(MainWindow::tr("Could not open %1 in a browser.").arg(url.toDisplayString()), 8000);
    });
    connect(m_copyLink, &QAction::triggered, this, [this] {
        if (const QUrl url = currentLink(); url.isValid()) {
            QApplication::clipboard()->setText(url.toString());
            emit message(MainWindow::tr("Link copied: %1").arg(url.toDisplayString()), 4000);
        }
    });

    ArticleListModel* model = window.articleModel();
    connect(window.articleView()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReadingActions::updateLinkActions);
    connect(model, &QAbstractItemModel::modelReset, this, &ReadingActions::updateLinkActions);
    connect(model, &ArticleListModel::pageLoaded, this, &ReadingActions::continueSeek);
    window.articleView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(window.articleView(), &QWidget::customContextMenuRequested, this,
            &ReadingActions::showContextMenu);
    updateLinkActions();
}

void ReadingActions::setUrlOpener(std::function<bool(const QUrl&)> opener) {
    urlOpener() = opener ? std::move(opener) : openInDesktopBrowser;
}

QUrl ReadingActions::webLink(const QString& link) {
    const QUrl url(link.trimmed());
    if (!url.isValid() || !isWebAddress(url))
        return {};
    return url;
}

QUrl ReadingActions::currentLink() const {
    const QModelIndex current = m_window.articleView()->currentIndex();
    return current.isValid() ? webLink(current.data(ArticleListModel::LinkRole).toString()) : QUrl();
}

void ReadingActions::updateLinkActions() {
    const QModelIndex current = m_window.articleView()->currentIndex();
    const bool web = currentLink().isValid();
    const bool local =
        current.isValid() && current.data(ArticleListModel::LinkRole).toString().startsWith(u"file:");
    for (QAction* action : {m_openInBrowser, m_copyLink}) {
        action->setEnabled(web);
        action->setStatusTip(
            web     ? QString()
            : local ? MainWindow::tr("This article was imported from a file: it has no web address.")
                    : MainWindow::tr("This article has no web address."));
    }
}

void ReadingActions::markRead(const ArticleFilter& filter, const QString& what) {
    m_window.undoStack()->push(new MarkReadCommand(
        m_storage, *m_window.articleModel(), filter,
        [this](const QString& text) { emit message(text, 6000); }, what));
}

bool ReadingActions::moveToUnread(int direction) {
    m_seeking = false;
    QTableView* view = m_window.articleView();
    ArticleListModel* model = m_window.articleModel();
    const int from = view->currentIndex().isValid() ? view->currentIndex().row() : -1;
    for (int row = from + direction; row >= 0 && row < model->rowCount(); row += direction) {
        if (!model->index(row, 0).data(ArticleListModel::ReadRole).toBool()) {
            view->setCurrentIndex(model->index(row, ArticleListModel::TitleColumn));
            return true;
        }
    }
    if (direction > 0) {
        // Further down: the next page of the list, then the next feed with unread articles.
        m_seekFrom = model->rowCount() - 1;
        if (model->canFetchMore({})) {
            m_seeking = true;
            model->fetchMore({});
            return true;
        }
        if (selectNextFeedWithUnread()) {
            m_seeking = true;
            m_seekFrom = -1;
            return true;
        }
    }
    emit message(direction > 0 ? MainWindow::tr("No more unread articles.")
                               : MainWindow::tr("No unread articles above this one."),
                 4000);
    return false;
}

// The list has loaded a page (the next one, or a new feed's first): go on looking.
void ReadingActions::continueSeek() {
    if (!m_seeking)
        return;
    m_seeking = false;
    ArticleListModel* model = m_window.articleModel();
    for (int row = m_seekFrom + 1; row < model->rowCount(); ++row) {
        if (!model->index(row, 0).data(ArticleListModel::ReadRole).toBool()) {
            m_window.articleView()->setCurrentIndex(model->index(row, ArticleListModel::TitleColumn));
            return;
        }
    }
    m_seekFrom = model->rowCount() - 1;
    if (model->canFetchMore({})) {
        m_seeking = true;
        model->fetchMore({});
    } else if (selectNextFeedWithUnread()) {
        m_seeking = true;
        m_seekFrom = -1;
    } else {
        emit message(MainWindow::tr("No more unread articles."), 4000);
    }
}

// The feed after the current one in the feed list that has unread articles, if the list shows
// one feed or folder (with "All articles" there is no other feed to go to).
bool ReadingActions::selectNextFeedWithUnread() {
    QTreeView* feeds = m_window.feedView();
    const QModelIndex current = feeds->currentIndex();
    if (!current.isValid() ||
        current.data(FeedTreeModel::NodeTypeRole).toInt() == int(FeedTreeModel::NodeType::AllArticles))
        return false;
    const QList<qint64> shown = current.data(FeedTreeModel::FeedIdsRole).value<QList<qint64>>();
    QAbstractItemModel* model = feeds->model();
    QList<QModelIndex> order; // every row, in the order the list shows them
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            order << index;
            walk(index);
        }
    };
    walk({});
    for (qsizetype i = order.indexOf(current) + 1; i > 0 && i < order.size(); ++i) {
        const QModelIndex& index = order[i];
        if (index.data(FeedTreeModel::NodeTypeRole).toInt() == int(FeedTreeModel::NodeType::Feed) &&
            index.data(FeedTreeModel::UnreadRole).toInt() > 0 &&
            !shown.contains(index.data(FeedTreeModel::FeedIdRole).toLongLong())) {
            feeds->setCurrentIndex(index);
            feeds->scrollTo(index);
            return true;
        }
    }
    return false;
}

void ReadingActions::showContextMenu(const QPoint& position) {
    QTableView* view = m_window.articleView();
    // A right-click on a selected row keeps the selection (for Add to Brief); on another row it
    // selects that one.
    if (const QModelIndex index = view->indexAt(position);
        index.isValid() && !view->selectionModel()->isRowSelected(index.row()))
        view->setCurrentIndex(index);
    QMenu menu(view);
    menu.addAction(m_openInBrowser);
    menu.addAction(m_copyLink);
    menu.addSeparator();
    menu.addAction(m_nextUnread);
    menu.addAction(m_markAllRead);
    if (!m_contextActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_contextActions);
    }
    menu.exec(view->viewport()->mapToGlobal(position));
}
