#pragma once

#include "annotations/AnnotationHistory.h"

#include <QDialog>

class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace mirsad::storage {
class Storage;
}

// The history of one note or highlight on a team's archive, as the server recorded it: when,
// who, what (added, changed, deleted, shared, made private), newest first; the selected change's
// text before and after, what was removed and what was added marked. Read on the reader thread.
class HistoryDialog : public QDialog {
    Q_OBJECT
public:
    // `label` names the annotation: a note's first line, a highlight's quote.
    HistoryDialog(mirsad::storage::Storage& storage, mirsad::annotations::AnnotationKind kind, qint64 id,
                  const QString& label, QWidget* parent = nullptr);

    QTreeWidget* entries() const { return m_entries; }
    QTextBrowser* details() const { return m_details; }
    // "Reading…", no history yet, or why it could not be read.
    QLabel* statusLabel() const { return m_status; }
    bool isLoaded() const { return m_loaded; }

    // How a change is named in the list.
    static QString eventName(mirsad::annotations::HistoryEntry::Event event);

signals:
    void loaded();

private:
    void display(const mirsad::Result<mirsad::annotations::AnnotationHistory>& history);
    void showDetails(int row);

    QLabel* m_status;
    QTreeWidget* m_entries;
    QTextBrowser* m_details;
    QList<mirsad::annotations::HistoryEntry> m_history;
    bool m_loaded = false;
};
