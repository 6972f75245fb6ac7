-- Audit (issue 22): who added, changed or deleted which highlight or note, when, with the text
-- before and after, kept by the server. Rows are written only by the trigger below (a function
-- of the database's owner); row-level security lets a person read the history of an annotation
-- they may read now (their own, or one shared with them) and of their own deleted ones, and
-- nobody but the owner write to it, whatever table rights `team init` grants.
--
-- `actor` is the role that logged in (session_user): the function runs as the owner, and an
-- analyst can only ever change their own annotations, so for analysts it is also the author.

CREATE TABLE annotation_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('highlight', 'note')),
    annotation_id bigint NOT NULL,
    article_id    bigint NOT NULL,
    author        text NOT NULL,   -- the annotation's author
    action        text NOT NULL CHECK (action IN ('added', 'changed', 'deleted')),
    actor         text NOT NULL,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    old_text      text,            -- a note's body, a highlight's quote and colour
    new_text      text,
    old_shared    integer,
    new_shared    integer
);
CREATE INDEX annotation_history_by_annotation ON annotation_history(kind, annotation_id, id);

CREATE FUNCTION mirsad_record_annotation_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    row_text_old text;
    row_text_new text;
BEGIN
    IF TG_TABLE_NAME = 'notes' THEN
        IF TG_OP <> 'INSERT' THEN row_text_old := OLD.body; END IF;
        IF TG_OP <> 'DELETE' THEN row_text_new := NEW.body; END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN row_text_old := OLD.quote || ' [' || OLD.color || ']'; END IF;
        IF TG_OP <> 'DELETE' THEN row_text_new := NEW.quote || ' [' || NEW.color || ']'; END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO annotation_history (kind, annotation_id, article_id, author, action, actor, new_text, new_shared)
        VALUES (CASE TG_TABLE_NAME WHEN 'notes' THEN 'note' ELSE 'highlight' END, NEW.id, NEW.article_id,
                NEW.author, 'added', session_user, row_text_new, NEW.shared);
        RETURN NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        IF row_text_old IS NOT DISTINCT FROM row_text_new AND OLD.shared = NEW.shared THEN
            RETURN NULL; -- re-anchoring, a time stamp: nothing a reader of the history would see
        END IF;
        INSERT INTO annotation_history (kind, annotation_id, article_id, author, action, actor, old_text, new_text,
                                        old_shared, new_shared)
        VALUES (CASE TG_TABLE_NAME WHEN 'notes' THEN 'note' ELSE 'highlight' END, NEW.id, NEW.article_id,
                NEW.author, 'changed', session_user, row_text_old, row_text_new, OLD.shared, NEW.shared);
        RETURN NULL;
    END IF;
    INSERT INTO annotation_history (kind, annotation_id, article_id, author, action, actor, old_text, old_shared)
    VALUES (CASE TG_TABLE_NAME WHEN 'notes' THEN 'note' ELSE 'highlight' END, OLD.id, OLD.article_id,
            OLD.author, 'deleted', session_user, row_text_old, OLD.shared);
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION mirsad_record_annotation_history() FROM PUBLIC;

CREATE TRIGGER notes_history AFTER INSERT OR UPDATE OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION mirsad_record_annotation_history();
CREATE TRIGGER highlights_history AFTER INSERT OR UPDATE OR DELETE ON highlights
    FOR EACH ROW EXECUTE FUNCTION mirsad_record_annotation_history();

-- Readable where the annotation is (the subqueries go through notes' and highlights' own
-- policies); no policy for INSERT, UPDATE or DELETE: only the owner (the trigger) writes.
ALTER TABLE annotation_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotation_history_seen ON annotation_history FOR SELECT USING (
    author = current_user
    OR (kind = 'note' AND EXISTS (SELECT 1 FROM notes n WHERE n.id = annotation_id))
    OR (kind = 'highlight' AND EXISTS (SELECT 1 FROM highlights h WHERE h.id = annotation_id)));
