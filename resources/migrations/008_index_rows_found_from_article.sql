-- An article's rows in the filters' indexes (article_entities, article_regions) are found from
-- the article itself: the entities its mentions name, and the regions those lie in, at its
-- sort_time. Every key of those tables' primary keys is then known, and the per-article
-- secondary indexes, a second B-tree insert for every row an import writes, are not needed.
DROP TRIGGER articles_index_delete;
DROP TRIGGER articles_index_sort_time;
DROP TRIGGER article_entities_removed;
DROP INDEX article_entities_by_article;
DROP INDEX article_regions_by_article;

CREATE TRIGGER articles_index_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_regions
     WHERE region_id IN (SELECT c.region_id FROM json_each(OLD.mentions) m
                           JOIN place_closure c ON c.place_id = m.value ->> 0)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
    DELETE FROM article_entities
     WHERE entity_id IN (SELECT m.value ->> 0 FROM json_each(OLD.mentions) m)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
END;

CREATE TRIGGER articles_index_sort_time AFTER UPDATE OF sort_time ON articles
WHEN NEW.sort_time <> OLD.sort_time
BEGIN
    UPDATE article_entities SET sort_time = NEW.sort_time
     WHERE entity_id IN (SELECT m.value ->> 0 FROM json_each(OLD.mentions) m)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
    UPDATE article_regions SET sort_time = NEW.sort_time
     WHERE region_id IN (SELECT c.region_id FROM json_each(OLD.mentions) m
                           JOIN place_closure c ON c.place_id = m.value ->> 0)
       AND sort_time = OLD.sort_time AND article_id = OLD.id;
END;

-- Removing an entity's row no longer looks for the regions it leaves: whoever removes an
-- article's rows removes its regions' rows too (the trigger above, the writer's re-indexing).
CREATE TRIGGER article_entities_removed AFTER DELETE ON article_entities BEGIN
    UPDATE entity_counts SET articles = articles - 1 WHERE entity_id = OLD.entity_id;
END;
