-- The analyst's own work: highlights anchored like W3C Web Annotation selectors, and notes.
CREATE TABLE highlights (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    color       TEXT NOT NULL,
    quote       TEXT NOT NULL,     -- TextQuoteSelector: exact, prefix, suffix
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    start       INTEGER NOT NULL,  -- TextPositionSelector, UTF-16 into articles.text
    end         INTEGER NOT NULL,
    orphaned    INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL
);
CREATE INDEX highlights_by_article ON highlights(article_id, start);

CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
    body         TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '',
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL
);
CREATE INDEX notes_by_article ON notes(article_id);
CREATE INDEX notes_by_highlight ON notes(highlight_id);
