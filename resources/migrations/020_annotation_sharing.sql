-- Who made each highlight, and whether a highlight or note is shared with the team or private to
-- its author (issue 22). In a file of one's own every annotation is the analyst's; the columns
-- travel with `mirsadctl copy` to a team's server, where they decide who sees what.
ALTER TABLE highlights ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE highlights ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
