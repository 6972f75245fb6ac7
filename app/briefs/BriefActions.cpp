#include "briefs/BriefActions.h"

#include "briefs/BriefArticleView.h"
#include "briefs/BriefComposer.h"
#include "briefs/BriefExporter.h"
#include "models/ArticleListModel.h"
#include "publishing/Export.h"
#include "reader/LinkPolicy.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "window/AppSettings.h"
#include "window/Logging.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace mirsad;
using models::ArticleListModel;

// The menu texts are MainWindow's (MainWindow::tr), like the rest of the window's menus.

BriefActions::BriefActions(MainWindow& window, storage::Storage& storage)
    : QObject(&window)
    , m_window(window)
    , m_storage(storage)
    , m_composer(new BriefComposer(storage))
    , m_dock(new QDockWidget(MainWindow::tr("Brief Composer"), &window))
    , m_exporter(new BriefExporter(storage, this))
    , m_busy(new QProgressBar)
    , m_openExported(new QToolButton) {
    // A dock on the window's trailing edge, beside the reader and the notes: the analyst drags
    // articles from the list into it while reading; it can float as a window of its own.
    m_dock->setObjectName(QStringLiteral("briefComposerDock"));
    m_dock->setWidget(m_composer);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                        QDockWidget::DockWidgetFloatable);
    window.addDockWidget(window.layoutDirection() == Qt::RightToLeft ? Qt::LeftDockWidgetArea
                                                                     : Qt::RightDockWidgetArea,
                         m_dock);
    m_dock->hide();

    m_composerAction = m_dock->toggleViewAction();
    m_composerAction->setObjectName(QStringLiteral("actionBriefComposer"));
    m_composerAction->setText(MainWindow::tr("&Brief Composer"));
    m_composerAction->setIcon(QIcon::fromTheme(QStringLiteral("document-edit")));
    m_composerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_composerAction->setToolTip(MainWindow::tr("Compose a brief from articles: order them, write an "
                                                "introduction, preview and export it"));
    connect(m_composerAction, &QAction::triggered, this, [this](bool shown) {
        if (shown)
            showComposer();
    });

    m_addToBrief =
        new QAction(QIcon::fromTheme(QStringLiteral("list-add")), MainWindow::tr("Add to &Brief"), this);
    m_addToBrief->setObjectName(QStringLiteral("actionAddToBrief"));
    m_addToBrief->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_addToBrief->setToolTip(MainWindow::tr("Add the selected articles to the open brief (a new one when "
                                            "none is open)"));
    // Where the articles are: the list and the reader (not in a text field, where Ctrl+B may mean
    // something else).
    m_addToBrief->setShortcutContext(Qt::WidgetShortcut);
    window.articleView()->addAction(m_addToBrief);
    window.reader()->addAction(m_addToBrief);
    connect(m_addToBrief, &QAction::triggered, this, &BriefActions::addSelectedToBrief);

    m_export =
        new QAction(QIcon::fromTheme(QStringLiteral("document-export")), MainWindow::tr("E&xport…"), this);
    m_export->setObjectName(QStringLiteral("actionExport"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(MainWindow::tr("Export the articles the list shows, the selected ones or the open "
                                        "brief as a document (PDF, ODT, HTML, Markdown) or as data (CSV, "
                                        "JSON, W3C Web Annotations)"));
    connect(m_export, &QAction::triggered, this, [this] {
        openExportDialog(m_dock->isVisible() && m_composer->hasBrief() ? ExportDialog::Source::Brief
                         : selectedArticleIds().size() > 1             ? ExportDialog::Source::Selection
                                                                       : ExportDialog::Source::Filter);
    });

    // The export's progress and result in the status bar.
    m_busy->setObjectName(QStringLiteral("exportProgress"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->hide();
    m_openExported->setObjectName(QStringLiteral("openExportedButton"));
    m_openExported->setText(MainWindow::tr("Open"));
    m_openExported->setAutoRaise(true);
    m_openExported->hide();
    window.statusBar()->addPermanentWidget(m_busy);
    window.statusBar()->addPermanentWidget(m_openExported);
    connect(m_openExported, &QToolButton::clicked, this, [this] {
        if (!m_exportedPath.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_exportedPath));
    });
    connect(window.statusBar(), &QStatusBar::messageChanged, this, [this](const QString& text) {
        if (text.isEmpty() || !text.contains(QDir::toNativeSeparators(m_exportedPath)))
            m_openExported->hide();
    });
    connect(m_exporter, &BriefExporter::started, this, [this](const QString& path) {
        m_busy->show();
        m_openExported->hide();
        m_window.statusBar()->showMessage(
            MainWindow::tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_exporter, &BriefExporter::finished, this, &BriefActions::exportFinished);
    connect(m_exporter, &BriefExporter::failed, this, &BriefActions::exportFailed);

    const auto showMessage = [this](const QString& text, int timeoutMs) {
        m_window.statusBar()->showMessage(text, timeoutMs);
    };
    connect(m_composer, &BriefComposer::message, this, showMessage);
    connect(m_composer, &BriefComposer::failed, this, [this](const QString& message) {
        m_window.statusBar()->showMessage(message);
        qCWarning(lcApp).noquote() << message;
    });
    connect(m_composer, &BriefComposer::briefOpened, this,
            [](qint64 id) { AppSettings::setOpenBriefId(id); });
    connect(m_composer, &BriefComposer::articleActivated, &window, &MainWindow::openArticle);
    connect(m_composer, &BriefComposer::previewRequested, this, &BriefActions::showPreview);
    connect(m_composer, &BriefComposer::exportRequested, this,
            [this] { openExportDialog(ExportDialog::Source::Brief); });

    if (AppSettings::briefComposerShown())
        m_dock->show();
}

void BriefActions::showComposer() {
    if (!m_docked && !m_dock->isFloating()) {
        m_docked = true;
        m_window.resizeDocks({m_dock}, {380}, Qt::Horizontal);
    }
    m_dock->show();
    m_dock->raise();
    // The keyboard goes where the analyst starts: the title of a new brief, else the articles.
    if (m_composer->hasBrief())
        m_composer->articleView()->setFocus(Qt::ShortcutFocusReason);
    else
        m_composer->setFocus(Qt::ShortcutFocusReason);
}

void BriefActions::load() {
    m_composer->load(AppSettings::openBriefId());
}

void BriefActions::flush() {
    m_composer->flush();
    AppSettings::setBriefComposerShown(m_dock->isVisible());
}

QList<qint64> BriefActions::selectedArticleIds() const {
    QTableView* view = m_window.articleView();
    QList<int> rows;
    if (view->selectionModel())
        for (const QModelIndex& index : view->selectionModel()->selectedRows())
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (const int row : rows)
        if (const qint64 id = m_window.articleModel()->articleId(row); id > 0)
            ids << id;
    return ids;
}

void BriefActions::addSelectedToBrief() {
    QList<qint64> ids = selectedArticleIds();
    if (ids.isEmpty() && m_window.reader()->articleId() > 0)
        ids << m_window.reader()->articleId();
    if (ids.isEmpty()) {
        m_window.statusBar()->showMessage(MainWindow::tr("Select the articles to add to the brief."), 4000);
        return;
    }
    m_composer->addArticles(ids);
}

void BriefActions::openExportDialog(ExportDialog::Source preferred) {
    if (m_exporter->isBusy()) {
        m_window.statusBar()->showMessage(MainWindow::tr("An export is still running."), 4000);
        return;
    }
    m_composer->flush();
    ExportDialog::Choices choices;
    choices.filter = m_window.articleModel()->filter();
    choices.selectedIds = selectedArticleIds();
    if (m_composer->hasBrief()) {
        choices.briefId = m_composer->briefId();
        choices.briefTitle = m_composer->title();
        choices.briefIntroduction = m_composer->introduction();
        choices.briefIds = m_composer->articleIds();
    }
    choices.preferred = preferred;
    ExportDialog dialog(m_storage, choices, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_exporter->start(dialog.request());
}

void BriefActions::exportFinished(const QString& path, int articles) {
    m_busy->hide();
    m_exportedPath = path;
    m_window.statusBar()->showMessage(MainWindow::tr("Exported %n article(s) to %1.", nullptr, articles)
                                          .arg(QDir::toNativeSeparators(path)),
                                      20000);
    m_openExported->setToolTip(MainWindow::tr("Open %1").arg(QFileInfo(path).fileName()));
    m_openExported->show();
}

void BriefActions::exportFailed(const QString& path, const QString& message) {
    m_busy->hide();
    m_window.statusBar()->showMessage(MainWindow::tr("The export failed."), 8000);
    qCWarning(lcApp).noquote() << path << message;
    // Shown without waiting for it: the window goes on (and a test sees the failure).
    auto* box =
        new QMessageBox(QMessageBox::Warning, MainWindow::tr("Export"), message, QMessageBox::Ok, &m_window);
    box->setObjectName(QStringLiteral("exportFailedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void BriefActions::showPreview() {
    if (!m_composer->hasBrief())
        return;
    m_composer->flush();
    if (!m_preview) {
        m_preview = new QDialog(&m_window);
        m_preview->setObjectName(QStringLiteral("briefPreviewDialog"));
        m_previewBrowser = new QTextBrowser;
        m_previewBrowser->setObjectName(QStringLiteral("briefPreview"));
        openLinksOutside(m_previewBrowser);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, m_preview, &QDialog::reject);
        auto* layout = new QVBoxLayout(m_preview);
        layout->addWidget(m_previewBrowser, 1);
        layout->addWidget(buttons);
        m_preview->resize(760, 860);
    }
    m_preview->setWindowTitle(MainWindow::tr("Preview: %1").arg(m_composer->title()));
    m_previewBrowser->setPlainText(MainWindow::tr("Preparing the preview…"));
    m_preview->show();
    m_preview->raise();
    BriefExportRequest request;
    request.ids = m_composer->articleIds();
    request.title = m_composer->title();
    request.introduction = m_composer->introduction();
    gatherBriefFor(m_storage, request).then(m_preview, [this](const Result<briefs::Brief>& brief) {
        if (!brief) {
            m_previewBrowser->setPlainText(brief.error());
            return;
        }
        std::unique_ptr<QTextDocument> document = publishing::briefDocument(*brief);
        QTextDocument* old = m_previewBrowser->document();
        document->setParent(m_previewBrowser);
        m_previewBrowser->setDocument(document.release());
        if (old && old->parent() == m_previewBrowser)
            old->deleteLater();
    });
}
