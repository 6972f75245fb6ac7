#include "feeds/AddFeedDialog.h"

#include "ingest/FeedUpdater.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace mirsad;

AddFeedDialog::AddFeedDialog(ingest::FeedUpdater& updater, const QList<storage::FolderInfo>& folders,
                             qint64 folderId, QWidget* parent)
    : QDialog(parent)
    , m_updater(updater)
    , m_url(new QLineEdit)
    , m_title(new QLineEdit)
    , m_folder(new QComboBox)
    , m_hint(new QLabel)
    , m_problem(new QWidget)
    , m_problemText(new QLabel)
    , m_checking(new QWidget)
    , m_checkingText(new QLabel)
    , m_busy(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Add a feed"));
    setObjectName(QStringLiteral("addFeedDialog"));
    m_url->setObjectName(QStringLiteral("feedUrl"));
    m_url->setPlaceholderText(tr("https://example.org/feed or the site's address"));
    m_url->setMinimumWidth(420);
    m_title->setObjectName(QStringLiteral("feedTitle"));
    m_title->setPlaceholderText(tr("Use the feed's own name"));
    m_folder->addItem(tr("No folder"), qint64(0));
    for (const storage::FolderInfo& folder : folders)
        m_folder->addItem(folder.name, folder.id);
    m_folder->setCurrentIndex(qMax(0, m_folder->findData(folderId)));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(
        tr("RSS, Atom and JSON Feed are supported. Given a web page, Mirsad subscribes to the feed it "
           "announces."));

    // What is wrong with the address: why Subscribe is disabled, or why subscribing failed.
    m_problem->setObjectName(QStringLiteral("feedProblem"));
    m_problemText->setObjectName(QStringLiteral("feedProblemText"));
    m_problemText->setWordWrap(true);
    m_problemText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* problemIcon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    problemIcon->setAlignment(Qt::AlignTop);
    auto* problemRow = new QHBoxLayout(m_problem);
    problemRow->setContentsMargins(0, 0, 0, 0);
    problemRow->addWidget(problemIcon);
    problemRow->addWidget(m_problemText, 1);
    m_problem->hide();

    // While the address is checked.
    m_checking->setObjectName(QStringLiteral("feedChecking"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_checkingText->setWordWrap(true);
    auto* checkingRow = new QVBoxLayout(m_checking);
    checkingRow->setContentsMargins(0, 0, 0, 0);
    checkingRow->addWidget(m_checkingText);
    checkingRow->addWidget(m_busy);
    m_checking->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Name:"), m_title);
    form->addRow(tr("&Folder:"), m_folder);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_problem);
    layout->addWidget(m_checking);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Subscribe"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddFeedDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddFeedDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &AddFeedDialog::validate);
    connect(&m_updater, &ingest::FeedUpdater::subscriptionFinished, this,
            &AddFeedDialog::onSubscriptionFinished);

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
    if ((url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty())
        return url;
    return {};
}

QString AddFeedDialog::problemWithInput(const QString& input) {
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty() || urlFromInput(trimmed).isValid())
        return {};
    if (trimmed.contains(u' '))
        return tr("A web address has no spaces: paste the feed's address, such as "
                  "https://example.org/feed.");
    const QUrl url = QUrl::fromUserInput(trimmed);
    if (!url.scheme().isEmpty() && url.scheme() != u"http" && url.scheme() != u"https")
        return tr("Only web addresses (http:// or https://) can be subscribed to, not %1: addresses.")
            .arg(url.scheme());
    return tr("“%1” is not a web address: it should look like https://example.org/feed.").arg(trimmed);
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

void AddFeedDialog::setAddress(const QString& address) {
    m_url->setText(address);
}

void AddFeedDialog::showProblem(const QString& text) {
    m_problemText->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void AddFeedDialog::validate() {
    const bool valid = url().isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !isChecking());
    showProblem(problemWithInput(m_url->text()));
}

void AddFeedDialog::accept() {
    if (isChecking() || !url().isValid())
        return;
    showProblem({});
    m_checkingText->setText(tr("Checking %1…").arg(url().toDisplayString()));
    setChecking(true);
    m_ticket = m_updater.subscribe(url(), title(), folderId());
}

void AddFeedDialog::reject() {
    if (isChecking())
        m_updater.cancelSubscription(std::exchange(m_ticket, 0));
    QDialog::reject();
}

void AddFeedDialog::setChecking(bool checking) {
    m_checking->setVisible(checking);
    for (QWidget* field :
         {static_cast<QWidget*>(m_url), static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_folder)})
        field->setEnabled(!checking);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!checking && url().isValid());
    if (!checking) {
        m_url->setFocus();
        m_url->selectAll();
    }
}

void AddFeedDialog::onSubscriptionFinished(int ticket, qint64 feedId, const QString& error) {
    if (ticket == 0 || ticket != m_ticket)
        return;
    m_ticket = 0;
    setChecking(false);
    if (feedId > 0 && error.isEmpty()) {
        m_feedId = feedId;
        QDialog::accept();
        return;
    }
    showProblem(error);
}
