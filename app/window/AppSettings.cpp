#include "window/AppSettings.h"

#include "annotations/NoteAuthor.h"
#include "storage/Location.h"

#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

namespace AppSettings {

QString author() {
    return mirsad::annotations::noteAuthor();
}

void setAuthor(const QString& value) {
    mirsad::annotations::setNoteAuthor(value);
}

Theme theme() {
    const QString value = QSettings().value(QStringLiteral("theme")).toString();
    if (value == QLatin1String("light"))
        return Theme::Light;
    if (value == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void setTheme(Theme value) {
    QSettings().setValue(QStringLiteral("theme"), value == Theme::Light  ? QStringLiteral("light")
                                                  : value == Theme::Dark ? QStringLiteral("dark")
                                                                         : QStringLiteral("system"));
}

QFont readerFont() {
    QFont font = QApplication::font();
    font.setPointSizeF(qMax(11.0, font.pointSizeF() + 1));
    const QString stored = QSettings().value(QStringLiteral("reader/font")).toString();
    if (!stored.isEmpty())
        font.fromString(stored);
    return font;
}

void setReaderFont(const QFont& font) {
    QSettings().setValue(QStringLiteral("reader/font"), font.toString());
}

QFont arabicFont() {
    QFont font = readerFont();
    const QString stored = QSettings().value(QStringLiteral("reader/arabicFont")).toString();
    if (!stored.isEmpty()) {
        font.setFamily(stored);
        return font;
    }
    const QStringList families = QFontDatabase::families(QFontDatabase::Arabic);
    for (const QString& preferred : {QStringLiteral("Noto Naskh Arabic"), QStringLiteral("Noto Sans Arabic"),
                                     QStringLiteral("Amiri"), QStringLiteral("DejaVu Sans")})
        if (families.contains(preferred)) {
            font.setFamily(preferred);
            break;
        }
    return font;
}

void setArabicFont(const QFont& font) {
    QSettings().setValue(QStringLiteral("reader/arabicFont"), font.family());
}

int refreshMinutes() {
    return QSettings().value(QStringLiteral("feeds/refreshMinutes"), 60).toInt();
}

void setRefreshMinutes(int minutes) {
    QSettings().setValue(QStringLiteral("feeds/refreshMinutes"), minutes);
}

bool allowRemoteContentByDefault() {
    return QSettings().value(QStringLiteral("feeds/allowRemoteContent"), false).toBool();
}

void setAllowRemoteContentByDefault(bool allow) {
    QSettings().setValue(QStringLiteral("feeds/allowRemoteContent"), allow);
}

int readerZoom() {
    return QSettings().value(QStringLiteral("reader/zoom"), 0).toInt();
}

void setReaderZoom(int steps) {
    QSettings().setValue(QStringLiteral("reader/zoom"), steps);
}

QByteArray windowGeometry() {
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

void setWindowGeometry(const QByteArray& geometry) {
    QSettings().setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray mainSplitterState() {
    return QSettings().value(QStringLiteral("window/mainSplitter")).toByteArray();
}

void setMainSplitterState(const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/mainSplitter"), state);
}

QByteArray readerSplitterState() {
    return QSettings().value(QStringLiteral("window/readerSplitter")).toByteArray();
}

void setReaderSplitterState(const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/readerSplitter"), state);
}

// The key keeps the name this splitter was saved under first, so that saved layouts survive.
QByteArray notesSplitterState() {
    return QSettings().value(QStringLiteral("window/sideSplitter")).toByteArray();
}

void setNotesSplitterState(const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/sideSplitter"), state);
}

static QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32), base(0x1b, 0x1e, 0x20), text(0xfc, 0xfc, 0xfc);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x70));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x70));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x70, 0x70));
    return p;
}

void applyTheme(Theme value) {
    static const QString systemStyle = QApplication::style()->name();
    switch (value) {
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    case Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::System:
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    }
}

qint64 openBriefId() {
    return QSettings().value(QStringLiteral("briefs/openBrief"), 0).toLongLong();
}

void setOpenBriefId(qint64 id) {
    QSettings().setValue(QStringLiteral("briefs/openBrief"), id);
}

bool briefComposerShown() {
    return QSettings().value(QStringLiteral("briefs/composerShown"), false).toBool();
}

void setBriefComposerShown(bool shown) {
    QSettings().setValue(QStringLiteral("briefs/composerShown"), shown);
}

QString exportFolder() {
    const QString stored = QSettings().value(QStringLiteral("briefs/exportFolder")).toString();
    if (!stored.isEmpty() && QDir(stored).exists())
        return stored;
    // Documents when the system has one (a minimal install may not): never a folder that is not there.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
}

void setExportFolder(const QString& folder) {
    QSettings().setValue(QStringLiteral("briefs/exportFolder"), folder);
}

// Passwords never reach the settings file: a location is stored as it is displayed.
static QString withoutPassword(const QString& location) {
    mirsad::Result<mirsad::storage::Location> parsed = mirsad::storage::Location::parse(location);
    return parsed ? parsed->display() : QString();
}

QString archiveLocation() {
    return QSettings().value(QStringLiteral("archive/location")).toString();
}

void setArchiveLocation(const QString& location) {
    QSettings().setValue(QStringLiteral("archive/location"), withoutPassword(location));
}

QStringList recentArchives() {
    return QSettings().value(QStringLiteral("archive/recent")).toStringList();
}

void addRecentArchive(const QString& location) {
    constexpr int kKept = 8;
    const QString shown = withoutPassword(location);
    if (shown.isEmpty())
        return;
    QStringList recent = recentArchives();
    recent.removeAll(shown);
    recent.prepend(shown);
    QSettings().setValue(QStringLiteral("archive/recent"), recent.mid(0, kKept));
}

void clearRecentArchives() {
    QSettings().remove(QStringLiteral("archive/recent"));
}

QHash<QString, QList<QKeySequence>> shortcutOverrides() {
    QSettings settings;
    settings.beginGroup(QStringLiteral("shortcuts"));
    QHash<QString, QList<QKeySequence>> overrides;
    for (const QString& id : settings.childKeys())
        overrides.insert(
            id, QKeySequence::listFromString(settings.value(id).toString(), QKeySequence::PortableText));
    return overrides;
}

void setShortcutOverrides(const QHash<QString, QList<QKeySequence>>& overrides) {
    QSettings settings;
    settings.remove(QStringLiteral("shortcuts"));
    settings.beginGroup(QStringLiteral("shortcuts"));
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        settings.setValue(it.key(), QKeySequence::listToString(it.value(), QKeySequence::PortableText));
}

} // namespace AppSettings
