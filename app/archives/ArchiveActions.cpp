#include "archives/ArchiveActions.h"

#include "archives/TeamDatabaseDialog.h"
#include "storage/Backup.h"
#include "storage/Location.h"
#include "window/AppSettings.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QtConcurrentRun>

ArchiveActions::ArchiveActions(QWidget* window, QString currentLocation)
    : QObject(window)
    , m_window(window)
    , m_current(std::move(currentLocation))
    , m_openFile(new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Archive…"), this))
    , m_openTeam(new QAction(QIcon::fromTheme(QStringLiteral("network-server-database")),
                             tr("Open &Team Database…"), this))
    , m_recent(new QMenu(tr("Open &Recent"), window)) {
    m_openFile->setObjectName(QStringLiteral("actionOpenArchive"));
    m_openFile->setShortcut(QKeySequence::Open);
    m_openFile->setToolTip(tr("Open an archive file (SQLite) on this computer"));
    m_openTeam->setObjectName(QStringLiteral("actionOpenTeamDatabase"));
    m_openTeam->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_openTeam->setToolTip(tr("Open the archive your desk shares on a PostgreSQL server"));
    m_recent->setObjectName(QStringLiteral("menuOpenRecent"));
    m_recent->setIcon(QIcon::fromTheme(QStringLiteral("document-open-recent")));
    connect(m_openFile, &QAction::triggered, this, &ArchiveActions::chooseFile);
    connect(m_openTeam, &QAction::triggered, this, &ArchiveActions::chooseTeamDatabase);
    connect(m_recent, &QMenu::aboutToShow, this, &ArchiveActions::fillRecentMenu);
    fillRecentMenu(); // so that the menu is not empty (and disabled) before it is first shown
}

void ArchiveActions::chooseFile() {
    const QString start =
        mirsad::storage::isPostgresUri(m_current) ? QString() : QFileInfo(m_current).absolutePath();
    const QString file = QFileDialog::getOpenFileName(m_window, tr("Open Archive"), start,
                                                      tr("Mirsad archives (*.sqlite *.db);;All files (*)"));
    if (!file.isEmpty())
        emit openRequested(file);
}

void ArchiveActions::chooseTeamDatabase() {
    TeamDatabaseDialog dialog(m_window);
    if (mirsad::storage::isPostgresUri(m_current))
        dialog.setLocation(m_current);
    if (dialog.exec() == QDialog::Accepted)
        emit openRequested(dialog.acceptedLocation());
}

void ArchiveActions::fillRecentMenu() {
    m_recent->clear();
    const QStringList recent = AppSettings::recentArchives();
    for (const QString& location : recent) {
        // Isolated left to right: a path or a URI reads the same in an Arabic menu.
        QAction* action = m_recent->addAction(QChar(0x2066) + location + QChar(0x2069), this,
                                              [this, location] { emit openRequested(location); });
        action->setIcon(QIcon::fromTheme(mirsad::storage::isPostgresUri(location)
                                             ? QStringLiteral("network-server-database")
                                             : QStringLiteral("text-x-generic")));
        action->setEnabled(location != m_current);
    }
    if (recent.isEmpty()) {
        m_recent->addAction(tr("No archives opened yet"))->setEnabled(false);
        return;
    }
    m_recent->addSeparator();
    m_recent->addAction(tr("&Clear the List"), this, [] { AppSettings::clearRecentArchives(); });
}

QString ArchiveActions::backupToOffer(const QString& reason) const {
    if (mirsad::storage::isPostgresUri(m_current) ||
        mirsad::storage::restoreAdvice(m_current, reason).isEmpty())
        return {};
    const QList<mirsad::storage::ArchiveBackup> backups = mirsad::storage::archiveBackups(m_current);
    return backups.isEmpty() ? QString() : backups.first().path;
}

void ArchiveActions::restoreFrom(const QString& backup) {
    const QFileInfo info(backup);
    const auto answer = QMessageBox::question(
        m_window, tr("Restore the Backup"),
        tr("Restore %1 from the backup made %2?\n\nThe damaged file is not deleted: it is kept beside it, "
           "renamed.")
            .arg(QFileInfo(m_current).fileName(),
                 QLocale().toString(info.lastModified(), QLocale::LongFormat)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString archive = QFileInfo(m_current).absoluteFilePath();
    // A large archive takes a while to copy: off the window's thread.
    QtConcurrent::run([backup, archive] {
        return mirsad::storage::restoreArchive(backup, archive);
    }).then(this, [this](const mirsad::Result<QString>& restored) {
        if (restored)
            emit openRequested(m_current);
        else
            emit restoreFailed(restored.error());
    });
}
