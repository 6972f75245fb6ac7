#include "feeds/FeedPane.h"

#include "feeds/AddFeedDialog.h"
#include "feeds/Opml.h"
#include "ingest/FeedUpdater.h"
#include "ingest/OpmlImport.h"
#include "ingest/SourceImport.h"
#include "models/FeedTreeModel.h"
#include "reader/BidiItemDelegate.h"
#include "storage/Storage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QSaveFile>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

using namespace mirsad;
using models::FeedTreeModel;

namespace {

// Draws a feed row with its unread count right-aligned, a warning mark for a failed refresh,
// and the refresh's progress while it runs.
// Each title in its own direction (BidiItemDelegate).
class FeedDelegate : public BidiItemDelegate {
public:
    using BidiItemDelegate::BidiItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const int unread = index.data(FeedTreeModel::UnreadRole).toInt();
        const QVariant progress = index.data(FeedTreeModel::ProgressRole);
        const bool failed = !index.data(FeedTreeModel::ErrorRole).toString().isEmpty();
        QString badge;
        if (progress.isValid())
            badge = progress.toInt() >= 0 ? QStringLiteral("%1%").arg(progress.toInt()) : QStringLiteral("…");
        else if (unread > 0)
            badge = QString::number(unread);
        if (failed) {
            opt.icon = opt.widget->style()->standardIcon(QStyle::SP_MessageBoxWarning);
            opt.features |= QStyleOptionViewItem::HasDecoration;
            opt.decorationSize = QSize(16, 16);
        }
        // Keep the text clear of the badge: elide it to the room that is left.
        const QFontMetrics metrics(opt.font);
        const int badgeWidth = badge.isEmpty() ? 0 : metrics.horizontalAdvance(badge) + 14;
        const int iconWidth = failed ? opt.decorationSize.width() + 8 : 0;
        opt.text =
            metrics.elidedText(opt.text, Qt::ElideRight, opt.rect.width() - badgeWidth - iconWidth - 10);
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        if (badge.isEmpty())
            return;
        painter->save();
        // The badge sits at the trailing end: the right, or the left in a right-to-left UI.
        const bool rtl = opt.direction == Qt::RightToLeft;
        const int badgeLeft = rtl ? opt.rect.left() + 4 : opt.rect.right() - badgeWidth + 2;
        const QRect badgeRect(badgeLeft, opt.rect.top() + 2, badgeWidth - 6, opt.rect.height() - 4);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        QColor fill = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
        fill.setAlpha(progress.isValid() ? 60 : 200);
        painter->setBrush(fill);
        painter->drawRoundedRect(badgeRect, badgeRect.height() / 2.0, badgeRect.height() / 2.0);
        if (progress.isValid())
            painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        else
            painter->setPen(opt.palette.color(selected ? QPalette::Highlight : QPalette::HighlightedText));
        QFont small = opt.font;
        small.setBold(false);
        painter->setFont(small);
        painter->drawText(badgeRect, Qt::AlignCenter, badge);
        painter->restore();
    }
};

} // namespace

FeedPane::FeedPane(storage::Storage& storage, ingest::FeedUpdater& updater, QWidget* parent)
    : QWidget(parent)
    , m_storage(storage)
    , m_updater(updater)
    , m_model(new FeedTreeModel(storage, this))
    , m_view(new QTreeView)
    , m_progress(new QProgressBar)
    , m_progressLabel(new QLabel) {
    setObjectName(QStringLiteral("feedPane"));
    m_view->setObjectName(QStringLiteral("feedList"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setItemDelegate(new FeedDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(14);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressLabel->hide();
    m_progressLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);

    m_addFeed = new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Feed…"), this);
    m_addFeed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_refreshAll =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh All Feeds"), this);
    m_refreshAll->setShortcut(QKeySequence::Refresh);
    m_refreshSelected = new QAction(tr("Refresh &Selected Feed"), this);
    m_refreshSelected->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_importOpml = new QAction(tr("&Import Subscriptions (OPML)…"), this);
    m_exportOpml = new QAction(tr("&Export Subscriptions (OPML)…"), this);
    m_newFolder = new QAction(QIcon::fromTheme(QStringLiteral("folder-new")), tr("New &Folder…"), this);
    // The feed list's own: the feed or folder under the mouse (or selected), whatever the
    // article list shows.
    m_markSelectedRead =
        new QAction(QIcon::fromTheme(QStringLiteral("mail-mark-read")), tr("&Mark Feed as Read"), this);
    m_markSelectedRead->setObjectName(QStringLiteral("actionMarkFeedRead"));
    for (QAction* action :
         {m_addFeed, m_refreshAll, m_refreshSelected, m_importOpml, m_exportOpml, m_newFolder})
        addAction(action);

    connect(m_addFeed, &QAction::triggered, this, [this] { showAddFeedDialog(); });
    connect(m_refreshAll, &QAction::triggered, &m_updater, &ingest::FeedUpdater::refreshAll);
    connect(m_refreshSelected, &QAction::triggered, this, [this] {
        const QList<qint64> ids = selectedFeedIds();
        ids.isEmpty() ? m_updater.refreshAll() : m_updater.refreshFeeds(ids);
    });
    connect(m_importOpml, &QAction::triggered, this, &FeedPane::importOpml);
    connect(m_exportOpml, &QAction::triggered, this, &FeedPane::exportOpml);
    connect(m_newFolder, &QAction::triggered, this, [this] { createFolder(0); });
    connect(m_markSelectedRead, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        ArticleFilter filter;
        filter.feedIds = selectedFeedIds();
        emit markReadRequested(filter, tr("Mark “%1” as Read").arg(current.data().toString()));
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &FeedPane::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit feedSelectionChanged(selectedFeedIds()); });
    connect(m_model, &FeedTreeModel::modelReset, this, [this] { m_view->expandAll(); });

    connect(&m_updater, &ingest::FeedUpdater::feedStarted, this,
            [this](qint64 feedId, const QUrl&) { m_model->setFeedProgress(feedId, -1); });
    connect(&m_updater, &ingest::FeedUpdater::feedProgress, this,
            [this](qint64 feedId, qint64 received, qint64 total) {
                m_model->setFeedProgress(feedId, total > 0 ? int(received * 100 / total) : -1);
            });
    connect(&m_updater, &ingest::FeedUpdater::feedFinished, this, &FeedPane::onFeedFinished);
    connect(&m_updater, &ingest::FeedUpdater::progress, this, [this](int done, int total) {
        m_progress->setVisible(done < total);
        m_progressLabel->setVisible(done < total);
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
        m_progressLabel->setText(tr("Refreshing: %1 of %2 feeds").arg(done).arg(total));
    });
    connect(&m_updater, &ingest::FeedUpdater::finished, this, [this] {
        m_progress->hide();
        m_progressLabel->hide();
        // Nothing to say when the refresh was only a subscription: its dialog said it.
        if (m_refreshed > 0 && m_fetchedElsewhere == m_refreshed) {
            // A colleague's client fetched them: what it stored is in the lists already.
            emit message(m_refreshed == 1 ? m_elsewhereNote
                                          : tr("All %n feeds were fetched by colleagues just now; their "
                                               "articles are shown.",
                                               nullptr, m_refreshed),
                         8000);
        } else if (m_refreshed > 0) {
            QString text = m_failures == 0
                               ? tr("Feeds refreshed.")
                               : tr("Feeds refreshed; %n could not be fetched (see the marked feeds).",
                                    nullptr, m_failures);
            if (m_fetchedElsewhere > 0)
                text += u' ' + tr("%n were fetched by colleagues just now.", nullptr, m_fetchedElsewhere);
            emit message(text, m_failures == 0 ? 6000 : 0);
        }
        m_failures = 0;
        m_refreshed = 0;
        m_fetchedElsewhere = 0;
    });
    // Subscriptions made without the dialog (a dropped or imported address): a failure opens
    // the dialog on the address, with the reason, to correct or give up.
    connect(&m_updater, &ingest::FeedUpdater::subscriptionFinished, this,
            [this](int ticket, qint64 feedId, const QString& error) {
                const auto found = m_droppedSubscriptions.find(ticket);
                if (found == m_droppedSubscriptions.end())
                    return;
                const QString address = *found;
                m_droppedSubscriptions.erase(found);
                if (feedId > 0)
                    selectFeedWhenShown(feedId);
                else
                    showAddFeedDialog(address, error);
            });
    connect(m_model, &FeedTreeModel::loaded, this, [this] {
        if (m_selectWhenShown <= 0)
            return;
        if (const QModelIndex index = m_model->indexOfFeed(m_selectWhenShown); index.isValid()) {
            m_selectWhenShown = 0;
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
        }
    });
}

void FeedPane::selectFeedWhenShown(qint64 feedId) {
    m_selectWhenShown = feedId;
    m_model->reload();
}

QList<qint64> FeedPane::selectedFeedIds() const {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() ||
        current.data(FeedTreeModel::NodeTypeRole).toInt() == int(FeedTreeModel::NodeType::AllArticles))
        return {};
    QList<qint64> ids = current.data(FeedTreeModel::FeedIdsRole).value<QList<qint64>>();
    if (ids.isEmpty())
        ids << -1; // an empty folder shows nothing, not everything
    return ids;
}

filters::FilterNames FeedPane::filterNames() const {
    filters::FilterNames names;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            const auto type = FeedTreeModel::NodeType(index.data(FeedTreeModel::NodeTypeRole).toInt());
            if (type == FeedTreeModel::NodeType::Feed)
                names.feeds.insert(index.data(FeedTreeModel::FeedIdRole).toLongLong(),
                                   index.data().toString());
            else if (type == FeedTreeModel::NodeType::Folder)
                names.folders.insert(index.data(FeedTreeModel::FolderIdRole).toLongLong(),
                                     index.data().toString());
            walk(index);
        }
    };
    walk({});
    return names;
}

void FeedPane::reload() {
    m_model->reload();
}

void FeedPane::onFeedFinished(const ingest::RefreshOutcome& outcome) {
    m_model->setFeedProgress(outcome.feedId, std::nullopt);
    // A failed new subscription is gone again and its dialog says why; a failed refresh leaves
    // the feed marked in the list, its error in the tooltip.
    if (!outcome.removed)
        ++m_refreshed;
    if (outcome.kind == ingest::RefreshOutcome::Kind::Failed && !outcome.removed) {
        ++m_failures;
        emit message(outcome.error, 8000);
    } else if (outcome.kind == ingest::RefreshOutcome::Kind::FetchedElsewhere) {
        ++m_fetchedElsewhere;
        m_elsewhereNote = outcome.note;
    } else if (outcome.kind == ingest::RefreshOutcome::Kind::AlreadySubscribed) {
        // Nothing was stored twice: the address is the feed the list has already.
        const QString note = tr("%1 moved to %2, which is already subscribed as “%3”.")
                                 .arg(outcome.movedFrom.toDisplayString(), outcome.url.toDisplayString(),
                                      outcome.existingTitle);
        m_alreadySubscribed.insert(outcome.existingFeedId, note);
        emit message(note, 10000);
        selectFeedWhenShown(outcome.existingFeedId);
    }
}

void FeedPane::showAddFeedDialog(const QString& url, const QString& problem) {
    qint64 folderId = 0;
    const QModelIndex current = m_view->currentIndex();
    if (current.data(FeedTreeModel::NodeTypeRole).toInt() == int(FeedTreeModel::NodeType::Folder))
        folderId = current.data(FeedTreeModel::FolderIdRole).toLongLong();
    AddFeedDialog dialog(m_updater, m_model->folders(), folderId, this);
    if (!url.isEmpty())
        dialog.setAddress(url);
    if (!problem.isEmpty())
        dialog.showProblem(problem);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const QString note = m_alreadySubscribed.take(dialog.feedId()); !note.isEmpty())
        emit message(note, 10000);
    else
        emit message(tr("Subscribed to %1.").arg(dialog.url().toDisplayString()), 6000);
    selectFeedWhenShown(dialog.feedId());
}

void FeedPane::writeThenReload(std::function<Status(QSqlDatabase&)> work, const QString& failure) {
    m_storage.writer().run(std::move(work)).then(this, [this, failure](const Status& done) {
        if (!done)
            QMessageBox::warning(this, failure, done.error());
        m_storage.notifyFeedsChanged();
        m_storage.notifyArticlesChanged();
    });
}

void FeedPane::showContextMenu(const QPoint& position) {
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    const auto type = FeedTreeModel::NodeType(index.data(FeedTreeModel::NodeTypeRole).toInt());
    QMenu menu(this);
    if (index.isValid() && type == FeedTreeModel::NodeType::Feed) {
        const qint64 feedId = index.data(FeedTreeModel::FeedIdRole).toLongLong();
        const QString url = index.data(FeedTreeModel::UrlRole).toString();
        const bool local = url.startsWith(QStringLiteral("mirsad:"));
        m_markSelectedRead->setText(tr("&Mark Feed as Read"));
        m_markSelectedRead->setEnabled(index.data(FeedTreeModel::UnreadRole).toInt() > 0);
        menu.addAction(m_markSelectedRead);
        if (!local)
            menu.addAction(m_refreshSelected);
        menu.addSeparator();
        menu.addAction(tr("&Rename…"), this, &FeedPane::renameSelected);
        if (!local) {
            QMenu* move = menu.addMenu(tr("&Move to Folder"));
            move->addAction(tr("No Folder"), this, [this, feedId] { moveFeed(feedId, 0); });
            for (const storage::FolderInfo& folder : m_model->folders())
                move->addAction(folder.name, this, [this, feedId, id = folder.id] { moveFeed(feedId, id); });
            QAction* remote = menu.addAction(tr("Load Remote &Images"));
            remote->setCheckable(true);
            remote->setToolTip(
                tr("Images and other remote content in this feed's articles load only when allowed."));
            remote->setChecked(index.data(FeedTreeModel::AllowRemoteRole).toBool());
            connect(remote, &QAction::toggled, this, [this, feedId](bool allow) {
                writeThenReload(
                    [feedId, allow](QSqlDatabase& db) {
                        return storage::setAllowRemoteContent(db, feedId, allow);
                    },
                    tr("Remote content"));
            });
            menu.addAction(tr("Refresh &Interval…"), this, [this, feedId] {
                bool ok = false;
                const int minutes = QInputDialog::getInt(
                    this, tr("Refresh interval"), tr("Refresh every (minutes):"), 60, 1, 7 * 24 * 60, 5, &ok);
                if (ok)
                    writeThenReload(
                        [feedId, minutes](QSqlDatabase& db) {
                            return storage::setRefreshInterval(db, feedId, minutes);
                        },
                        tr("Refresh interval"));
            });
            menu.addAction(tr("&Copy Address"), this, [url] { QApplication::clipboard()->setText(url); });
        }
        menu.addSeparator();
        menu.addAction(local ? tr("&Delete Local Articles…") : tr("&Unsubscribe…"), this,
                       &FeedPane::deleteSelected);
    } else if (index.isValid() && type == FeedTreeModel::NodeType::Folder) {
        const qint64 folderId = index.data(FeedTreeModel::FolderIdRole).toLongLong();
        m_markSelectedRead->setText(tr("&Mark Folder as Read"));
        m_markSelectedRead->setEnabled(index.data(FeedTreeModel::UnreadRole).toInt() > 0);
        menu.addAction(m_markSelectedRead);
        menu.addAction(m_refreshSelected);
        menu.addSeparator();
        menu.addAction(tr("New &Subfolder…"), this, [this, folderId] { createFolder(folderId); });
        menu.addAction(tr("&Rename…"), this, &FeedPane::renameSelected);
        menu.addAction(tr("&Delete Folder"), this, &FeedPane::deleteSelected);
    } else {
        if (index.isValid()) { // "All articles"
            m_markSelectedRead->setText(tr("&Mark All Feeds as Read"));
            m_markSelectedRead->setEnabled(index.data(FeedTreeModel::UnreadRole).toInt() > 0);
            menu.addAction(m_markSelectedRead);
            menu.addSeparator();
        }
        menu.addAction(m_addFeed);
        menu.addAction(m_newFolder);
        menu.addAction(m_refreshAll);
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void FeedPane::renameSelected() {
    const QModelIndex index = m_view->currentIndex();
    const auto type = FeedTreeModel::NodeType(index.data(FeedTreeModel::NodeTypeRole).toInt());
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal,
                                               index.data(Qt::DisplayRole).toString(), &ok)
                             .simplified();
    if (!ok || name.isEmpty())
        return;
    if (type == FeedTreeModel::NodeType::Feed) {
        const qint64 id = index.data(FeedTreeModel::FeedIdRole).toLongLong();
        writeThenReload([id, name](QSqlDatabase& db) { return storage::renameFeed(db, id, name); },
                        tr("Rename"));
    } else if (type == FeedTreeModel::NodeType::Folder) {
        const qint64 id = index.data(FeedTreeModel::FolderIdRole).toLongLong();
        writeThenReload([id, name](QSqlDatabase& db) { return storage::renameFolder(db, id, name); },
                        tr("Rename"));
    }
}

void FeedPane::deleteSelected() {
    const QModelIndex index = m_view->currentIndex();
    const auto type = FeedTreeModel::NodeType(index.data(FeedTreeModel::NodeTypeRole).toInt());
    const QString name = index.data(Qt::DisplayRole).toString();
    if (type == FeedTreeModel::NodeType::Feed) {
        const int total = index.data(FeedTreeModel::TotalRole).toInt();
        const auto answer = QMessageBox::question(
            this, tr("Unsubscribe"),
            tr("Unsubscribe from “%1” and delete its %n article(s), with your highlights and notes on them?",
               nullptr, total)
                .arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        const qint64 id = index.data(FeedTreeModel::FeedIdRole).toLongLong();
        writeThenReload([id](QSqlDatabase& db) { return storage::deleteFeed(db, id); }, tr("Unsubscribe"));
    } else if (type == FeedTreeModel::NodeType::Folder) {
        const qint64 id = index.data(FeedTreeModel::FolderIdRole).toLongLong();
        writeThenReload([id](QSqlDatabase& db) { return storage::deleteFolder(db, id); },
                        tr("Delete folder"));
    }
}

void FeedPane::createFolder(qint64 parentId) {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New folder"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    writeThenReload(
        [name, parentId](QSqlDatabase& db) -> Status {
            Result<qint64> id = storage::ensureFolder(db, name, parentId);
            return id ? Status() : Status(Error{id.error()});
        },
        tr("New folder"));
}

void FeedPane::moveFeed(qint64 feedId, qint64 folderId) {
    writeThenReload([feedId, folderId](QSqlDatabase& db) { return storage::moveFeed(db, feedId, folderId); },
                    tr("Move feed"));
}

void FeedPane::importSources(const QStringList& sources) {
    for (const QString& source : sources) {
        const ingest::SourceKind kind = ingest::classifySource(source);
        if (kind == ingest::SourceKind::FeedUrl || kind == ingest::SourceKind::FeedFile) {
            const QUrl url = ingest::feedUrlForSource(source);
            m_droppedSubscriptions.insert(m_updater.subscribe(url, {}, 0),
                                          url.isLocalFile() ? url.toLocalFile() : url.toString());
            continue;
        }
        m_storage.writer()
            .run([source, kind](QSqlDatabase& db) { return ingest::importFileSource(db, source, kind); })
            .then(this, [this](const Result<ingest::SourceReport>& report) {
                if (!report) {
                    emit message(report.error(), 10000);
                    return;
                }
                emit message(report->summary, 6000);
                m_storage.notifyFeedsChanged();
                m_storage.notifyArticlesChanged();
                if (!report->newFeedIds.isEmpty())
                    m_updater.refreshFeeds(report->newFeedIds);
            });
    }
}

void FeedPane::importOpml() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Import subscriptions"), {},
                                                      tr("OPML files (*.opml *.xml);;All files (*)"));
    if (!file.isEmpty())
        importSources({file});
}

void FeedPane::exportOpml() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export subscriptions"), QStringLiteral("mirsad.opml"), tr("OPML files (*.opml)"));
    if (file.isEmpty())
        return;
    m_storage.reader()
        .run([](QSqlDatabase& db) { return ingest::exportOpml(db); })
        .then(this, [this, file](const Result<feeds::OpmlDocument>& document) {
            if (!document) {
                QMessageBox::warning(this, tr("Export subscriptions"), document.error());
                return;
            }
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly) || out.write(feeds::writeOpml(*document)) < 0 ||
                !out.commit()) {
                QMessageBox::warning(this, tr("Export subscriptions"),
                                     tr("Could not write %1: %2").arg(file, out.errorString()));
                return;
            }
            emit message(tr("Subscriptions exported to %1.").arg(file), 6000);
        });
}
