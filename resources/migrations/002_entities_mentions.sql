-- Names: the entities Mirsad knows (the bundled gazetteer plus the user's own) and where
-- articles mention them.
CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
    name        TEXT NOT NULL,
    name_ar     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    user_added  INTEGER NOT NULL DEFAULT 0
);

-- What the user added: whole entities (aliases and parents separated by '|') and aliases of
-- bundled entities. The gazetteer is rebuilt from the bundled files plus these rows.
CREATE TABLE user_entities (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
    name        TEXT NOT NULL,
    name_ar     TEXT NOT NULL DEFAULT '',
    aliases     TEXT NOT NULL DEFAULT '',
    within      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created     INTEGER NOT NULL
);
CREATE TABLE user_aliases (
    entity_id TEXT NOT NULL,
    alias     TEXT NOT NULL,
    created   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

-- Offsets are UTF-16 indexes into articles.text.
CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    surface    TEXT NOT NULL,
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX mentions_by_entity ON mentions(entity_id, article_id);

-- Which gazetteer version tagged each article; re-tagging works through the rest.
ALTER TABLE articles ADD COLUMN tagged_version TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_by_tagged_version ON articles(tagged_version);
