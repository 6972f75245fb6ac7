#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

// File → Open Archive… (an SQLite file), Open Team Database… (a PostgreSQL server) and Open
// Recent: each ends in openRequested with the location, which the program opens in place of the
// current archive (app/mirsad/main.cpp).
class ArchiveActions : public QObject {
    Q_OBJECT
public:
    ArchiveActions(QWidget* window, QString currentLocation);

    QAction* openFileAction() const { return m_openFile; }
    QAction* openTeamDatabaseAction() const { return m_openTeam; }
    QMenu* recentMenu() const { return m_recent; }

    // When the archive could not be opened for `reason`: the newest backup that would bring it
    // back (the file is damaged and has backups), or nothing.
    QString backupToOffer(const QString& reason) const;
    // Asks the user, then restores the archive from `backup` in the background (the damaged file
    // kept aside) and opens it again (openRequested); restoreFailed with a sentence otherwise.
    void restoreFrom(const QString& backup);

signals:
    void openRequested(const QString& location);
    void restoreFailed(const QString& message);

private:
    void chooseFile();
    void chooseTeamDatabase();
    void fillRecentMenu();

    QWidget* m_window;
    QString m_current;
    QAction* m_openFile;
    QAction* m_openTeam;
    QMenu* m_recent;
};
