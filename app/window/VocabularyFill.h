#pragma once

#include <QObject>

namespace mirsad::storage {
class Storage;
}

// Fills the search vocabulary of an archive made before it existed (storage/SearchVocabulary.h)
// in the background once the window is open: one step of a few thousand words at a time on the
// writer thread, each its own transaction, so that what the user does is never queued behind
// more than one step. Closing the window drops the next step; the fill goes on at the next start.
// Until it is done, searches find the clitic forms of a word but not yet its inflections.
class VocabularyFill : public QObject {
    Q_OBJECT
public:
    explicit VocabularyFill(mirsad::storage::Storage& storage, QObject* parent = nullptr);

    // Starts (or resumes) the fill; nothing happens when there is nothing to fill.
    void start();
    bool isRunning() const { return m_running; }
    void setWordsPerStep(int words) { m_wordsPerStep = qMax(1, words); }

signals:
    // After each step: the words of the index added so far in this session.
    void progress(qint64 words);
    // The vocabulary is complete; `filled` is whether this session filled any of it.
    void finished(bool filled);
    void failed(const QString& message);

private:
    void step();

    mirsad::storage::Storage& m_storage;
    qint64 m_words = 0;
    int m_wordsPerStep = 5000;
    bool m_running = false;
};
