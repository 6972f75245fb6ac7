#pragma once

#include "storage/Location.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// File → Open Team Database…: where the desk's PostgreSQL server is, tried before the window
// switches to it. Each failure is one sentence under the fields (server down, wrong password, no
// such database, TLS required); a server that asks for a password gets the password field's focus.
// A password typed here lives in this process's memory only (storage::rememberPassword), never in
// the settings; libpq's own ~/.pgpass and PGPASSWORD need nothing typed.
class TeamDatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit TeamDatabaseDialog(QWidget* parent = nullptr);

    // The fields from a location (a recent one, or the one the window has open).
    void setLocation(const QString& location);
    // The location the fields describe, without the password.
    mirsad::storage::Location location() const;

    // After accept(): the server answered; the location to open.
    QString acceptedLocation() const { return m_accepted; }

private:
    void connectToServer();
    void showFailure(const QString& sentence);
    void setBusy(bool busy);

    QComboBox* m_recent;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QComboBox* m_encryption;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QString m_accepted;
    bool m_busy = false;
    QList<std::pair<QString, QString>> m_otherOptions; // from a URI: kept, not shown
};
