-- Live updates (issue 22): every change a window shows is announced on the channel
-- mirsad_changes, so that the other windows on the archive read it again at once instead of
-- polling (storage/ChangeListener). NOTIFY is sent at commit, and the server delivers identical
-- payloads of one transaction once: the triggers are per statement, so a 10,000-article import
-- announces 'articles' once per transaction, not once per row.
--
-- Payloads carry kinds and ids only, never text: a private note is announced as
-- 'annotations:<article id>' and a colleague's window, reading again under row-level security,
-- finds nothing new.
--
--   annotations:<id>,<id>...  highlights or notes of these articles changed
--   annotations               of more articles than a payload lists: of any
--   articles                  articles were added, removed or their content changed
--   feeds                     feeds or folders were added, removed, renamed, moved
--   names                     the gazetteer or the names the team taught changed

CREATE FUNCTION mirsad_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mirsad_changes', TG_ARGV[0]);
    RETURN NULL;
END $$;

-- The articles whose highlights or notes the statement touched, from its transition tables.
CREATE FUNCTION mirsad_announce_annotations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT article_id) INTO touched FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT article_id) INTO touched
        FROM (SELECT article_id FROM old_rows UNION SELECT article_id FROM new_rows) AS rows;
    END IF;
    IF touched IS NULL THEN
        RETURN NULL; -- no row: nothing to read again
    ELSIF cardinality(touched) > 100 THEN
        PERFORM pg_notify('mirsad_changes', 'annotations');
    ELSE
        PERFORM pg_notify('mirsad_changes', 'annotations:' || array_to_string(touched, ','));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER highlights_added AFTER INSERT ON highlights REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();
CREATE TRIGGER highlights_changed AFTER UPDATE ON highlights
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();
CREATE TRIGGER highlights_removed AFTER DELETE ON highlights REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();
CREATE TRIGGER notes_added AFTER INSERT ON notes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();
CREATE TRIGGER notes_changed AFTER UPDATE ON notes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();
CREATE TRIGGER notes_removed AFTER DELETE ON notes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce_annotations();

-- Articles: no transition tables (an import's rows would be copied once more for nothing). A read
-- or star mark is not announced (the list of articles stays as it is); what the list shows is.
CREATE TRIGGER articles_added_or_removed AFTER INSERT OR DELETE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('articles');
CREATE TRIGGER articles_changed
    AFTER UPDATE OF feed_id, link, title, author, source, published, sort_time, text, tags, thumbnail,
        content_hash, mentions ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('articles');

-- Feeds and folders: not their counts nor fetch times (articles_* announce what changes those).
CREATE TRIGGER feeds_added_or_removed AFTER INSERT OR DELETE ON feeds
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('feeds');
CREATE TRIGGER feeds_changed AFTER UPDATE OF url, title, site_url, folder_id, refresh_minutes, allow_remote
    ON feeds FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('feeds');
CREATE TRIGGER folders_changed AFTER INSERT OR UPDATE OR DELETE ON folders
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('feeds');

CREATE TRIGGER entities_changed AFTER INSERT OR UPDATE OR DELETE ON entities
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('names');
CREATE TRIGGER user_entities_changed AFTER INSERT OR UPDATE OR DELETE ON user_entities
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('names');
CREATE TRIGGER user_aliases_changed AFTER INSERT OR UPDATE OR DELETE ON user_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_announce('names');
