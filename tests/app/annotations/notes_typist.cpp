// Started by tst_notescrash: opens the window on the database given, adds a note to the first
// article and types into it, a character every 50 ms, printing how many it has typed, until
// it is killed.
#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    mirsad::test::isolateFromUserData();
    if (argc < 2) {
        std::fprintf(stderr, "usage: notes_typist DATABASE\n");
        return 2;
    }
    mirsad::test::OpenWindow open = mirsad::test::openWindow(QString::fromLocal8Bit(argv[1]));
    if (!open.window) {
        std::fprintf(stderr, "The window did not show an article.\n");
        return 1;
    }
    NotesPane* pane = open.window->notesPane();
    pane->newNote(0);
    QElapsedTimer clock;
    clock.start();
    while (pane->editor()->noteId() <= 0 && clock.elapsed() < 10000)
        QTest::qWait(10);
    if (pane->editor()->noteId() <= 0) {
        std::fprintf(stderr, "The note was not created.\n");
        return 1;
    }
    std::printf("note %lld\n", pane->editor()->noteId());
    std::fflush(stdout);
    const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    for (int typed = 0; typed < 2000; ++typed) {
        QTest::keyClick(pane->editor()->textEdit(), alphabet.at(typed % alphabet.size()).toLatin1());
        std::printf("typed %d\n", typed + 1);
        std::fflush(stdout);
        QTest::qWait(50);
    }
    return 0;
}
