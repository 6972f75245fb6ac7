#pragma once

#include "storage/FeedQueries.h"

#include <QDialog>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace mirsad::ingest {
class FeedUpdater;
}

// Asks for a feed's address (a feed, or a web page that announces one), an optional name and
// a folder, and subscribes: the dialog stays open while the address is checked (Cancel gives
// up) and closes only once the feed is added. A failure is shown in the dialog with the
// address still there to correct; so is why Subscribe is disabled for what was typed.
class AddFeedDialog : public QDialog {
    Q_OBJECT
public:
    AddFeedDialog(mirsad::ingest::FeedUpdater& updater, const QList<mirsad::storage::FolderInfo>& folders,
                  qint64 folderId, QWidget* parent = nullptr);

    QUrl url() const;
    QString title() const;
    qint64 folderId() const;
    // The feed subscribed to, once the dialog was accepted.
    qint64 feedId() const { return m_feedId; }
    bool isChecking() const { return m_ticket != 0; }

    void setAddress(const QString& address);
    // Shows why the last attempt failed (empty: hides it).
    void showProblem(const QString& text);

    // What the user typed, made into a URL: "example.org/feed" becomes https://example.org/feed.
    static QUrl urlFromInput(const QString& input);
    // Why `input` is no address to subscribe to; empty when it is one, or when nothing is typed.
    static QString problemWithInput(const QString& input);

public slots:
    void accept() override;
    void reject() override;

private:
    void validate();
    void setChecking(bool checking);
    void onSubscriptionFinished(int ticket, qint64 feedId, const QString& error);

    mirsad::ingest::FeedUpdater& m_updater;
    QLineEdit* m_url;
    QLineEdit* m_title;
    QComboBox* m_folder;
    QLabel* m_hint;
    QWidget* m_problem;
    QLabel* m_problemText;
    QWidget* m_checking;
    QLabel* m_checkingText;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    int m_ticket = 0;
    qint64 m_feedId = 0;
};
