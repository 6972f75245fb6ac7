#include "window/VocabularyFill.h"

#include "storage/SearchVocabulary.h"
#include "storage/Storage.h"

using namespace mirsad;

VocabularyFill::VocabularyFill(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage) {
}

void VocabularyFill::start() {
    if (m_running)
        return;
    m_running = true;
    step();
}

void VocabularyFill::step() {
    // Droppable: once the window closes, the step not yet started is skipped (its continuation
    // does not run), the one running commits; the fill's row says where to go on next time.
    const int words = m_wordsPerStep;
    m_storage.writer()
        .runDroppable([words](QSqlDatabase& db) { return storage::fillSearchVocabulary(db, words); })
        .then(this, [this](const Result<qint64>& done) {
            if (!done) {
                m_running = false;
                emit failed(done.error());
                return;
            }
            if (*done == 0) {
                m_running = false;
                emit finished(m_words > 0);
                return;
            }
            m_words += *done;
            emit progress(m_words);
            if (!m_storage.isClosing())
                step();
        });
}
