#include "window/AboutDialog.h"

#include "window/AppIcon.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QUrl>

void showAboutDialog(QWidget* parent, const QString& databasePath) {
    const QString archive =
        databasePath.isEmpty()
            ? QString()
            : QCoreApplication::translate("AboutDialog", "<p>Your archive: <a href=\"%1\">%2</a></p>")
                  .arg(QUrl::fromLocalFile(QFileInfo(databasePath).absolutePath()).toString(),
                       databasePath.toHtmlEscaped());
    const QString text =
        QStringLiteral("<h2>Mirsad</h2><p dir=\"rtl\"><b>مرصد</b></p>") +
        QCoreApplication::translate("AboutDialog", "<p>Version %1</p>").arg(QStringLiteral(MIRSAD_VERSION)) +
        QCoreApplication::translate(
            "AboutDialog",
            "<p>A news desk for Iraqi and Kurdish affairs: feeds in Arabic and English, the names of "
            "people, places and organisations recognised whatever the spelling, highlights and notes.</p>") +
        archive +
        QCoreApplication::translate(
            "AboutDialog",
            "<p>Mirsad is free software under the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU "
            "General Public License, version 3 or later</a>.</p>") +
        QCoreApplication::translate("AboutDialog", "<p>Built with Qt %1 and KDE's syntax highlighting.</p>")
            .arg(QString::fromLatin1(qVersion()));
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("aboutDialog"));
    box.setWindowTitle(QCoreApplication::translate("AboutDialog", "About Mirsad"));
    box.setIconPixmap(appIcon().pixmap(96, 96));
    box.setTextFormat(Qt::RichText);
    box.setTextInteractionFlags(Qt::TextBrowserInteraction);
    box.setText(text);
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}
