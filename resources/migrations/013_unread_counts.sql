-- Unread articles per entity and per region, kept beside the totals (entity_counts,
-- region_counts), so that a watchlist's or the sidebar's unread count of one name or region is
-- a row read, not a count of article rows. Kept in the same transaction as every change that
-- moves them:
--   - storage::ArticleWriter (IndexRowWriter) adds the rows of stored articles with their state;
--   - the removal triggers below take a removed index row's article off the unread count when it
--     is unread (the article row still exists: the delete trigger runs BEFORE the delete);
--   - articles_read_counts follows every change of articles.read, whoever makes it.
-- An index row's article is looked up in articles_unread, (read, sort_time, rowid) WHERE read = 0:
-- the index rows carry both keys, so the probe reads that small index, never an article's page.
ALTER TABLE entity_counts ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE region_counts ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER articles_index_delete;
CREATE TRIGGER articles_index_delete BEFORE DELETE ON articles BEGIN
    DELETE FROM article_regions
     WHERE region_id IN (SELECT c.region_id FROM json_each(OLD.mentions) m
                           JOIN place_closure c ON c.place_id = m.value ->> 0)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
    DELETE FROM article_entities
     WHERE entity_id IN (SELECT m.value ->> 0 FROM json_each(OLD.mentions) m)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
END;

DROP TRIGGER article_entities_removed;
CREATE TRIGGER article_entities_removed AFTER DELETE ON article_entities BEGIN
    UPDATE entity_counts SET articles = articles - 1,
           unread = unread - EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread
                                      WHERE u.read = 0 AND u.sort_time = OLD.sort_time
                                        AND u.rowid = OLD.article_id)
     WHERE entity_id = OLD.entity_id;
END;

DROP TRIGGER article_regions_removed;
CREATE TRIGGER article_regions_removed AFTER DELETE ON article_regions BEGIN
    UPDATE region_counts SET articles = articles - 1,
           unread = unread - EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread
                                      WHERE u.read = 0 AND u.sort_time = OLD.sort_time
                                        AND u.rowid = OLD.article_id)
     WHERE region_id = OLD.region_id;
END;

-- Marking read or unread, one article or thousands: the article's entities are those its
-- mentions name, its regions those they lie in (the same rows the filters' index holds).
CREATE TRIGGER articles_read_counts AFTER UPDATE OF read ON articles
WHEN (NEW.read = 0) <> (OLD.read = 0)
BEGIN
    UPDATE entity_counts SET unread = unread + iif(NEW.read = 0, 1, -1)
     WHERE entity_id IN (SELECT m.value ->> 0 FROM json_each(NEW.mentions) m);
    UPDATE region_counts SET unread = unread + iif(NEW.read = 0, 1, -1)
     WHERE region_id IN (SELECT c.region_id FROM json_each(NEW.mentions) m
                           JOIN place_closure c ON c.place_id = m.value ->> 0);
END;

-- Both counts recounted from the index rows (the totals too: they are cheap to get right here).
DELETE FROM entity_counts;
INSERT INTO entity_counts (entity_id, articles, unread)
    SELECT e.entity_id, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread
                                           WHERE u.read = 0 AND u.sort_time = e.sort_time
                                             AND u.rowid = e.article_id))
      FROM article_entities e GROUP BY e.entity_id;
DELETE FROM region_counts;
INSERT INTO region_counts (region_id, articles, unread)
    SELECT r.region_id, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread
                                           WHERE u.read = 0 AND u.sort_time = r.sort_time
                                             AND u.rowid = r.article_id))
      FROM article_regions r GROUP BY r.region_id;
