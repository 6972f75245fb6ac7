// Started by tst_notescrash: opens the window on the database given and types into a note, a
// character every 20 ms, printing how many it has typed, until it is killed.
//   notes_typist DATABASE                       adds a note to the first article, prints "note ID"
//   notes_typist DATABASE ID IDLE_MS MAX_MS [N] opens note ID and goes on typing (N characters)
// Either way it first prints "start LENGTH": the note's length once the window has opened (and
// saved what an earlier, killed typist left in the journal). The text is the alphabet over and
// over, so that what the note holds tells exactly which characters were typed and kept.
#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <cstdio>
#include <functional>

static bool waitFor(const std::function<bool()>& condition) {
    QDeadlineTimer deadline(20000);
    while (!condition() && !deadline.hasExpired())
        QTest::qWait(10);
    return condition();
}

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    mirsad::test::isolateFromUserData();
    if (argc != 2 && argc < 5) {
        std::fprintf(stderr, "usage: notes_typist DATABASE [ID IDLE_MS MAX_MS [N]]\n");
        return 2;
    }
    mirsad::test::OpenWindow open = mirsad::test::openWindow(QString::fromLocal8Bit(argv[1]));
    if (!open.window) {
        std::fprintf(stderr, "The window did not show an article.\n");
        return 1;
    }
    NotesPane* pane = open.window->notesPane();
    NoteEditor* editor = pane->editor();
    if (argc == 2) {
        pane->newNote(0);
        if (!waitFor([&] { return editor->noteId() > 0; })) {
            std::fprintf(stderr, "The note was not created.\n");
            return 1;
        }
        std::printf("note %lld\n", editor->noteId());
    } else {
        const qint64 id = QByteArray(argv[2]).toLongLong();
        pane->autosaver()->setDelays(QByteArray(argv[3]).toInt(), QByteArray(argv[4]).toInt());
        if (!waitFor([&] { return open.window->annotations()->note(id) != nullptr; })) {
            std::fprintf(stderr, "Note %lld is not on the first article.\n", id);
            return 1;
        }
        pane->openNote(id);
        if (!waitFor([&] { return editor->noteId() == id; })) {
            std::fprintf(stderr, "Note %lld did not open.\n", id);
            return 1;
        }
    }
    const qsizetype start = editor->textEdit()->toPlainText().size();
    std::printf("start %lld\n", qint64(start));
    std::fflush(stdout);
    editor->textEdit()->moveCursor(QTextCursor::End);
    const int count = argc > 5 ? QByteArray(argv[5]).toInt() : 2000;
    const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    for (int typed = 0; typed < count; ++typed) {
        QTest::keyClick(editor->textEdit(), alphabet.at((start + typed) % alphabet.size()).toLatin1());
        std::printf("typed %d\n", typed + 1);
        std::fflush(stdout);
        QTest::qWait(20);
    }
    return 0;
}
