// Keyboard shortcuts: every menu command that has a shortcut is configurable and no two share
// one; Edit → Configure Keyboard Shortcuts records a new key with real key presses, refuses a
// key that types text, asks before taking another command's key, and the change survives a
// restart.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "window/AppSettings.h"
#include "window/KeyboardShortcuts.h"
#include "window/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

using namespace mirsad;

namespace {

QAction* actionNamed(MainWindow& window, const QString& name) {
    return window.findChild<QAction*>(name);
}

// Runs `act` on the modal dialog of this type once it is shown.
template <typename Dialog> void whenShown(std::function<void(Dialog*)> act) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* dialog = qobject_cast<Dialog*>(widget); dialog && dialog->isVisible()) {
                timer->stop();
                timer->deleteLater();
                act(dialog);
                if (dialog->isVisible()) // a failed check left it open: do not hang in exec()
                    dialog->reject();
                return;
            }
        }
    });
    timer->start();
}

QTreeWidgetItem* rowFor(QTreeWidget* list, const QString& label) {
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == label)
            return list->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestShortcuts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    // The convention the editor relies on: a command with a shortcut has a name to keep the
    // user's choice under, and no key starts two commands.
    void everyShortcutIsConfigurableAndUnique() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("names.sqlite")));
        QVERIFY(open.window);
        QHash<QKeySequence, QString> used;
        const QList<QAction*> actions = open.window->findChildren<QAction*>();
        for (QAction* action : actions) {
            if (action->shortcuts().isEmpty() || action->menu())
                continue;
            QVERIFY2(!action->objectName().isEmpty(),
                     qPrintable(QStringLiteral("“%1” has a shortcut but no objectName").arg(action->text())));
            for (const QKeySequence& sequence : action->shortcuts()) {
                const QString other = used.value(sequence);
                QVERIFY2(other.isEmpty() || other == action->objectName(),
                         qPrintable(QStringLiteral("%1 is the shortcut of both %2 and %3")
                                        .arg(sequence.toString(), other, action->objectName())));
                used.insert(sequence, action->objectName());
            }
        }
        const QList<KeyboardShortcuts::Entry> entries = KeyboardShortcuts::entries(open.window.get());
        QVERIFY(entries.size() >= 25);
        const auto highlight = std::find_if(entries.cbegin(), entries.cend(), [](const auto& e) {
            return e.id == QLatin1String("actionHighlight");
        });
        QVERIFY(highlight != entries.cend());
        QCOMPARE(highlight->label, QStringLiteral("Article › Highlight"));
        QCOMPARE(highlight->defaults, QList<QKeySequence>{QKeySequence(QStringLiteral("Ctrl+H"))});
    }

    void userChangesAShortcutByKeyboard() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.sqlite"));
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            bool checked = false;
            whenShown<ShortcutsDialog>([&checked](ShortcutsDialog* dialog) {
                auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("shortcutSearch"));
                auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("shortcutList"));
                auto* edit = dialog->findChild<QKeySequenceEdit*>(QStringLiteral("shortcutEdit"));
                auto* problem = dialog->findChild<QLabel*>(QStringLiteral("shortcutProblem"));
                auto* reassign = dialog->findChild<QPushButton*>(QStringLiteral("shortcutReassign"));
                // The list's own keys are shown too.
                QVERIFY(rowFor(list, QStringLiteral("Article list and reader › Next article")));
                QTest::keyClicks(search, QStringLiteral("highlight"));
                QTreeWidgetItem* row = rowFor(list, QStringLiteral("Article › Highlight"));
                QVERIFY(row && !row->isHidden());
                QVERIFY(rowFor(list, QStringLiteral("View › Raw Source"))->isHidden());
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
                QCOMPARE(list->currentItem(), row);

                // A bare letter would steal typing: refused, with the reason.
                edit->setFocus();
                QTest::keyClick(edit, Qt::Key_H);
                QTRY_VERIFY(problem->isVisible());
                QVERIFY(problem->text().contains(QStringLiteral("types text")));
                QCOMPARE(row->text(1),
                         QKeySequence(QStringLiteral("Ctrl+H")).toString(QKeySequence::NativeText));

                // Ctrl+U belongs to Raw Source: not taken until the user reassigns it.
                edit->setFocus();
                QTest::keyClick(edit, Qt::Key_U, Qt::ControlModifier);
                QTRY_VERIFY(reassign->isVisible());
                QVERIFY(problem->text().contains(QStringLiteral("View › Raw Source")));
                QCOMPARE(row->text(1),
                         QKeySequence(QStringLiteral("Ctrl+H")).toString(QKeySequence::NativeText));

                // A free key is taken at once.
                edit->setFocus();
                QTest::keyClick(edit, Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
                QTRY_COMPARE(row->text(1),
                             QKeySequence(QStringLiteral("Ctrl+Alt+L")).toString(QKeySequence::NativeText));
                QVERIFY(!reassign->isVisible());
                QVERIFY(dialog->grab().save(test::screenshotPath(QStringLiteral("shortcuts-dialog.png"))));
                checked = true;
                QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                                  Qt::LeftButton);
            });
            // The user opens the editor from the keyboard.
            window.articleView()->setFocus();
            QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier | Qt::AltModifier);
            QVERIFY(checked);
            QCOMPARE(actionNamed(window, QStringLiteral("actionHighlight"))->shortcut(),
                     QKeySequence(QStringLiteral("Ctrl+Alt+L")));
            QCOMPARE(actionNamed(window, QStringLiteral("actionRawSource"))->shortcut(),
                     QKeySequence(QStringLiteral("Ctrl+U")));
        }
        // A new window (a restart) has the user's key, and the default is still known.
        test::OpenWindow again = test::openWindow(path);
        QVERIFY(again.window);
        QAction* highlight = actionNamed(*again.window, QStringLiteral("actionHighlight"));
        QCOMPARE(highlight->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+L")));
        const QList<KeyboardShortcuts::Entry> entries = KeyboardShortcuts::entries(again.window.get());
        const auto entry = std::find_if(entries.cbegin(), entries.cend(), [](const auto& e) {
            return e.id == QLatin1String("actionHighlight");
        });
        QCOMPARE(entry->defaults, QList<QKeySequence>{QKeySequence(QStringLiteral("Ctrl+H"))});

        // Reset All brings the defaults back.
        bool reset = false;
        whenShown<ShortcutsDialog>([&reset](ShortcutsDialog* dialog) {
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("shortcutResetAll")),
                              Qt::LeftButton);
            reset = true;
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        });
        again.window->menuBar()->setFocus();
        QTest::keyClick(again.window.get(), Qt::Key_Comma, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(reset);
        QCOMPARE(highlight->shortcut(), QKeySequence(QStringLiteral("Ctrl+H")));
        QVERIFY(AppSettings::shortcutOverrides().isEmpty());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
