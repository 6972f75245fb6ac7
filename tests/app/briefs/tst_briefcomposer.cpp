// The brief composer as the analyst uses it: opened with its shortcut, a brief created, titled
// and introduced, articles added with Add to Brief (shortcut and context menu) and dropped in
// from the article list, reordered with the keyboard, removed with Delete, and everything back
// after quitting and starting again. In the Arabic UI it is laid out right to left.

#include "BriefTestSupport.h"
#include "TestSupport.h"
#include "annotations/MarkdownEditor.h"
#include "models/ArticleListModel.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTextBrowser>
#include <QTranslator>

using namespace mirsad;

class TestBriefComposer : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    // Each test starts as on a first start: the composer closed, no brief open.
    void init() { test::forgetBriefs(); }

    void composeThenQuitAndComeBack() {
        const QString path = m_dir.filePath(QStringLiteral("compose.sqlite"));
        const QString title = QStringLiteral("Kirkuk and Sinjar — موجز");
        const QString intro = QStringLiteral("Two *agreements* this week.");
        QList<qint64> expected;
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            test::openComposer(window);
            BriefComposer* composer = test::composerOf(window);
            QVERIFY(!composer->hasBrief());

            test::newBriefTitled(window, title);
            QTest::mouseClick(composer->introductionEdit()->viewport(), Qt::LeftButton);
            QTest::keyClicks(composer->introductionEdit(), intro);

            // Two articles: Ctrl+B in the list, then the list's context menu.
            test::addWithShortcut(window, QStringLiteral("Sinjar"));
            const qint64 sinjar = test::idOfArticleTitled(window, QStringLiteral("Sinjar"));
            QTRY_COMPARE(composer->articleIds(), QList<qint64>{sinjar});
            test::addWithContextMenu(window, QStringLiteral("Al-Kazemi"));
            const qint64 kazemi = test::idOfArticleTitled(window, QStringLiteral("Al-Kazemi"));
            QTRY_COMPARE(composer->articleIds(), (QList<qint64>{sinjar, kazemi}));
            // Their titles are read in.
            QTRY_VERIFY(
                composer->articleModel()->index(1).data().toString().contains(QStringLiteral("Al-Kazemi")));
            // Adding one again changes nothing.
            test::addWithShortcut(window, QStringLiteral("Sinjar"));
            QCOMPARE(composer->articleIds(), (QList<qint64>{sinjar, kazemi}));

            // Alt+Up moves the second article first; Ctrl+Down moves it back, Alt+Up again.
            BriefArticleView* list = composer->articleView();
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualRect(list->model()->index(1, 0)).center());
            QCOMPARE(list->currentIndex().row(), 1);
            QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
            QCOMPARE(composer->articleIds(), (QList<qint64>{kazemi, sinjar}));
            QCOMPARE(list->currentIndex().row(), 0); // the moved article stays selected
            QTest::keyClick(list, Qt::Key_Down, Qt::ControlModifier);
            QCOMPARE(composer->articleIds(), (QList<qint64>{sinjar, kazemi}));
            QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
            QCOMPARE(composer->articleIds(), (QList<qint64>{kazemi, sinjar}));

            // A third one, removed again with Delete.
            test::addWithShortcut(window, QStringLiteral("الكاظمي يستقبل"));
            const qint64 third = test::idOfArticleTitled(window, QStringLiteral("الكاظمي يستقبل"));
            QTRY_COMPARE(composer->articleIds(), (QList<qint64>{kazemi, sinjar, third}));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualRect(list->model()->index(2, 0)).center());
            QTest::keyClick(list, Qt::Key_Delete);
            QCOMPARE(composer->articleIds(), (QList<qint64>{kazemi, sinjar}));
            expected = composer->articleIds();

            QTest::qWait(200);
            QVERIFY(window.briefs()->dock()->grab().save(
                test::screenshotPath(QStringLiteral("briefcomposer.png"))));
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("briefcomposer-window.png"))));

            // Preview: the brief as a document, in a window of its own.
            QTest::mouseClick(composer->findChild<QPushButton*>(QStringLiteral("previewBriefButton")),
                              Qt::LeftButton);
            QTRY_VERIFY(window.briefs()->previewBrowser() &&
                        window.briefs()->previewBrowser()->toPlainText().contains(QStringLiteral("Sinjar")));
            QTextBrowser* preview = window.briefs()->previewBrowser();
            QVERIFY(preview->isVisible());
            QVERIFY(preview->isReadOnly());
            QVERIFY(preview->toPlainText().contains(title));
            QVERIFY(preview->toPlainText().contains(QStringLiteral("agreements")));
            QVERIFY(preview->window()->grab().save(test::screenshotPath(QStringLiteral("briefpreview.png"))));
            preview->window()->close();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));

            // Enter opens the selected article in the reader.
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualRect(list->model()->index(1, 0)).center());
            QTest::keyClick(list, Qt::Key_Return);
            QTRY_COMPARE(window.reader()->articleId(), sinjar);

            // Quit at once, before the autosave's pause: nothing typed is lost.
            QTest::keyClicks(composer->introductionEdit(), QStringLiteral(" Last words."));
            window.close();
        }
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            BriefComposer* composer = test::composerOf(window);
            // The composer comes back open, with the brief that was open.
            QVERIFY(window.briefs()->dock()->isVisible());
            QTRY_VERIFY(composer->hasBrief());
            QCOMPARE(composer->title(), title);
            QCOMPARE(composer->introduction(), intro + QStringLiteral(" Last words."));
            QCOMPARE(composer->articleIds(), expected);
            QCOMPARE(composer->briefSelector()->currentText(), title);
        }
    }

    // Articles dragged from the article list carry their ids; the composer's list takes them at
    // the drop position and moves those it has. (Text and links dropped on it go on to the window,
    // which imports them.)
    // Add to Brief with no brief open makes one, and the keys stay where the analyst picks
    // articles: Down then Ctrl+B adds the next one (the new brief's title does not take them).
    void addingMakesABriefAndKeepsTheKeysInTheList() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("keys.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        test::openComposer(window);
        BriefComposer* composer = test::composerOf(window);
        QVERIFY(!composer->hasBrief());
        QTableView* articles = window.articleView();
        QTest::mouseClick(articles->viewport(), Qt::LeftButton, {},
                          articles->visualRect(articles->model()->index(0, 1)).center());
        QTRY_COMPARE(articles->currentIndex().row(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::ControlModifier);
        QTRY_VERIFY(composer->hasBrief());
        QTRY_COMPARE(composer->articleIds().size(), 1);
        QCOMPARE(QApplication::focusWidget(), articles);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::ControlModifier);
        QTRY_COMPARE(composer->articleIds().size(), 2);
        QCOMPARE(composer->articleIds().last(), articles->model()
                                                    ->index(1, 0)
                                                    .data(mirsad::models::ArticleListModel::ArticleIdRole)
                                                    .toLongLong());
    }

    void dropFromTheArticleList() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("drop.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        test::openComposer(window);
        BriefComposer* composer = test::composerOf(window);
        test::newBriefTitled(window, QStringLiteral("Dropped"));
        models::ArticleListModel* articles = window.articleModel();
        QTRY_VERIFY(articles->rowCount() >= 3);
        QVERIFY(window.articleView()->dragEnabled());
        QVERIFY(articles->flags(articles->index(0, 1)) & Qt::ItemIsDragEnabled);
        const qint64 first = articles->articleId(0), second = articles->articleId(1),
                     third = articles->articleId(2);

        // The model's drop path: two rows of the list, then the third before them.
        std::unique_ptr<QMimeData> two(articles->mimeData({articles->index(0, 1), articles->index(1, 1)}));
        QVERIFY(two->hasFormat(models::ArticleListModel::articleIdsMimeType()));
        QVERIFY(!two->hasUrls() && !two->hasText()); // not taken for a feed to import by the window
        BriefArticleModel* model = composer->articleModel();
        QVERIFY(model->canDropMimeData(two.get(), Qt::CopyAction, -1, -1, {}));
        QVERIFY(model->dropMimeData(two.get(), Qt::CopyAction, -1, 0, {}));
        QCOMPARE(composer->articleIds(), (QList<qint64>{first, second}));
        std::unique_ptr<QMimeData> one(articles->mimeData({articles->index(2, 0), articles->index(2, 3)}));
        QVERIFY(model->dropMimeData(one.get(), Qt::CopyAction, 0, 0, {}));
        QCOMPARE(composer->articleIds(), (QList<qint64>{third, first, second}));
        // Dropping one it has moves it: the second to the front.
        std::unique_ptr<QMimeData> again(articles->mimeData({articles->index(1, 1)}));
        QVERIFY(model->dropMimeData(again.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(composer->articleIds(), (QList<qint64>{second, third, first}));
        QTRY_VERIFY(model->index(0).data().toString().contains(
            articles->index(1, models::ArticleListModel::TitleColumn).data().toString()));

        // The view's drop: the drag enters, moves over the lower half of the last row and drops.
        BriefArticleView* view = composer->articleView();
        QVERIFY(model->removeRow(2));
        QCOMPARE(composer->articleIds(), (QList<qint64>{second, third}));
        std::unique_ptr<QMimeData> dragged(articles->mimeData({articles->index(0, 1)}));
        const QRect last = view->visualRect(model->index(1));
        const QPoint at(last.center().x(), last.bottom() - 2);
        QDragEnterEvent enter(at, Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(composer->articleIds(), (QList<qint64>{second, third, first}));
        QCOMPARE(view->currentIndex().row(), 2); // the dropped article is selected
    }

    // Delete asks, and Cancel (the default) keeps the brief.
    void deleteAsksFirst() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("delete.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        test::openComposer(window);
        BriefComposer* composer = test::composerOf(window);
        test::newBriefTitled(window, QStringLiteral("First"));
        test::newBriefTitled(window, QStringLiteral("Second"));
        QTRY_COMPARE(composer->briefSelector()->count(), 2);
        auto* remove = composer->findChild<QToolButton*>(QStringLiteral("deleteBriefButton"));

        bool answered = false;
        test::whenOpen<QMessageBox>(
            [](QMessageBox* box) {
                QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
                QVERIFY(box->text().contains(QStringLiteral("Second")));
                QTest::keyClick(box, Qt::Key_Return); // the default: Cancel
            },
            &answered);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(composer->briefSelector()->count(), 2);
        QCOMPARE(composer->title(), QStringLiteral("Second"));

        answered = false;
        test::whenOpen<QMessageBox>(
            [](QMessageBox* box) {
                for (QAbstractButton* button : box->buttons())
                    if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                        QTest::mouseClick(button, Qt::LeftButton);
            },
            &answered);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(composer->briefSelector()->count(), 1);
        QTRY_COMPARE(composer->title(), QStringLiteral("First")); // the next brief opens
    }

    // In the Arabic UI the composer reads right to left: the brief picker at the right, its
    // buttons to its left, the dock on the window's left edge (the reading end).
    void arabicRightToLeft() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mirsad_ar.qm")));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("rtl.sqlite")));
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            test::openComposer(window);
            BriefComposer* composer = test::composerOf(window);
            QCOMPARE(composer->layoutDirection(), Qt::RightToLeft);
            test::newBriefTitled(window, QStringLiteral("موجز الأسبوع عن كركوك"));
            QTest::mouseClick(composer->introductionEdit()->viewport(), Qt::LeftButton);
            for (const QChar c : QStringLiteral("اتفاق سنجار وزيارة الوفد."))
                QTest::sendKeyEvent(QTest::Click, composer->introductionEdit(), Qt::Key_unknown, QString(c),
                                    Qt::NoModifier);
            test::addWithShortcut(window, QStringLiteral("الكاظمي يستقبل"));
            test::addWithShortcut(window, QStringLiteral("Sinjar"));
            QTRY_COMPARE(composer->articleIds().size(), 2);
            QTRY_VERIFY(
                composer->articleModel()->index(1).data().toString().contains(QStringLiteral("Sinjar")));

            const QWidget* selector = composer->briefSelector();
            const QWidget* newButton = composer->findChild<QToolButton*>(QStringLiteral("newBriefButton"));
            QVERIFY(selector->mapTo(&window, QPoint()).x() > newButton->mapTo(&window, QPoint()).x());
            QVERIFY(window.briefs()->dock()->geometry().center().x() < window.width() / 2);
            // The Arabic interface's texts.
            QVERIFY(!composer->findChild<QPushButton*>(QStringLiteral("exportBriefButton"))
                         ->text()
                         .contains(QStringLiteral("Export")));
            QTest::qWait(200);
            QVERIFY(window.briefs()->dock()->grab().save(
                test::screenshotPath(QStringLiteral("briefcomposer-ar.png"))));
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("briefcomposer-ar-window.png"))));
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestBriefComposer)
#include "tst_briefcomposer.moc"
