#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

// The user's preferences and the window's layout, kept in QSettings, with their defaults. Every
// key the app stores is here.
namespace AppSettings {

enum class Theme { System, Light, Dark };

QString author(); // default: the user's login name
void setAuthor(const QString& author);
Theme theme();
void setTheme(Theme theme);
QFont readerFont();
void setReaderFont(const QFont& font);
QFont arabicFont(); // default: an installed Naskh face when there is one
void setArabicFont(const QFont& font);
int refreshMinutes();
void setRefreshMinutes(int minutes);
bool allowRemoteContentByDefault();
void setAllowRemoteContentByDefault(bool allow);
int readerZoom(); // steps from the reader's font size; default 0
void setReaderZoom(int steps);

// The main window's geometry and splitter positions, as saved by Qt (empty when never saved).
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& geometry);
QByteArray mainSplitterState();
void setMainSplitterState(const QByteArray& state);
QByteArray readerSplitterState();
void setReaderSplitterState(const QByteArray& state);
QByteArray notesSplitterState();
void setNotesSplitterState(const QByteArray& state);

// The brief open in the composer (0: none), brought back at the next start; whether the
// composer was shown.
qint64 openBriefId();
void setOpenBriefId(qint64 id);
bool briefComposerShown();
void setBriefComposerShown(bool shown);
// The folder the last export went to (default: the user's documents).
QString exportFolder();
void setExportFolder(const QString& folder);

// The archive the window opens when no --db is given: the one last chosen from the File menu (a
// file path or a PostgreSQL URI, never with a password); empty: the default file.
QString archiveLocation();
void setArchiveLocation(const QString& location);
// The archives opened from the File menu, the latest first (at most eight), without passwords.
QStringList recentArchives();
void addRecentArchive(const QString& location);
void clearRecentArchives();

// The keyboard shortcuts the user changed, by action objectName (an empty list: no shortcut).
QHash<QString, QList<QKeySequence>> shortcutOverrides();
void setShortcutOverrides(const QHash<QString, QList<QKeySequence>>& overrides);

// Applies the theme to the whole application (Fusion with a dark palette for Dark).
void applyTheme(Theme theme);

} // namespace AppSettings
