#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mirsad {

// One stored mention of an entity: offsets are UTF-16 indexes into Article::text.
struct StoredMention {
    QString entityId;
    qsizetype start = 0;
    qsizetype end = 0;
    QString surface;
};

// An article as it is stored: sanitised HTML for the reader, plain text for search and names.
struct Article {
    qint64 id = 0;
    qint64 feedId = 0;
    QString guid; // the source's own id, when it gives one
    QString link; // canonical URL (or file:// URL for local files)
    QString title;
    QString author;
    QString source;      // who published it (e.g. "Shafaq News"), when known
    QDateTime published; // UTC; invalid when the source gives no date
    QDateTime fetched;   // UTC; when Mirsad first saw it
    QString html;        // sanitised; may be empty for plain-text articles
    QString text;        // plain text, paragraphs separated by "\n\n"
    QStringList tags;
    QString thumbnail;
    // The remote images the article shows. The sanitised html has them only when the feed allows
    // remote content; the reader offers to load them otherwise.
    QStringList remoteImages;
    bool read = false;
    bool starred = false;
    int noteCount = 0;
    QList<StoredMention> mentions;

    // Identity for de-duplication within a feed: GUID, else link, else title and date. (Its
    // content's fingerprint, which notices edits, is storage::ArticleDerived::contentHash.)
    QString dedupeKey() const;
};

} // namespace mirsad
