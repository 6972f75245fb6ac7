#pragma once

// Shared by the reader and notes GUI tests: a main window on a database file, started and
// showing its first article.

#include "models/ArticleListModel.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "window/MainWindow.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
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

// Opens a window on `path` and waits for the first article (or returns an empty window).
inline OpenWindow openWindow(const QString& path) {
    OpenWindow open;
    open.storage = std::make_unique<storage::Storage>(path);
    open.window = std::make_unique<MainWindow>(*open.storage);
    QSignalSpy shown(open.window.get(), &MainWindow::articleShown);
    open.window->resize(1400, 860);
    open.window->show();
    open.window->start();
    if (!shown.wait(30000))
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

} // namespace mirsad::test
