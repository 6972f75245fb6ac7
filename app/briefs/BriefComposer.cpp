#include "briefs/BriefComposer.h"

#include "annotations/MarkdownEditor.h"
#include "briefs/BriefArticleModel.h"
#include "briefs/BriefArticleView.h"
#include "storage/Storage.h"

#include <QComboBox>
#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace mirsad;
using briefs::BriefEntry;
using briefs::SavedBrief;

namespace {

struct Opened {
    SavedBrief brief;
    QList<BriefEntry> entries;
};

Result<Opened> readBrief(const QSqlDatabase& db, qint64 id) {
    Result<SavedBrief> brief = briefs::loadBrief(db, id);
    if (!brief)
        return Error{brief.error()};
    Result<QList<BriefEntry>> entries = briefs::briefEntries(db, brief->articleIds);
    if (!entries)
        return Error{entries.error()};
    return Opened{*std::move(brief), *std::move(entries)};
}

QString shownTitle(const QString& title) {
    return title.trimmed().isEmpty() ? BriefComposer::tr("(untitled brief)") : title.trimmed();
}

} // namespace

BriefComposer::BriefComposer(storage::Storage& storage, QWidget* parent)
    : QWidget(parent)
    , m_storage(storage)
    , m_selector(new QComboBox)
    , m_new(new QToolButton)
    , m_rename(new QToolButton)
    , m_delete(new QToolButton)
    , m_titleLabel(new QLabel)
    , m_title(new QLineEdit)
    , m_introductionLabel(new QLabel)
    , m_introduction(new MarkdownEditor)
    , m_articlesLabel(new QLabel)
    , m_articles(new BriefArticleView)
    , m_model(new BriefArticleModel(this))
    , m_hint(new QLabel)
    , m_preview(new QPushButton)
    , m_export(new QPushButton) {
    setObjectName(QStringLiteral("briefComposer"));
    m_selector->setObjectName(QStringLiteral("briefSelector"));
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_selector->setMinimumContentsLength(12);
    m_new->setObjectName(QStringLiteral("newBriefButton"));
    m_rename->setObjectName(QStringLiteral("renameBriefButton"));
    m_delete->setObjectName(QStringLiteral("deleteBriefButton"));
    m_new->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
    m_rename->setIcon(QIcon::fromTheme(QStringLiteral("edit-rename")));
    m_delete->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete")));
    for (QToolButton* button : {m_new, m_rename, m_delete})
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_title->setObjectName(QStringLiteral("briefTitle"));
    m_title->setClearButtonEnabled(true);
    m_introduction->setObjectName(QStringLiteral("briefIntroduction"));
    m_titleLabel->setBuddy(m_title);
    m_introductionLabel->setBuddy(m_introduction);
    m_articlesLabel->setBuddy(m_articles);
    m_articles->setModel(m_model);
    m_hint->setObjectName(QStringLiteral("briefHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_preview->setObjectName(QStringLiteral("previewBriefButton"));
    m_export->setObjectName(QStringLiteral("exportBriefButton"));
    m_preview->setIcon(QIcon::fromTheme(QStringLiteral("document-preview")));
    m_export->setIcon(QIcon::fromTheme(QStringLiteral("document-export")));

    auto* briefRow = new QHBoxLayout;
    briefRow->addWidget(m_selector, 1);
    briefRow->addWidget(m_new);
    briefRow->addWidget(m_rename);
    briefRow->addWidget(m_delete);

    auto* introArea = new QWidget;
    auto* introLayout = new QVBoxLayout(introArea);
    introLayout->setContentsMargins(0, 0, 0, 0);
    introLayout->addWidget(m_titleLabel);
    introLayout->addWidget(m_title);
    introLayout->addWidget(m_introductionLabel);
    introLayout->addWidget(m_introduction, 1);
    auto* articleArea = new QWidget;
    auto* articleLayout = new QVBoxLayout(articleArea);
    articleLayout->setContentsMargins(0, 0, 0, 0);
    articleLayout->addWidget(m_articlesLabel);
    articleLayout->addWidget(m_articles, 1);
    articleLayout->addWidget(m_hint);
    auto* split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("briefSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(introArea);
    split->addWidget(articleArea);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_preview);
    buttons->addWidget(m_export);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(briefRow);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    setMinimumWidth(280);

    m_idle.setSingleShot(true);
    m_max.setSingleShot(true);
    setSaveDelays(500, 900);
    connect(&m_idle, &QTimer::timeout, this, &BriefComposer::flush);
    connect(&m_max, &QTimer::timeout, this, &BriefComposer::flush);

    connect(m_selector, &QComboBox::activated, this, [this](int index) {
        const qint64 id = m_selector->itemData(index).toLongLong();
        if (id > 0 && id != m_briefId)
            openBrief(id);
    });
    connect(m_new, &QToolButton::clicked, this, [this] { newBrief(); });
    connect(m_rename, &QToolButton::clicked, this, &BriefComposer::renameBrief);
    connect(m_delete, &QToolButton::clicked, this, &BriefComposer::deleteBrief);
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const int row = selectorRow(m_briefId); row >= 0)
            m_selector->setItemText(row, shownTitle(text));
        edited();
    });
    connect(m_introduction, &QTextEdit::textChanged, this, &BriefComposer::edited);
    connect(m_model, &BriefArticleModel::articlesEdited, this, [this] {
        edited();
        updateState();
    });
    connect(m_model, &BriefArticleModel::detailsWanted, this, &BriefComposer::fetchDetails);
    connect(m_articles, &BriefArticleView::articleActivated, this, &BriefComposer::articleActivated);
    connect(m_preview, &QPushButton::clicked, this, &BriefComposer::previewRequested);
    connect(m_export, &QPushButton::clicked, this, &BriefComposer::exportRequested);

    retranslate();
    showNone();
}

BriefComposer::~BriefComposer() {
    flush();
}

void BriefComposer::retranslate() {
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("Start a new brief"));
    m_rename->setText(tr("Rename"));
    m_rename->setToolTip(tr("Change the brief's title"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete this brief (the articles stay in the archive)"));
    m_selector->setToolTip(tr("The saved briefs; pick one to open it"));
    m_titleLabel->setText(tr("&Title:"));
    m_title->setPlaceholderText(tr("The brief's title"));
    m_introductionLabel->setText(tr("&Introduction (Markdown):"));
    m_introduction->setPlaceholderText(
        tr("Write the brief's introduction in Markdown: **bold**, _italic_, - lists"));
    m_articlesLabel->setText(tr("&Articles, in the brief's order:"));
    m_articles->setToolTip(tr("Drag to reorder, or Alt+Up and Alt+Down; Delete removes an article from the "
                              "brief; Enter opens it in the reader"));
    m_preview->setText(tr("&Preview"));
    m_preview->setToolTip(tr("The brief as it will be exported"));
    m_export->setText(tr("E&xport…"));
    m_export->setToolTip(tr("Export this brief as PDF, ODT, HTML, Markdown or data"));
    updateState();
}

void BriefComposer::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void BriefComposer::setSaveDelays(int idleMs, int maxDelayMs) {
    m_idle.setInterval(idleMs);
    m_max.setInterval(maxDelayMs);
}

QString BriefComposer::title() const {
    return m_title->text().trimmed();
}

QString BriefComposer::introduction() const {
    return m_introduction->toPlainText();
}

QList<qint64> BriefComposer::articleIds() const {
    return m_model->articleIds();
}

int BriefComposer::selectorRow(qint64 id) const {
    return id > 0 ? m_selector->findData(id) : -1;
}

void BriefComposer::load(qint64 openId) {
    const quint64 generation = m_generation;
    m_storage.reader()
        .run([](QSqlDatabase& db) { return briefs::listBriefs(db); })
        .then(this, [this, openId, generation](const Result<QList<SavedBrief>>& listed) {
            if (!listed) {
                emit failed(listed.error());
                emit loaded();
                return;
            }
            // The analyst may have created, opened or deleted a brief while the list was read
            // (it is read beside the writer, and may predate those changes): then what is open
            // stays open, and the list keeps it and drops what was deleted.
            const bool actedMeanwhile = generation != m_generation;
            m_selector->clear();
            for (const SavedBrief& brief : *listed) {
                if (!m_deleted.contains(brief.id))
                    m_selector->addItem(shownTitle(brief.title), brief.id);
            }
            if (actedMeanwhile) {
                if (m_open && selectorRow(m_briefId) < 0)
                    m_selector->insertItem(0, shownTitle(title()), m_briefId);
                m_selector->setCurrentIndex(m_open ? selectorRow(m_briefId) : -1);
                updateState();
                emit loaded();
                return;
            }
            updateState();
            if (openId > 0 && selectorRow(openId) >= 0)
                openBrief(openId);
            else
                showNone();
            emit loaded();
        });
}

void BriefComposer::openBrief(qint64 id) {
    flush();
    const quint64 generation = ++m_generation;
    // On the writer, after the saves queued before it, so that it reads what was typed.
    m_storage.writer()
        .run([id](QSqlDatabase& db) { return readBrief(db, id); })
        .then(this, [this, generation](const Result<Opened>& opened) {
            if (generation != m_generation)
                return; // another brief was asked for since
            if (!opened) {
                emit failed(opened.error());
                return;
            }
            show(opened->brief, opened->entries);
        });
}

void BriefComposer::newBrief(const QList<qint64>& ids) {
    flush();
    SavedBrief brief;
    brief.title =
        tr("Brief, %1").arg(QLocale().toString(QDate::currentDate(), QStringLiteral("d MMMM yyyy")));
    brief.articleIds = ids;
    const quint64 generation = ++m_generation;
    // Nothing can be typed into the fields until the brief is stored (a moment).
    showNone();
    m_creating = true;
    m_storage.writer()
        .run([brief](QSqlDatabase& db) -> Result<Opened> {
            Result<qint64> id = briefs::saveBrief(db, brief);
            if (!id)
                return Error{id.error()};
            return readBrief(db, *id);
        })
        .then(this, [this, generation, byAdding = !ids.isEmpty()](const Result<Opened>& created) {
            m_creating = false;
            const QList<qint64> pending = std::exchange(m_pendingAdd, {});
            if (!created) {
                emit failed(created.error());
                return;
            }
            m_selector->insertItem(0, shownTitle(created->brief.title), created->brief.id);
            if (generation != m_generation)
                return;
            show(created->brief, created->entries);
            // New: the analyst names it next. Add to Brief: the keys stay in the list or the
            // reader, where the next article is picked.
            if (!byAdding) {
                m_title->setFocus();
                m_title->selectAll();
            }
            if (!pending.isEmpty())
                addArticles(pending);
        });
}

int BriefComposer::addArticles(const QList<qint64>& ids) {
    if (!m_open) {
        if (ids.isEmpty())
            return 0;
        // Pressing Add to Brief again while the new brief is being stored adds to it.
        if (m_creating) {
            m_pendingAdd << ids;
            return int(ids.size());
        }
        newBrief(ids);
        emit message(tr("%n article(s) added to a new brief.", nullptr, int(ids.size())), 5000);
        return int(ids.size());
    }
    QList<qint64> added;
    for (const qint64 id : ids)
        if (id > 0 && m_model->rowOfArticle(id) < 0 && !added.contains(id))
            added << id;
    if (added.isEmpty()) {
        emit message(tr("Already in the brief “%1”.").arg(shownTitle(title())), 4000);
        return 0;
    }
    m_model->placeArticles(added, -1);
    fetchDetails(added);
    const QModelIndex last = m_model->index(m_model->rowCount() - 1);
    m_articles->scrollTo(last);
    emit message(
        tr("%n article(s) added to the brief “%1”.", nullptr, int(added.size())).arg(shownTitle(title())),
        4000);
    return int(added.size());
}

void BriefComposer::fetchDetails(const QList<qint64>& ids) {
    m_storage.reader()
        .run([ids](QSqlDatabase& db) { return briefs::briefEntries(db, ids); })
        .then(this, [this](const Result<QList<BriefEntry>>& entries) {
            if (entries)
                m_model->setEntryDetails(*entries);
            else
                emit failed(entries.error());
        });
}

void BriefComposer::renameBrief() {
    if (!m_open)
        return;
    m_title->setFocus(Qt::OtherFocusReason);
    m_title->selectAll();
}

void BriefComposer::deleteBrief() {
    if (!m_open || m_briefId <= 0)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete Brief"),
                    tr("Delete the brief “%1”?").arg(shownTitle(title())), QMessageBox::NoButton, this);
    box.setInformativeText(tr("Its title, introduction and list of %n article(s) are deleted; the articles, "
                              "highlights and notes stay in the archive.",
                              nullptr, m_model->rowCount()));
    QPushButton* remove = box.addButton(tr("Delete Brief"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    m_idle.stop();
    m_max.stop();
    m_dirty = false;
    const qint64 id = m_briefId;
    const QString shown = shownTitle(title());
    ++m_generation;
    m_deleted.insert(id);
    if (const int row = selectorRow(id); row >= 0)
        m_selector->removeItem(row);
    showNone();
    m_storage.writer()
        .run([id](QSqlDatabase& db) { return briefs::deleteBrief(db, id); })
        .then(this, [this, shown](const Status& deleted) {
            if (!deleted) {
                emit failed(deleted.error());
                return;
            }
            emit message(tr("Brief “%1” deleted.").arg(shown), 5000);
        });
    // The next brief of the list, if there is one.
    if (m_selector->count() > 0)
        openBrief(m_selector->itemData(0).toLongLong());
}

void BriefComposer::edited() {
    if (m_showing || !m_open)
        return;
    m_dirty = true;
    m_idle.start();
    // A pause resets the idle timer only: steady typing is still saved every maxDelay.
    if (!m_max.isActive())
        m_max.start();
}

void BriefComposer::flush() {
    m_idle.stop();
    m_max.stop();
    if (!m_dirty || !m_open || m_briefId <= 0)
        return;
    m_dirty = false;
    SavedBrief brief;
    brief.id = m_briefId;
    brief.title = title();
    brief.introduction = introduction();
    brief.articleIds = m_model->articleIds();
    brief.created = m_created;
    m_storage.writer()
        .run([brief](QSqlDatabase& db) { return briefs::saveBrief(db, brief); })
        .then(this, [this](const Result<qint64>& stored) {
            if (!stored)
                emit failed(stored.error());
            else
                emit saved(*stored);
        });
}

void BriefComposer::show(const SavedBrief& brief, const QList<BriefEntry>& entries) {
    m_showing = true;
    m_open = true;
    m_dirty = false;
    m_briefId = brief.id;
    m_created = brief.created;
    m_title->setText(brief.title);
    m_title->setCursorPosition(0);
    m_introduction->setPlainText(brief.introduction);
    followParagraphDirection(m_introduction->document());
    m_model->setEntries(entries);
    if (int row = selectorRow(brief.id); row >= 0)
        m_selector->setCurrentIndex(row);
    else {
        m_selector->insertItem(0, shownTitle(brief.title), brief.id);
        m_selector->setCurrentIndex(0);
    }
    m_showing = false;
    updateState();
    emit briefOpened(brief.id);
}

void BriefComposer::showNone() {
    m_showing = true;
    m_open = false;
    m_dirty = false;
    m_briefId = 0;
    m_created = {};
    m_title->clear();
    m_introduction->clear();
    m_model->setEntries({});
    m_selector->setCurrentIndex(-1);
    m_showing = false;
    updateState();
    emit briefOpened(0);
}

void BriefComposer::updateState() {
    for (QWidget* widget : std::initializer_list<QWidget*>{m_rename, m_delete, m_title, m_introduction,
                                                           m_articles, m_preview, m_export})
        widget->setEnabled(m_open);
    m_selector->setEnabled(m_selector->count() > 0);
    m_selector->setPlaceholderText(m_selector->count() > 0 ? tr("Pick a brief") : tr("No briefs yet"));
    if (!m_open)
        m_hint->setText(tr("Press New to start a brief, or add articles to one with Article ▸ Add to Brief "
                           "or by dragging them here from the article list."));
    else if (m_model->rowCount() == 0)
        m_hint->setText(
            tr("Drag articles here from the article list, or select them and use Article ▸ Add to Brief."));
    else
        m_hint->clear();
    m_hint->setVisible(!m_hint->text().isEmpty());
}
