#include "archives/TeamDatabaseDialog.h"

#include "storage/PostgresDatabase.h"
#include "window/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using mirsad::storage::Location;

namespace {

constexpr int kDefaultPort = 5432;

// libpq's sslmode values, in the order offered.
struct Encryption {
    const char* mode;
    const char* label;
};
constexpr Encryption kEncryptions[] = {
    {"prefer", QT_TRANSLATE_NOOP("TeamDatabaseDialog", "When the server offers it (libpq's default)")},
    {"require", QT_TRANSLATE_NOOP("TeamDatabaseDialog", "Always")},
    {"verify-full", QT_TRANSLATE_NOOP("TeamDatabaseDialog", "Always, with the server's certificate checked")},
    {"disable", QT_TRANSLATE_NOOP("TeamDatabaseDialog", "Never")},
};

} // namespace

TeamDatabaseDialog::TeamDatabaseDialog(QWidget* parent)
    : QDialog(parent)
    , m_recent(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_encryption(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Open Team Database"));
    setObjectName(QStringLiteral("teamDatabaseDialog"));

    auto* intro = new QLabel(tr("The PostgreSQL server your desk shares. Mirsad creates its tables in an "
                                "empty database. A password comes from ~/.pgpass or PGPASSWORD, or from "
                                "this dialog; it is never saved."),
                             this);
    intro->setWordWrap(true);

    m_recent->setObjectName(QStringLiteral("recentServers"));
    m_recent->addItem(tr("(a new server)"));
    for (const QString& recent : AppSettings::recentArchives()) {
        if (mirsad::storage::isPostgresUri(recent))
            m_recent->addItem(recent, recent);
    }
    m_recent->setEnabled(m_recent->count() > 1);
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        if (const QString location = m_recent->itemData(index).toString(); !location.isEmpty())
            setLocation(location);
    });

    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("db.desk.example, or a socket folder such as /run/postgresql"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setGroupSeparatorShown(false);
    m_port->setLocale(QLocale::c()); // a port is typed and read as in the URI: 5432, in any language
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("the archive's database, e.g. desk"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("your login name"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from ~/.pgpass or PGPASSWORD when empty"));
    m_encryption->setObjectName(QStringLiteral("encryption"));
    for (const Encryption& encryption : kEncryptions)
        m_encryption->addItem(tr(encryption.label), QString::fromLatin1(encryption.mode));
    // Host names, ports and URIs read left to right in any interface language.
    for (QLineEdit* field : {m_host, m_database, m_user, m_password})
        field->setLayoutDirection(Qt::LeftToRight);

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Recent:"), m_recent);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Encryption:"), m_encryption);

    QPushButton* connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connect"));
    connectButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamDatabaseDialog::connectToServer);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
}

void TeamDatabaseDialog::setLocation(const QString& text) {
    mirsad::Result<Location> parsed = Location::parse(text);
    if (!parsed || !parsed->isPostgres())
        return;
    m_host->setText(parsed->host);
    m_port->setValue(parsed->port.isEmpty() || parsed->port.contains(u',') ? kDefaultPort
                                                                           : parsed->port.toInt());
    m_database->setText(parsed->database);
    m_user->setText(parsed->user);
    m_password->clear();
    m_otherOptions.clear();
    m_encryption->setCurrentIndex(0);
    for (const auto& [key, value] : std::as_const(parsed->options)) {
        if (key == QLatin1String("sslmode") && m_encryption->findData(value) >= 0)
            m_encryption->setCurrentIndex(m_encryption->findData(value));
        else if (key != QLatin1String("sslmode"))
            m_otherOptions.append({key, value});
    }
    m_status->clear();
}

Location TeamDatabaseDialog::location() const {
    Location location;
    location.kind = Location::Kind::PostgreSQL;
    location.host = m_host->text().trimmed();
    if (m_port->value() != kDefaultPort)
        location.port = QString::number(m_port->value());
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.options = m_otherOptions;
    if (const QString mode = m_encryption->currentData().toString(); mode != QLatin1String("prefer"))
        location.options.append({QStringLiteral("sslmode"), mode});
    return location;
}

void TeamDatabaseDialog::connectToServer() {
    if (m_busy)
        return;
    const Location target = location();
    if (target.database.isEmpty()) {
        showFailure(tr("Name the database the archive is in."));
        m_database->setFocus();
        return;
    }
    if (!m_password->text().isEmpty())
        mirsad::storage::rememberPassword(target, m_password->text());
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Connecting to %1…").arg(target.display()));
    QtConcurrent::run([target] {
        return mirsad::storage::checkPostgresConnection(target);
    }).then(this, [this, target](const mirsad::storage::ConnectionCheck& check) {
        setBusy(false);
        if (check.status) {
            m_accepted = target.display();
            accept();
            return;
        }
        showFailure(check.status.error());
        // The field to fix next has the focus, its text selected for retyping.
        QWidget* field = nullptr;
        switch (check.fault) {
        case mirsad::storage::ConnectionFault::Password:
            field = m_password;
            break;
        case mirsad::storage::ConnectionFault::Database:
            field = m_database;
            break;
        case mirsad::storage::ConnectionFault::User:
            field = m_user;
            break;
        case mirsad::storage::ConnectionFault::Server:
            field = m_host;
            break;
        case mirsad::storage::ConnectionFault::Encryption:
            field = m_encryption;
            break;
        case mirsad::storage::ConnectionFault::Other:
            break;
        }
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            edit->selectAll();
        if (field)
            field->setFocus();
    });
}

void TeamDatabaseDialog::showFailure(const QString& sentence) {
    m_status->setText(sentence);
    m_status->setStyleSheet(
        QStringLiteral("color: white; background: #b3261e; padding: 6px; border-radius: 3px;"));
}

void TeamDatabaseDialog::setBusy(bool busy) {
    // Nothing is disabled while the server is tried: a disabled widget hands its focus on, and a
    // focused Cancel becomes the button Return presses. A second Connect meanwhile is ignored.
    m_busy = busy;
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}
