#pragma once

class QString;
class QWidget;

// Help → About Mirsad: the name in both scripts, each on its own line (a Latin and an Arabic
// name on one line come out in the wrong order in one of the two UI directions), the version,
// what Mirsad is, where the user's archive lives, the licence, and the libraries it is built on.
void showAboutDialog(QWidget* parent, const QString& databasePath);
