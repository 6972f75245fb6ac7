// File → Open Team Database…: the dialog an analyst fills in to reach the desk's PostgreSQL
// server, against the test run's own server. A database that is not there is a sentence under the
// fields, and nothing changes; the right one is accepted, remembered among the recent archives
// without a password, and offered again next time.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "archives/ArchiveActions.h"
#include "archives/TeamDatabaseDialog.h"
#include "storage/Location.h"
#include "window/AppSettings.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestTeamDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    void aMissingDatabaseIsASentenceAndTheRightOneIsAccepted() {
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const storage::Location target = *storage::Location::parse(server.location());

        TeamDatabaseDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* host = dialog.findChild<QLineEdit*>(u"host"_s);
        auto* database = dialog.findChild<QLineEdit*>(u"database"_s);
        auto* user = dialog.findChild<QLineEdit*>(u"user"_s);
        auto* status = dialog.findChild<QLabel*>(u"status"_s);
        auto* connectButton = dialog.findChild<QPushButton*>(u"connect"_s);
        QVERIFY(host && database && user && status && connectButton);

        // Typed as a user types: the socket folder, a database name with a typo, the user.
        QTest::keyClicks(host, target.host);
        QTest::keyClicks(database, u"no_such_desk"_s);
        QTest::keyClicks(user, target.user);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"has no database named \"no_such_desk\""_s), 15000);
        QVERIFY(dialog.isVisible());
        QVERIFY(connectButton->isDefault()); // Return still connects, never cancels
        QTRY_VERIFY(database->hasFocus());   // the field to fix, its text selected
        QCOMPARE(database->selectedText(), u"no_such_desk"_s);
        dialog.grab().save(test::screenshotPath(u"teamdatabase-missing.png"_s));

        QTest::keyClicks(database, target.database); // typed over the selection
        QTest::keyClick(database, Qt::Key_Return);   // the default button
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 15000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const storage::Location accepted = *storage::Location::parse(dialog.acceptedLocation());
        QCOMPARE(accepted.host, target.host);
        QCOMPARE(accepted.database, target.database);
        QCOMPARE(accepted.user, target.user);
    }

    void aSavedLocationFillsTheFieldsAndKeepsNoPassword() {
        AppSettings::addRecentArchive(
            u"postgresql://ana:s3cret@db.desk.example:5433/desk?sslmode=verify-full"_s);
        const QStringList recent = AppSettings::recentArchives();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.first(), u"postgresql://ana@db.desk.example:5433/desk?sslmode=verify-full"_s);

        TeamDatabaseDialog dialog;
        auto* recentBox = dialog.findChild<QComboBox*>(u"recentServers"_s);
        QVERIFY(recentBox && recentBox->isEnabled());
        const int index = recentBox->findData(recent.first());
        QVERIFY(index > 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        recentBox->setFocus();
        recentBox->setCurrentIndex(index);
        emit recentBox->activated(index); // what choosing it from the list emits
        QCOMPARE(dialog.findChild<QLineEdit*>(u"host"_s)->text(), u"db.desk.example"_s);
        QCOMPARE(dialog.findChild<QSpinBox*>(u"port"_s)->value(), 5433);
        QCOMPARE(dialog.findChild<QLineEdit*>(u"database"_s)->text(), u"desk"_s);
        QCOMPARE(dialog.findChild<QLineEdit*>(u"user"_s)->text(), u"ana"_s);
        QVERIFY(dialog.findChild<QLineEdit*>(u"password"_s)->text().isEmpty());
        QCOMPARE(dialog.findChild<QComboBox*>(u"encryption"_s)->currentData().toString(), u"verify-full"_s);
        QCOMPARE(dialog.location().display(), recent.first());
        dialog.grab().save(test::screenshotPath(u"teamdatabase-recent.png"_s));
    }

    void theFileMenuOffersBothKindsOfArchive() {
        QWidget window;
        ArchiveActions actions(&window, u"/tmp/mirsad.sqlite"_s);
        QCOMPARE(actions.openFileAction()->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(actions.openTeamDatabaseAction()->shortcut(), QKeySequence(u"Ctrl+Shift+O"_s));
        QSignalSpy requested(&actions, &ArchiveActions::openRequested);
        emit actions.recentMenu()->aboutToShow();
        const QList<QAction*> items = actions.recentMenu()->actions();
        QVERIFY(!items.isEmpty());
        items.first()->trigger();
        QCOMPARE(requested.size(), 1);
        QVERIFY(storage::isPostgresUri(requested.first().first().toString()));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestTeamDatabase)
#include "tst_teamdatabase.moc"
