#pragma once

#include "briefs/BriefStore.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

class BriefArticleModel;
class BriefArticleView;
class MarkdownEditor;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace mirsad::storage {
class Storage;
}

// The brief the analyst composes: which saved brief is open (with New, Rename and Delete), its
// title, its introduction in Markdown, and its articles in order (dropped in from the article
// list or added with Add to Brief, reordered by drag and drop or Alt+Up/Alt+Down, removed with
// Delete). Everything is saved as it is typed, on the writer thread, once typing pauses and at
// least every second while it goes on (like the notes), and at once on flush().
class BriefComposer : public QWidget {
    Q_OBJECT
public:
    explicit BriefComposer(mirsad::storage::Storage& storage, QWidget* parent = nullptr);
    ~BriefComposer() override;

    // Lists the saved briefs and opens `openId` when it is one of them. Call once the storage
    // is open.
    void load(qint64 openId);
    // The open brief (0: none, or not stored yet).
    qint64 briefId() const { return m_briefId; }
    bool hasBrief() const { return m_open; }
    QString title() const;
    QString introduction() const;
    QList<qint64> articleIds() const;

    // Adds articles at the end of the open brief, or of a new one when none is open. Returns
    // how many were not in it yet.
    int addArticles(const QList<qint64>& ids);
    // A new, empty brief (with these articles), opened for its title to be typed.
    void newBrief(const QList<qint64>& ids = {});
    // Opens a saved brief (saving the one open first).
    void openBrief(qint64 id);
    // Asks, then deletes the open brief.
    void deleteBrief();
    // Puts the cursor in the title, selected, to rename the brief.
    void renameBrief();
    // Queues what was typed to the writer now (before quitting).
    void flush();
    void setSaveDelays(int idleMs, int maxDelayMs);

    QComboBox* briefSelector() const { return m_selector; }
    QLineEdit* titleEdit() const { return m_title; }
    MarkdownEditor* introductionEdit() const { return m_introduction; }
    BriefArticleView* articleView() const { return m_articles; }
    BriefArticleModel* articleModel() const { return m_model; }

signals:
    // The list of saved briefs was read (after load()).
    void loaded();
    // A brief was opened (0: none is); its id is known (it is stored).
    void briefOpened(qint64 id);
    // A save reached the disk.
    void saved(qint64 id);
    void articleActivated(qint64 articleId);
    void previewRequested();
    void exportRequested();
    void message(const QString& text, int timeoutMs);
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void edited();
    void show(const mirsad::briefs::SavedBrief& brief, const QList<mirsad::briefs::BriefEntry>& entries);
    void showNone();
    void updateState();
    void fetchDetails(const QList<qint64>& ids);
    void retranslate();
    int selectorRow(qint64 id) const;

    mirsad::storage::Storage& m_storage;
    QComboBox* m_selector;
    QToolButton* m_new;
    QToolButton* m_rename;
    QToolButton* m_delete;
    QLabel* m_titleLabel;
    QLineEdit* m_title;
    QLabel* m_introductionLabel;
    MarkdownEditor* m_introduction;
    QLabel* m_articlesLabel;
    BriefArticleView* m_articles;
    BriefArticleModel* m_model;
    QLabel* m_hint;
    QPushButton* m_preview;
    QPushButton* m_export;
    QTimer m_idle;
    QTimer m_max;
    qint64 m_briefId = 0;
    QDateTime m_created;
    bool m_open = false;
    bool m_dirty = false;
    bool m_showing = false;  // filling the fields: not an edit
    bool m_creating = false; // a new brief is being stored
    QList<qint64> m_pendingAdd;
    quint64 m_generation = 0; // which open brief a load or a save belongs to
    QSet<qint64> m_deleted;   // this session's deletions, which a list read before them still holds
};
