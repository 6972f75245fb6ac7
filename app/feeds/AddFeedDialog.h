#pragma once

#include "storage/FeedQueries.h"

#include <QDialog>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for a feed's address (a feed, or a web page that announces one), an optional name and
// a folder.
class AddFeedDialog : public QDialog {
    Q_OBJECT
public:
    AddFeedDialog(const QList<mirsad::storage::FolderInfo>& folders, qint64 folderId,
                  QWidget* parent = nullptr);

    QUrl url() const;
    QString title() const;
    qint64 folderId() const;

    // What the user typed, made into a URL: "example.org/feed" becomes https://example.org/feed.
    static QUrl urlFromInput(const QString& input);

private:
    void validate();

    QLineEdit* m_url;
    QLineEdit* m_title;
    QComboBox* m_folder;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};
