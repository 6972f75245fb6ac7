-- The feed list's counts (storage/FeedQueries.cpp) are kept on the feed's own row. Counted from
-- the articles_by_feed_read index they read 2 million index entries on a million-article archive,
-- 150-250 ms on the reader thread, ahead of the first article the user opens. They change in the
-- same transaction as the articles: inserts are counted by storage::ArticleWriter, once per feed
-- and batch (a trigger on INSERT made storing an article twice as slow: SQLite then journals
-- every page an insert touches); deletions, moves and read-state changes, which come from many
-- places, by the triggers below.
ALTER TABLE feeds ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET article_count = (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id),
                 unread_count = (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id AND a.read = 0);

CREATE TRIGGER feed_counts_removed AFTER DELETE ON articles BEGIN
    UPDATE feeds SET article_count = article_count - 1, unread_count = unread_count - (OLD.read = 0)
     WHERE id = OLD.feed_id;
END;

CREATE TRIGGER feed_counts_changed AFTER UPDATE OF read, feed_id ON articles
WHEN (NEW.read = 0) IS NOT (OLD.read = 0) OR NEW.feed_id IS NOT OLD.feed_id
BEGIN
    UPDATE feeds SET article_count = article_count - 1, unread_count = unread_count - (OLD.read = 0)
     WHERE id = OLD.feed_id;
    UPDATE feeds SET article_count = article_count + 1, unread_count = unread_count + (NEW.read = 0)
     WHERE id = NEW.feed_id;
END;

-- The index was only for those counts; every import paid a second insert for it.
DROP INDEX articles_by_feed_read;
