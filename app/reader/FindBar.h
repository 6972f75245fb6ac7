#pragma once

#include "text/TextNormalizer.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class ReaderView;

// The reader's find bar (Edit → Find in Article, Ctrl+F), along the reader's bottom edge. It
// finds a phrase the way an analyst of Arabic and English news expects (text::findFolded:
// hamza and alef forms, diacritics, tatweel, a clitic before the word, case, accents), marks
// every match, selects the current one ("3 of 12") so that Ctrl+H can highlight it, steps with
// Enter/F3 and Shift+Enter/Shift+F3, searches again when another article is shown, and closes
// with Escape, giving the focus back to the reader.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(ReaderView* reader);

    void open();
    void findNext();
    void findPrevious();
    void close();

    QLineEdit* field() const { return m_field; }
    qsizetype matchCount() const { return m_matches.size(); }
    int currentMatch() const { return m_current; } // -1: none
    QString statusText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void showMatch(int index);
    void place();

    ReaderView* m_reader;
    QLineEdit* m_field;
    QLabel* m_status;
    QToolButton* m_previous;
    QToolButton* m_next;
    QList<mirsad::text::Span> m_matches;
    int m_current = -1;
};
