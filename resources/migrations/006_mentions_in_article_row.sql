-- An article's mentions move into its own row, as JSON [[entity, start, end], ...] sorted by
-- start (offsets are UTF-16 indexes into articles.text, whose slice is the surface form).
-- A row per mention made storing a feed several times slower than storing its articles; what
-- the filters need per entity is in article_entities, one row per (entity, article).
ALTER TABLE articles ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET mentions = (
    SELECT json_group_array(json_array(entity_id, start, end))
      FROM (SELECT entity_id, start, end FROM mentions WHERE article_id = articles.id ORDER BY start))
 WHERE id IN (SELECT article_id FROM mentions);
DROP TRIGGER mentions_index_delete;
DROP TABLE mentions;

-- The per-row triggers that counted articles per entity and filled the regions cost more than
-- the rows they followed; the writer (storage::ArticleWriter) now does both with a statement
-- per article, and filters::syncRegionIndex recounts the regions it rebuilds. Removals stay
-- with the triggers: they are rare (re-tagging, edits, deletion).
DROP TRIGGER article_entities_added;
DROP TRIGGER article_regions_added;
