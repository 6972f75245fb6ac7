-- Analysts are the server's roles: each highlight and note is its author's (the role that made
-- it), private to them or shared with the team. The server enforces it with row-level security,
-- so a colleague with psql cannot read another's private work or change anyone's (issue 22).
--
-- The database's owner (who created it and runs `mirsadctl team init`) and superusers are not
-- bound by the policies: they administer and copy the archive. Analysts connect as roles of
-- their own, members of mirsad_reader, mirsad_analyst or mirsad_admin (mirsadctl team).

-- Rows made before: their author is the role migrating (the owner), and they stay visible to
-- everyone, as they were.
ALTER TABLE highlights ADD COLUMN author text NOT NULL DEFAULT current_user;
ALTER TABLE highlights ADD COLUMN shared integer NOT NULL DEFAULT 1;
ALTER TABLE highlights ALTER COLUMN shared SET DEFAULT 0;
ALTER TABLE notes ALTER COLUMN author SET DEFAULT current_user;
ALTER TABLE notes ADD COLUMN shared integer NOT NULL DEFAULT 1;
ALTER TABLE notes ALTER COLUMN shared SET DEFAULT 0;

ALTER TABLE highlights ENABLE ROW LEVEL SECURITY;
CREATE POLICY highlights_seen ON highlights FOR SELECT USING (shared = 1 OR author = current_user);
CREATE POLICY highlights_made ON highlights FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY highlights_changed ON highlights FOR UPDATE USING (author = current_user)
    WITH CHECK (author = current_user);
CREATE POLICY highlights_removed ON highlights FOR DELETE USING (author = current_user);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_seen ON notes FOR SELECT USING (shared = 1 OR author = current_user);
CREATE POLICY notes_made ON notes FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY notes_changed ON notes FOR UPDATE USING (author = current_user)
    WITH CHECK (author = current_user);
CREATE POLICY notes_removed ON notes FOR DELETE USING (author = current_user);
