#include "annotations/ArticleAnnotations.h"

#include "annotations/AnnotationCommands.h"
#include "annotations/NoteAuthor.h"
#include "storage/Storage.h"

#include <QUndoStack>

using namespace mirsad;
using namespace mirsad::annotations;

ArticleAnnotations::ArticleAnnotations(storage::Storage& storage, QUndoStack* undoStack, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_undoStack(undoStack) {
}

void ArticleAnnotations::showArticle(qint64 articleId, const QString& text) {
    const bool sameArticle = articleId == m_articleId;
    m_articleId = articleId;
    m_text = text;
    if (!sameArticle) {
        m_highlights.clear();
        m_notes.clear();
        m_typed.clear();
        emit changed();
    }
    reload();
}

ArticleAnnotations::Lists ArticleAnnotations::read(QSqlDatabase& db, qint64 articleId) {
    if (articleId <= 0)
        return {QList<Highlight>(), QList<Note>()};
    return {listHighlights(db, articleId), listNotes(db, articleId)};
}

void ArticleAnnotations::showArticle(qint64 articleId, const QString& text, const Lists& lists) {
    if (articleId != m_articleId) {
        m_highlights.clear();
        m_notes.clear();
        m_typed.clear();
    }
    m_articleId = articleId;
    m_text = text;
    apply(articleId, ++m_generation, lists);
}

void ArticleAnnotations::reload() {
    const qint64 articleId = m_articleId;
    const quint64 generation = ++m_generation;
    if (articleId <= 0)
        return;
    m_storage.reader()
        .run([articleId](QSqlDatabase& db) { return read(db, articleId); })
        .then(this,
              [this, articleId, generation](const Lists& lists) { apply(articleId, generation, lists); });
}

void ArticleAnnotations::apply(qint64 articleId, quint64 generation, const Lists& lists) {
    if (generation != m_generation || articleId != m_articleId)
        return; // a newer read is on its way
    if (!lists.highlights || !lists.notes) {
        emit failed(lists.highlights ? lists.notes.error() : lists.highlights.error());
        return;
    }
    const qsizetype before = m_notes.size();
    m_highlights = *lists.highlights;
    m_notes = *lists.notes;
    for (Note& note : m_notes) {
        if (auto typed = m_typed.constFind(note.id); typed != m_typed.cend()) {
            note.body = typed->first;
            note.tags = typed->second;
        }
    }
    emit changed();
    if (before != m_notes.size())
        emit noteCountChanged(articleId, int(m_notes.size()));
}

const Highlight* ArticleAnnotations::highlight(qint64 id) const {
    for (const Highlight& h : m_highlights)
        if (h.id == id)
            return &h;
    return nullptr;
}

const Note* ArticleAnnotations::note(qint64 id) const {
    for (const Note& n : m_notes)
        if (n.id == id)
            return &n;
    return nullptr;
}

void ArticleAnnotations::addHighlight(qsizetype start, qsizetype end, const QString& color) {
    if (m_articleId <= 0 || end <= start)
        return;
    Highlight h;
    h.articleId = m_articleId;
    h.color = color;
    h.selector = text::selectorFor(m_text, start, end);
    h.author = author();
    h.created = h.updated = QDateTime::currentDateTimeUtc();
    if (h.selector.quote.trimmed().isEmpty())
        return;
    m_undoStack->push(new AddHighlightCommand(*this, std::move(h)));
}

void ArticleAnnotations::setHighlightColor(qint64 id, const QString& color) {
    const Highlight* h = highlight(id);
    if (!h || h->color == color)
        return;
    m_undoStack->push(new RecolorHighlightCommand(*this, id, h->version, h->color, color));
}

void ArticleAnnotations::removeHighlight(qint64 id) {
    if (const Highlight* h = highlight(id))
        m_undoStack->push(new RemoveHighlightCommand(*this, *h));
}

void ArticleAnnotations::addNote(qint64 highlightId, const QString& author) {
    if (m_articleId <= 0)
        return;
    Note note;
    note.articleId = m_articleId;
    note.highlightId = highlightId;
    note.author = author;
    note.created = note.updated = QDateTime::currentDateTimeUtc();
    m_undoStack->push(new AddNoteCommand(*this, std::move(note)));
}

void ArticleAnnotations::noteAdded(const Note& note) {
    if (note.articleId != m_articleId) {
        reload();
        return;
    }
    m_notes.append(note);
    emit changed();
    emit noteCountChanged(note.articleId, int(m_notes.size()));
    emit noteCreated(note.id);
    // A read started before the note was stored would drop it: read again.
    reload();
}

void ArticleAnnotations::deleteNote(qint64 id) {
    if (const Note* n = note(id))
        m_undoStack->push(new DeleteNoteCommand(*this, *n));
}

bool ArticleAnnotations::isTeam() const {
    return !m_storage.teamRole().isEmpty();
}

bool ArticleAnnotations::isOwn(const QString& author) const {
    return !isTeam() || author == m_storage.teamRole();
}

QString ArticleAnnotations::author() const {
    return isTeam() ? m_storage.teamRole() : mirsad::annotations::noteAuthor();
}

void ArticleAnnotations::setNoteShared(qint64 id, bool shared) {
    if (const Note* n = note(id); n && n->shared != shared)
        m_undoStack->push(new ShareCommand(*this, ShareCommand::NoteKind, id, shared));
}

void ArticleAnnotations::setHighlightShared(qint64 id, bool shared) {
    if (const Highlight* h = highlight(id); h && h->shared != shared)
        m_undoStack->push(new ShareCommand(*this, ShareCommand::HighlightKind, id, shared));
}

void ArticleAnnotations::noteEdited(qint64 id, const QString& body, const QStringList& tags,
                                    const QDateTime& updated) {
    m_typed.insert(id, {body, tags});
    for (Note& n : m_notes) {
        if (n.id == id) {
            n.body = body;
            n.tags = tags;
            if (updated.isValid())
                n.updated = updated;
        }
    }
}
