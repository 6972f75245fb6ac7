-- article_entities was filled by a trigger on every mention row; an article names each entity
-- about three times, and that trigger made storing an imported feed several times slower.
-- The writer (storage::ArticleWriter) now fills it with one statement per article, after the
-- article's mentions. Removals stay with the triggers: they are rare (re-tagging, deletion).
DROP TRIGGER mentions_index_insert;
