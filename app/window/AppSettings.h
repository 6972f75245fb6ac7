#pragma once

#include <QFont>
#include <QString>

// The user's preferences, kept in QSettings, with their defaults.
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

// Applies the theme to the whole application (Fusion with a dark palette for Dark).
void applyTheme(Theme theme);

} // namespace AppSettings
