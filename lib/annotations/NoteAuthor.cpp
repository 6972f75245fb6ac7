#include "annotations/NoteAuthor.h"

#include <QDir>
#include <QSettings>

namespace mirsad::annotations {

QString noteAuthor() {
    const QString stored = QSettings().value(QStringLiteral("author")).toString();
    if (!stored.trimmed().isEmpty())
        return stored;
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    if (login.isEmpty())
        login = QDir::home().dirName();
    return login;
}

void setNoteAuthor(const QString& name) {
    QSettings().setValue(QStringLiteral("author"), name.trimmed());
}

} // namespace mirsad::annotations
