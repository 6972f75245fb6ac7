#pragma once

// Shared by the brief composer's and the export dialog's tests: the composer opened with its
// shortcut, articles added with Add to Brief as the analyst does.

#include "GuiTestSupport.h"
#include "briefs/BriefActions.h"
#include "briefs/BriefArticleModel.h"
#include "briefs/BriefArticleView.h"
#include "briefs/BriefComposer.h"
#include "window/AppSettings.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace mirsad::test {

inline void forgetBriefs() {
    AppSettings::setBriefComposerShown(false);
    AppSettings::setOpenBriefId(0);
}

inline BriefComposer* composerOf(MainWindow& window) {
    return window.briefs()->composer();
}

// QTest's release of Ctrl carries Ctrl, which Qt keeps as the keyboard's state: a list then
// takes the next setCurrentIndex() for Ctrl+click. A user lets go of the key.
inline void releaseModifiers(QWidget* widget) {
    QTest::keyRelease(widget, Qt::Key_Control, Qt::NoModifier);
}

// Ctrl+Shift+B, as the analyst opens the composer.
inline void openComposer(MainWindow& window) {
    window.articleView()->setFocus();
    QTest::keyClick(window.articleView(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    releaseModifiers(window.articleView());
    QTRY_VERIFY(window.briefs()->dock()->isVisible());
}

// New brief (the button), with this title typed over the proposed one.
inline void newBriefTitled(MainWindow& window, const QString& title) {
    BriefComposer* composer = composerOf(window);
    const qint64 before = composer->briefId();
    QTest::mouseClick(composer->findChild<QToolButton*>(QStringLiteral("newBriefButton")), Qt::LeftButton);
    QTRY_VERIFY(composer->hasBrief() && composer->briefId() != before);
    QTRY_VERIFY(composer->titleEdit()->hasFocus());
    QVERIFY(composer->titleEdit()->hasSelectedText()); // typing replaces the proposed title
    for (const QChar c : title)
        QTest::sendKeyEvent(QTest::Click, composer->titleEdit(), Qt::Key_unknown, QString(c), Qt::NoModifier);
    QCOMPARE(composer->titleEdit()->text(), title);
}

// Selects the article titled `title` in the list and presses Ctrl+B there.
inline void addWithShortcut(MainWindow& window, const QString& title) {
    QVERIFY(showArticleTitled(window, title));
    window.articleView()->setFocus();
    QTest::keyClick(window.articleView(), Qt::Key_B, Qt::ControlModifier);
    releaseModifiers(window.articleView());
}

// A right-click on the article titled `title`, then "Add to Brief" in the menu.
inline void addWithContextMenu(MainWindow& window, const QString& title) {
    QVERIFY(showArticleTitled(window, title));
    QTableView* view = window.articleView();
    const QRect rect = view->visualRect(view->currentIndex());
    bool chosen = false;
    QTimer::singleShot(200, [&chosen] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions())
            if (action->objectName() == u"actionAddToBrief") {
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                chosen = true;
                return;
            }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            view->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(view->viewport(), &event);
    QVERIFY(chosen);
}

inline qint64 idOfArticleTitled(MainWindow& window, const QString& title) {
    models::ArticleListModel* model = window.articleModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, models::ArticleListModel::TitleColumn).data().toString().contains(title))
            return model->articleId(row);
    return 0;
}

} // namespace mirsad::test
