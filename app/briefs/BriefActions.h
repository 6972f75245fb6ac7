#pragma once

#include "briefs/ExportDialog.h"

#include <QObject>

class BriefComposer;
class BriefExporter;
class MainWindow;
class QAction;
class QDialog;
class QDockWidget;
class QProgressBar;
class QTextBrowser;
class QToolButton;

namespace mirsad::storage {
class Storage;
}

// The window's briefs: the brief composer in a dock beside the reader (View ▸ Brief Composer),
// Article ▸ Add to Brief for the selected articles, File ▸ Export… and the export running in
// the background with its progress and result in the status bar.
class BriefActions : public QObject {
    Q_OBJECT
public:
    BriefActions(MainWindow& window, mirsad::storage::Storage& storage);

    // Checkable: shows or hides the composer (Ctrl+Shift+B).
    QAction* composerAction() const { return m_composerAction; }
    // Adds the article list's selected articles to the open brief (Ctrl+B in the list and the
    // reader; the reader's article when the list has none selected).
    QAction* addToBriefAction() const { return m_addToBrief; }
    // File ▸ Export… (Ctrl+E).
    QAction* exportAction() const { return m_export; }

    BriefComposer* composer() const { return m_composer; }
    QDockWidget* dock() const { return m_dock; }
    BriefExporter* exporter() const { return m_exporter; }
    // The preview window, once opened.
    QTextBrowser* previewBrowser() const { return m_previewBrowser; }

    // Reads the saved briefs and reopens the one open last time; once the storage is open.
    void load();
    // Queues what was typed in the composer to the writer, and remembers the layout (on quit).
    void flush();

    void addSelectedToBrief();
    void openExportDialog(ExportDialog::Source preferred);
    void showPreview();

private:
    QList<qint64> selectedArticleIds() const;
    void showComposer();
    void exportFinished(const QString& path, int articles);
    void exportFailed(const QString& path, const QString& message);

    MainWindow& m_window;
    mirsad::storage::Storage& m_storage;
    BriefComposer* m_composer;
    QDockWidget* m_dock;
    BriefExporter* m_exporter;
    QAction* m_composerAction;
    QAction* m_addToBrief;
    QAction* m_export;
    QProgressBar* m_busy;
    QToolButton* m_openExported;
    QString m_exportedPath;
    QDialog* m_preview = nullptr;
    QTextBrowser* m_previewBrowser = nullptr;
    bool m_docked = false; // the dock was given its width
};
