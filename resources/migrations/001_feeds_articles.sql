-- Feeds, folders and articles, with a full-text index.
CREATE TABLE folders (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL DEFAULT '',
    site_url         TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'local')),
    folder_id        INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    refresh_minutes  INTEGER NOT NULL DEFAULT 60,
    last_fetched     INTEGER,
    last_error       TEXT NOT NULL DEFAULT '',
    allow_remote     INTEGER NOT NULL DEFAULT 0,
    created          INTEGER NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    dedupe_key   TEXT NOT NULL,
    guid         TEXT NOT NULL DEFAULT '',
    link         TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    published    INTEGER,              -- seconds since the epoch, UTC
    fetched      INTEGER NOT NULL,     -- seconds since the epoch, UTC
    sort_time    INTEGER NOT NULL,     -- published, else fetched: the list's order
    html         TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '', -- separated by U+001F
    thumbnail    TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    read         INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, dedupe_key)
);
CREATE INDEX articles_by_time ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_by_feed ON articles(feed_id, sort_time DESC);
CREATE INDEX articles_unread ON articles(read, sort_time DESC) WHERE read = 0;
CREATE INDEX articles_starred ON articles(starred, sort_time DESC) WHERE starred = 1;

-- Contentless: Mirsad indexes a normalised form of title and text (Arabic orthography folded),
-- so the index holds only tokens; rowid is the article id.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
