-- Marking many articles read or unread at once (mark all read, a feed, an undo) adjusts the
-- unread counts of names and regions once per name and region, in storage::updateRead: through
-- articles_read_counts it was a dozen counter updates per article, nine tenths of the time of
-- marking a million-article archive read (65 us an article). While that statement runs, a row in
-- bulk_read_change tells the trigger to stand aside; it is added and removed in the same
-- transaction, so no crash can leave it behind.
CREATE TABLE bulk_read_change (active INTEGER NOT NULL);

DROP TRIGGER articles_read_counts;
CREATE TRIGGER articles_read_counts AFTER UPDATE OF read ON articles
WHEN (NEW.read = 0) <> (OLD.read = 0) AND NOT EXISTS (SELECT 1 FROM bulk_read_change)
BEGIN
    UPDATE entity_counts SET unread = unread + iif(NEW.read = 0, 1, -1)
     WHERE entity_id IN (SELECT m.value ->> 0 FROM json_each(NEW.mentions) m);
    UPDATE region_counts SET unread = unread + iif(NEW.read = 0, 1, -1)
     WHERE region_id IN (SELECT c.region_id FROM json_each(NEW.mentions) m
                           JOIN place_closure c ON c.place_id = m.value ->> 0);
END;
