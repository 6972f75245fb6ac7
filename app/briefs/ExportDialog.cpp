#include "briefs/ExportDialog.h"

#include "storage/ArticleQueries.h"
#include "storage/Storage.h"
#include "text/TextDirection.h"
#include "window/AppSettings.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

using namespace mirsad;
using publishing::ExportFormat;

namespace {

// A title as a file name: without the characters file systems refuse.
QString fileNameFor(const QString& title) {
    QString name = title;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x{0000}-\\x{001f}\\x{2066}-\\x{2069}]+")),
                 QStringLiteral("-"));
    name = name.simplified().left(80).trimmed();
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("brief") : name;
}

} // namespace

ExportDialog::ExportDialog(storage::Storage& storage, const Choices& choices, QWidget* parent)
    : QDialog(parent)
    , m_storage(storage)
    , m_choices(choices)
    , m_sources(new QButtonGroup(this))
    , m_filter(new QRadioButton)
    , m_selection(new QRadioButton)
    , m_brief(new QRadioButton)
    , m_format(new QComboBox)
    , m_annotatedOnly(new QCheckBox(tr("&Only articles with highlights or notes")))
    , m_title(new QLineEdit)
    , m_path(new QLineEdit)
    , m_formatHint(new QLabel) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    m_filter->setObjectName(QStringLiteral("exportFilter"));
    m_selection->setObjectName(QStringLiteral("exportSelection"));
    m_brief->setObjectName(QStringLiteral("exportBrief"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_annotatedOnly->setObjectName(QStringLiteral("exportAnnotatedOnly"));
    m_title->setObjectName(QStringLiteral("exportTitle"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_formatHint->setObjectName(QStringLiteral("exportFormatHint"));
    m_formatHint->setWordWrap(true);
    m_formatHint->setForegroundRole(QPalette::PlaceholderText);
    m_sources->addButton(m_filter, int(Source::Filter));
    m_sources->addButton(m_selection, int(Source::Selection));
    m_sources->addButton(m_brief, int(Source::Brief));
    m_selection->setEnabled(!m_choices.selectedIds.isEmpty());
    m_brief->setEnabled(m_choices.briefId > 0);

    const std::pair<ExportFormat, QString> formats[] = {
        {ExportFormat::Pdf, tr("Brief: PDF")},
        {ExportFormat::Odt, tr("Brief: ODT (LibreOffice, Word)")},
        {ExportFormat::Html, tr("Brief: HTML")},
        {ExportFormat::Markdown, tr("Brief: Markdown")},
        {ExportFormat::Csv, tr("Data: CSV of the highlights and notes (spreadsheets)")},
        {ExportFormat::Json, tr("Data: JSON")},
        {ExportFormat::W3c, tr("Data: W3C Web Annotations (JSON-LD)")},
    };
    for (const auto& [format, label] : formats)
        m_format->addItem(label, int(format));

    auto* sourceBox = new QVBoxLayout;
    sourceBox->addWidget(m_filter);
    sourceBox->addWidget(m_selection);
    sourceBox->addWidget(m_brief);
    auto* browse = new QToolButton;
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setText(tr("&Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    auto* sourceLabel = new QLabel(tr("Export:"));
    form->addRow(sourceLabel, sourceBox);
    auto* formatLabel = new QLabel(tr("&Format:"));
    formatLabel->setBuddy(m_format);
    form->addRow(formatLabel, m_format);
    form->addRow(QString(), m_formatHint);
    form->addRow(QString(), m_annotatedOnly);
    auto* titleLabel = new QLabel(tr("&Title:"));
    titleLabel->setBuddy(m_title);
    form->addRow(titleLabel, m_title);
    auto* pathLabel = new QLabel(tr("F&ile:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    exportButton->setDefault(true); // now that it is in the dialog: Enter exports
    setMinimumWidth(560);

    connect(m_sources, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            sourceChanged();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& title) {
        m_titleEdited = true;
        if (!m_pathChosen)
            m_path->setText(
                QDir(QFileInfo(path()).absolutePath())
                    .filePath(fileNameFor(title) + u'.' + publishing::exportFormatSuffix(format())));
    });
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathChosen = false; });
    // A path reads left to right even in an Arabic window ("/home/…/موجز.pdf", not "pdf.…/").
    m_path->setLayoutDirection(Qt::LeftToRight);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);

    updateSourceLabels();
    QRadioButton* preferred = m_choices.preferred == Source::Brief && m_brief->isEnabled() ? m_brief
                              : m_choices.preferred == Source::Selection && m_selection->isEnabled()
                                  ? m_selection
                                  : m_filter;
    preferred->setChecked(true);
    formatChanged();
    m_format->setFocus(); // Enter exports; the arrows pick a format

    // The filter's articles are counted, and the filter described, on the reader.
    const ArticleFilter filter = m_choices.filter;
    m_storage.reader()
        .run([filter](QSqlDatabase& db) -> std::pair<Result<qint64>, QString> {
            return {storage::countArticles(db, filter), briefs::describeFilter(db, filter)};
        })
        .then(this, [this](const std::pair<Result<qint64>, QString>& counted) {
            m_filterCount = counted.first ? *counted.first : 0;
            m_filterDescription = counted.second;
            updateSourceLabels();
            if (!m_titleEdited && source() == Source::Filter)
                sourceChanged();
            emit filterCounted(m_filterCount);
        });
}

void ExportDialog::updateSourceLabels() {
    const QString description = m_filterDescription.isEmpty()
                                    ? (m_choices.filter.isEmpty() ? tr("all articles") : QString())
                                    : text::isolated(m_filterDescription);
    QString filter = m_filterCount < 0 ? tr("The articles the list shows (counting…)")
                                       : tr("The articles the list shows: %n article(s)", nullptr,
                                            int(qMin<qint64>(m_filterCount, INT_MAX)));
    if (!description.isEmpty())
        filter += QStringLiteral(" — ") + description;
    m_filter->setText(filter);
    m_selection->setText(
        tr("The selected articles: %n article(s)", nullptr, int(m_choices.selectedIds.size())));
    m_brief->setText(m_choices.briefId > 0
                         ? tr("The open brief “%1”: %n article(s)", nullptr, int(m_choices.briefIds.size()))
                               .arg(text::isolated(m_choices.briefTitle))
                         : tr("The open brief (none is open)"));
}

ExportDialog::Source ExportDialog::source() const {
    return Source(qMax(0, m_sources->checkedId()));
}

ExportFormat ExportDialog::format() const {
    return ExportFormat(m_format->currentData().toInt());
}

QString ExportDialog::path() const {
    return m_path->text().trimmed();
}

QString ExportDialog::defaultTitle() const {
    switch (source()) {
    case Source::Brief:
        return m_choices.briefTitle;
    case Source::Selection:
        return tr("Selected articles");
    case Source::Filter:
        break;
    }
    return m_filterDescription.isEmpty() ? tr("All articles") : m_filterDescription;
}

void ExportDialog::sourceChanged() {
    if (!m_titleEdited)
        m_title->setText(defaultTitle());
    if (!m_pathChosen) {
        const QString folder =
            m_path->text().isEmpty() ? AppSettings::exportFolder() : QFileInfo(path()).absolutePath();
        m_path->setText(QDir(folder).filePath(fileNameFor(m_title->text()) + u'.' +
                                              publishing::exportFormatSuffix(format())));
    }
}

void ExportDialog::formatChanged() {
    const ExportFormat chosen = format();
    m_formatHint->setText(publishing::isDocumentFormat(chosen)
                              ? tr("A document to read: the title, the articles with their highlighted "
                                   "passages and notes, and an index of the names.")
                              : tr("The highlights and notes, one record each, with their articles."));
    // The file's suffix follows the format.
    const QString current = path();
    if (current.isEmpty()) {
        sourceChanged();
        return;
    }
    const QFileInfo info(current);
    m_path->setText(QDir(info.absolutePath())
                        .filePath(info.completeBaseName() + u'.' + publishing::exportFormatSuffix(chosen)));
}

void ExportDialog::browse() {
    const QString suffix = publishing::exportFormatSuffix(format());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(),
                                                        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (chosen.isEmpty())
        return;
    m_path->setText(QFileInfo(chosen).suffix().isEmpty() ? chosen + u'.' + suffix : chosen);
    m_pathChosen = true;
}

BriefExportRequest ExportDialog::request() const {
    BriefExportRequest request;
    request.annotatedOnly = m_annotatedOnly->isChecked();
    request.title = m_title->text().trimmed();
    request.format = format();
    request.path = QFileInfo(path()).absoluteFilePath();
    switch (source()) {
    case Source::Filter:
        request.filter = m_choices.filter;
        request.filterDescription = m_filterDescription;
        break;
    case Source::Selection:
        request.ids = m_choices.selectedIds;
        break;
    case Source::Brief:
        request.ids = m_choices.briefIds;
        request.introduction = m_choices.briefIntroduction;
        break;
    }
    return request;
}

void ExportDialog::accept() {
    const QString file = path();
    if (file.isEmpty()) {
        m_path->setFocus();
        return;
    }
    const QFileInfo info(file);
    if (!info.absoluteDir().exists()) {
        QMessageBox::warning(
            this, tr("Export"),
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())));
        return;
    }
    if (info.exists() && !m_pathChosen &&
        QMessageBox::question(this, tr("Export"),
                              tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(file)),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    if (source() == Source::Filter && m_filterCount > manyArticles) {
        QMessageBox box(QMessageBox::Question, tr("Export"),
                        tr("Export all %L1 articles the list shows?").arg(m_filterCount),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("A brief is usually a few dozen articles. Narrow the filter, or select the "
                                  "articles or compose a brief, to export fewer."));
        QPushButton* all = box.addButton(tr("Export All"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != all)
            return;
    }
    AppSettings::setExportFolder(info.absolutePath());
    QDialog::accept();
}
