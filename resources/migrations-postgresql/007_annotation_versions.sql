-- A row version on each note and highlight (issue 22, no lost edits): a save names the version
-- it was loaded at (UPDATE ... WHERE id = ? AND version = ?), and one that finds another version
-- keeps its text as a conflict copy rather than overwrite a colleague's window or psql. Mirsad's
-- own UPDATEs add one; the triggers add one for any other change of the text (or colour).
ALTER TABLE notes ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE highlights ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION mirsad_note_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = OLD.version
       AND (NEW.body IS DISTINCT FROM OLD.body OR NEW.tags IS DISTINCT FROM OLD.tags) THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER notes_version BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION mirsad_note_version();

CREATE FUNCTION mirsad_highlight_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = OLD.version AND NEW.color IS DISTINCT FROM OLD.color THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER highlights_version BEFORE UPDATE ON highlights
    FOR EACH ROW EXECUTE FUNCTION mirsad_highlight_version();
