#pragma once

#include <QFrame>

class QLabel;

// The search box's help: Mirsad's query language (search/QueryParser.h) with an Arabic and an
// English example of each form, in a popup under the box. It closes on Escape or a click
// outside it, as a menu does.
class SearchHelp : public QFrame {
    Q_OBJECT
public:
    explicit SearchHelp(QWidget* parent = nullptr);

    // Shows the popup below `anchor` (aligned with its leading edge, kept on the screen).
    void showBelow(QWidget* anchor);

    // The help as rich text (the popup's content; also the Help menu's page).
    static QString text();
    // One line for the search box's tooltip.
    static QString summary();

private:
    QLabel* m_label = nullptr;
};
