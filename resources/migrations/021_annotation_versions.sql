-- A row version on each note and highlight (issue 22, no lost edits): a save names the version
-- it was loaded at, and one that finds another version kept its text as a conflict copy rather
-- than overwrite a save made elsewhere. Mirsad's own UPDATEs add one; the triggers add one for
-- any other change of the text (or colour) that did not.
ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE highlights ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER notes_version AFTER UPDATE OF body, tags ON notes
    WHEN NEW.version = OLD.version AND (NEW.body IS NOT OLD.body OR NEW.tags IS NOT OLD.tags)
BEGIN
    UPDATE notes SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER highlights_version AFTER UPDATE OF color ON highlights
    WHEN NEW.version = OLD.version AND NEW.color IS NOT OLD.color
BEGIN
    UPDATE highlights SET version = OLD.version + 1 WHERE id = NEW.id;
END;
