#include "feeds/AddFeedDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AddFeedDialog::AddFeedDialog(const QList<mirsad::storage::FolderInfo>& folders, qint64 folderId,
                             QWidget* parent)
    : QDialog(parent)
    , m_url(new QLineEdit)
    , m_title(new QLineEdit)
    , m_folder(new QComboBox)
    , m_hint(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Add a feed"));
    setObjectName(QStringLiteral("addFeedDialog"));
    m_url->setObjectName(QStringLiteral("feedUrl"));
    m_url->setPlaceholderText(tr("https://example.org/feed or the site's address"));
    m_url->setMinimumWidth(420);
    m_title->setPlaceholderText(tr("Use the feed's own name"));
    m_folder->addItem(tr("No folder"), qint64(0));
    for (const mirsad::storage::FolderInfo& folder : folders)
        m_folder->addItem(folder.name, folder.id);
    m_folder->setCurrentIndex(qMax(0, m_folder->findData(folderId)));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(
        tr("RSS, Atom and JSON Feed are supported. Given a web page, Mirsad subscribes to the feed it "
           "announces."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Name:"), m_title);
    form->addRow(tr("&Folder:"), m_folder);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Subscribe"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &AddFeedDialog::validate);

    // A copied address is the usual way in.
    const QUrl clipboard = urlFromInput(QApplication::clipboard()->text().trimmed());
    if (clipboard.isValid() && !clipboard.host().isEmpty())
        m_url->setText(clipboard.toString());
    validate();
}

QUrl AddFeedDialog::urlFromInput(const QString& input) {
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u' '))
        return {};
    QUrl url = QUrl::fromUserInput(trimmed);
    if (url.scheme() == u"http" || url.scheme() == u"https")
        return url.host().contains(u'.') || url.host() == u"localhost" || !url.host().isEmpty() ? url
                                                                                                : QUrl();
    return {};
}

QUrl AddFeedDialog::url() const {
    return urlFromInput(m_url->text());
}

QString AddFeedDialog::title() const {
    return m_title->text().simplified();
}

qint64 AddFeedDialog::folderId() const {
    return m_folder->currentData().toLongLong();
}

void AddFeedDialog::validate() {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(url().isValid());
}
