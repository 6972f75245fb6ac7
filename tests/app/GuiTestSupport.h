#pragma once

// Shared by the reader and notes GUI tests: a main window on a database file, started and
// showing its first article.

#include "TestSupport.h"
#include "feeds/FeedPane.h"
#include "ingest/ArticleImport.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "storage/Team.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <functional>
#include <memory>

namespace mirsad::test {

// Settings in a folder of this test process's own, so that a window's remembered layout does
// not leak between runs or into other tests (QStandardPaths' test mode shares one folder).
inline void isolateSettings(const QTemporaryDir& dir) {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

struct OpenWindow {
    std::unique_ptr<storage::Storage> storage;
    std::unique_ptr<MainWindow> window;
};

// Types `text` key by key, as a keyboard does; QTest::keyClicks knows only ASCII keys, so the
// others (Arabic) go as key events carrying their text.
inline void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// Opens a window on `path` and waits for the first article (or returns an empty window).
inline OpenWindow openWindow(const QString& path) {
    OpenWindow open;
    open.storage = std::make_unique<storage::Storage>(path);
    open.window = std::make_unique<MainWindow>(*open.storage);
    QSignalSpy shown(open.window.get(), &MainWindow::articleShown);
    // The first article comes before the feed list's counts: wait for both, as a user looks at both.
    QSignalSpy feeds(open.window->findChild<FeedPane*>()->model(), &models::FeedTreeModel::loaded);
    open.window->resize(1400, 860);
    open.window->show();
    open.window->start();
    if (!shown.wait(30000) || (feeds.isEmpty() && !feeds.wait(30000)))
        open.window.reset();
    return open;
}

// Shows the article of the list whose title contains `title`; false when there is none. Keeps
// trying while the list reloads (a refresh at start resets it).
inline bool showArticleTitled(MainWindow& window, const QString& title) {
    models::ArticleListModel* model = window.articleModel();
    for (int attempt = 0; attempt < 150; ++attempt) {
        if (window.reader()->article().title.contains(title))
            return true;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, models::ArticleListModel::TitleColumn);
            if (index.data().toString().contains(title) && window.articleView()->currentIndex().row() != row)
                window.articleView()->setCurrentIndex(index);
        }
        QTest::qWait(100);
    }
    return false;
}

// A dialog run by exec() blocks the test until it closes, so the test answers it from a timer
// once it is open. A failed check inside `answer` closes the dialog, so that the test ends.
template <typename Dialog> void whenOpen(std::function<void(Dialog*)> answer, bool* answered) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, answer, answered] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
        if (QTest::currentTestFailed() && dialog->isVisible())
            dialog->reject();
        *answered = true;
    });
    timer->start();
}

// Double-clicks a word of the article in the reader (its first occurrence from `from`), as a
// user selects it.
inline void doubleClickWord(ReaderView* reader, const QString& word, qsizetype from = 0) {
    const qsizetype at = reader->article().text.indexOf(word, from);
    QVERIFY2(at >= 0, qPrintable(word));
    QTextCursor cursor(reader->document());
    cursor.setPosition(reader->documentPosition(at + 1));
    reader->setTextCursor(cursor);
    reader->ensureCursorVisible();
    const QPoint point = reader->cursorRect(cursor).center();
    QTest::mouseDClick(reader->viewport(), Qt::LeftButton, {}, point);
    QCOMPARE(reader->textCursor().selectedText(), word);
}

// A team's archive on the test server for the tests of several analysts: the sample articles,
// `team init`, and an analyst for each prefix, named prefix + this process's id (roles are the
// server's, shared by every test run against it). Returns the analysts' names, or the error.
inline Result<QStringList> makeTeamArchive(TempDatabase& archive, const QStringList& prefixes) {
    if (!archive.ok())
        return Error{archive.error()};
    if (!archive.isPostgres())
        return Error{QStringLiteral("a team's archive needs the PostgreSQL test server")};
    if (Result<int> installed = ingest::installSampleArticles(archive.db()); !installed)
        return Error{installed.error()};
    if (Status s = storage::initTeam(archive.db()); !s)
        return Error{s.error()};
    QStringList names;
    for (const QString& prefix : prefixes) {
        names << prefix + QString::number(QCoreApplication::applicationPid());
        if (Status s = storage::addTeamMember(archive.db(), names.last(), storage::TeamRole::Analyst); !s)
            return Error{s.error()};
    }
    return names;
}

} // namespace mirsad::test
