-- Filters as LIMIT-driven index scans on a million articles, and saved watchlists.
--
-- article_entities: one row per (entity, article) however often the article names it, keyed by
-- the list's order, so "articles mentioning X, newest first" reads the first page straight off
-- the index. Kept in step with mentions (and articles.sort_time) by the triggers below.
CREATE TABLE article_entities (
    entity_id  TEXT NOT NULL,
    sort_time  INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (entity_id, sort_time, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_article ON article_entities(article_id, entity_id);

-- The place hierarchy, closed transitively: (place, region) for the place itself and every
-- region that contains it. Filled from the gazetteer by filters::syncRegionIndex.
CREATE TABLE place_closure (
    place_id  TEXT NOT NULL,
    region_id TEXT NOT NULL,
    PRIMARY KEY (place_id, region_id)
) WITHOUT ROWID;

-- One row per (region, article) when the article names the region or any place within it.
CREATE TABLE article_regions (
    region_id  TEXT NOT NULL,
    sort_time  INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (region_id, sort_time, article_id)
) WITHOUT ROWID;
CREATE INDEX article_regions_by_article ON article_regions(article_id, region_id);

-- Distinct articles per entity and per region, for the sidebar: read, never counted.
CREATE TABLE entity_counts (
    entity_id TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE region_counts (
    region_id TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER mentions_index_insert AFTER INSERT ON mentions BEGIN
    INSERT OR IGNORE INTO article_entities (entity_id, sort_time, article_id)
        SELECT NEW.entity_id, sort_time, id FROM articles WHERE id = NEW.article_id;
END;

CREATE TRIGGER mentions_index_delete AFTER DELETE ON mentions
WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id)
BEGIN
    DELETE FROM article_entities WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id;
END;

CREATE TRIGGER articles_index_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_entities WHERE article_id = OLD.id;
END;

CREATE TRIGGER articles_index_sort_time AFTER UPDATE OF sort_time ON articles
WHEN NEW.sort_time <> OLD.sort_time
BEGIN
    UPDATE article_entities SET sort_time = NEW.sort_time WHERE article_id = NEW.id;
    UPDATE article_regions SET sort_time = NEW.sort_time WHERE article_id = NEW.id;
END;

CREATE TRIGGER article_entities_added AFTER INSERT ON article_entities BEGIN
    INSERT INTO entity_counts (entity_id, articles) VALUES (NEW.entity_id, 1)
        ON CONFLICT (entity_id) DO UPDATE SET articles = articles + 1;
    INSERT OR IGNORE INTO article_regions (region_id, sort_time, article_id)
        SELECT region_id, NEW.sort_time, NEW.article_id FROM place_closure WHERE place_id = NEW.entity_id;
END;

CREATE TRIGGER article_entities_removed AFTER DELETE ON article_entities BEGIN
    UPDATE entity_counts SET articles = articles - 1 WHERE entity_id = OLD.entity_id;
    DELETE FROM article_regions
     WHERE article_id = OLD.article_id
       AND region_id IN (SELECT region_id FROM place_closure WHERE place_id = OLD.entity_id)
       AND NOT EXISTS (SELECT 1 FROM article_entities e JOIN place_closure c ON c.place_id = e.entity_id
                        WHERE e.article_id = OLD.article_id AND c.region_id = article_regions.region_id);
END;

CREATE TRIGGER article_regions_added AFTER INSERT ON article_regions BEGIN
    INSERT INTO region_counts (region_id, articles) VALUES (NEW.region_id, 1)
        ON CONFLICT (region_id) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER article_regions_removed AFTER DELETE ON article_regions BEGIN
    UPDATE region_counts SET articles = articles - 1 WHERE region_id = OLD.region_id;
END;

-- Articles tagged before this migration.
INSERT OR IGNORE INTO article_entities (entity_id, sort_time, article_id)
    SELECT m.entity_id, a.sort_time, a.id FROM mentions m JOIN articles a ON a.id = m.article_id;

-- A named combination of filters, shown in the sidebar with its unread count.
CREATE TABLE watchlists (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    filter   TEXT NOT NULL, -- JSON, see filters/Watchlist.h
    position INTEGER NOT NULL DEFAULT 0,
    created  INTEGER NOT NULL
);
