#include "window/KeyboardShortcuts.h"

#include "window/AppSettings.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>

namespace KeyboardShortcuts {

namespace {

const char* const kDefaults = "mirsadDefaultShortcuts";

// A menu text as the user reads it: "&Highlight\tCtrl+H" is "Highlight".
QString plain(QString text) {
    text = text.section(u'\t', 0, 0);
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

void collect(QMenu* menu, const QString& path, QList<Entry>& out, QSet<QAction*>& seen) {
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (QMenu* sub = action->menu()) {
            collect(sub, path + QStringLiteral(" › ") + plain(sub->title()), out, seen);
            continue;
        }
        if (action->objectName().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        out.append({action, action->objectName(), path + QStringLiteral(" › ") + plain(action->text()), {}});
    }
}

} // namespace

QList<Entry> entries(QMainWindow* window) {
    QList<Entry> out;
    QSet<QAction*> seen;
    for (QAction* top : window->menuBar()->actions()) {
        if (QMenu* menu = top->menu())
            collect(menu, plain(menu->title()), out, seen);
    }
    for (QAction* action : window->actions()) {
        if (!action->objectName().isEmpty() && !seen.contains(action)) {
            seen.insert(action);
            out.append({action, action->objectName(), plain(action->text()), {}});
        }
    }
    for (Entry& entry : out) {
        const QVariant recorded = entry.action->property(kDefaults);
        entry.defaults =
            recorded.isValid() ? recorded.value<QList<QKeySequence>>() : entry.action->shortcuts();
    }
    return out;
}

void applyUserShortcuts(QMainWindow* window) {
    const QHash<QString, QList<QKeySequence>> overrides = AppSettings::shortcutOverrides();
    for (const Entry& entry : entries(window)) {
        if (!entry.action->property(kDefaults).isValid())
            entry.action->setProperty(kDefaults, QVariant::fromValue(entry.action->shortcuts()));
        if (const auto found = overrides.constFind(entry.id); found != overrides.constEnd())
            entry.action->setShortcuts(*found);
    }
}

void assign(const QList<Entry>& entries, const QList<QList<QKeySequence>>& shortcuts) {
    QHash<QString, QList<QKeySequence>> overrides;
    for (qsizetype i = 0; i < entries.size() && i < shortcuts.size(); ++i) {
        const Entry& entry = entries.at(i);
        if (!entry.action->property(kDefaults).isValid())
            entry.action->setProperty(kDefaults, QVariant::fromValue(entry.defaults));
        entry.action->setShortcuts(shortcuts.at(i));
        if (shortcuts.at(i) != entry.defaults)
            overrides.insert(entry.id, shortcuts.at(i));
    }
    AppSettings::setShortcutOverrides(overrides);
}

QList<std::pair<QString, QString>> singleKeys() {
    const auto tr = [](const char* text) { return QCoreApplication::translate("KeyboardShortcuts", text); };
    return {{tr("J"), tr("Next article")},
            {tr("K"), tr("Previous article")},
            {tr("Space"), tr("Page down, then the next article")},
            {tr("Shift+Space"), tr("Page up")},
            {tr("S"), tr("Star or unstar")},
            {tr("M"), tr("Mark read or unread")}};
}

} // namespace KeyboardShortcuts
