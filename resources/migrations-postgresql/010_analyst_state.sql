-- Each analyst's own reading (issue 22): read/unread and starred are per person, as are
-- watchlists; the archive, feeds and names stay the team's. The analyst is the server role
-- (current_user), as annotations' author is.
--
-- article_states holds a row per analyst and article they marked; no row means unread and not
-- starred, so an import writes nothing per analyst and a new analyst starts with every article
-- unread. The sidebar's unread counts stay O(feeds, names): the team's article counts (feeds,
-- entity_counts, region_counts) less each analyst's read counts (feed_reads, entity_reads,
-- region_reads), which the triggers below keep, per statement, from its transition tables, so
-- that marking 100,000 articles read is one statement and one pass over them.
--
-- Row-level security keeps each analyst to their own rows; the database's owner and superusers
-- are not bound (as in 005), which is why Mirsad's queries also say analyst = current_user
-- (that is what the indexes are keyed on anyway). The counting functions run as the owner
-- (SECURITY DEFINER): they change every analyst's counts when the team's archive changes.
--
-- articles.read and articles.starred stay, no longer Mirsad's on PostgreSQL: an UPDATE of them
-- (a colleague with psql, an older script) marks the article for the role that runs it, and an
-- article copied in with them set is marked for the role that copies it.

-- The analyst columns compare in "C", as current_user (a name) does: so that the indexes keyed
-- on them serve `analyst = current_user::text`.
CREATE TABLE article_states (
    analyst    text COLLATE "C" NOT NULL DEFAULT current_user,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sort_time  bigint NOT NULL, -- the article's, kept by a trigger: the starred walk's order
    read       integer NOT NULL DEFAULT 0,
    starred    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (analyst, article_id) INCLUDE (read, starred)
);
CREATE INDEX article_states_by_article ON article_states(article_id);
CREATE INDEX article_states_starred ON article_states(analyst, sort_time DESC, article_id DESC)
    WHERE starred = 1;

CREATE TABLE feed_reads (
    analyst text COLLATE "C" NOT NULL,
    feed_id bigint NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    read    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (analyst, feed_id)
);
CREATE TABLE entity_reads (
    analyst   text COLLATE "C" NOT NULL,
    entity_id text NOT NULL,
    read      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (analyst, entity_id)
);
CREATE TABLE region_reads (
    analyst   text COLLATE "C" NOT NULL,
    region_id text NOT NULL,
    read      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (analyst, region_id)
);

-- Adds `steps` (+1 read, -1 no longer read) of these analysts' articles to their read counts: in
-- the article's feed, and in each name and region whose filter index holds the article (its
-- mentions name the candidates, each row looked up by its whole key). A name's count is thus
-- always of its index rows: rows added or removed later (tagged again, copied in after the
-- article) are counted by the triggers on those tables.
CREATE FUNCTION mirsad_count_reads(who text[], ids bigint[], steps integer[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    -- Each article is looked up by its key (OFFSET 0 keeps the lateral a probe, and a scalar
    -- subquery cannot become a join): a plan made for one article's mark, which this function's
    -- cached plan may be, never reads a table whole, and marking 100,000 costs 100,000 probes.
    INSERT INTO feed_reads AS r (analyst, feed_id, read)
    SELECT c.analyst, a.feed_id, sum(c.step)
      FROM unnest(who, ids, steps) AS c(analyst, article_id, step),
           LATERAL (SELECT a.feed_id FROM articles a WHERE a.id = c.article_id OFFSET 0) a
     GROUP BY 1, 2
    ON CONFLICT (analyst, feed_id) DO UPDATE SET read = r.read + excluded.read;
    INSERT INTO entity_reads AS r (analyst, entity_id, read)
    SELECT c.analyst, m.entity, sum(c.step)
      FROM unnest(who, ids, steps) AS c(analyst, article_id, step),
           LATERAL (SELECT a.sort_time, a.mentions FROM articles a WHERE a.id = c.article_id OFFSET 0) a,
           LATERAL (SELECT DISTINCT x ->> 0 AS entity FROM jsonb_array_elements(a.mentions::jsonb) x) m
     WHERE (SELECT true FROM article_entities e WHERE e.entity_id = m.entity
               AND e.sort_time = a.sort_time AND e.article_id = c.article_id) IS TRUE
     GROUP BY 1, 2
    ON CONFLICT (analyst, entity_id) DO UPDATE SET read = r.read + excluded.read;
    INSERT INTO region_reads AS r (analyst, region_id, read)
    SELECT c.analyst, m.region, sum(c.step)
      FROM unnest(who, ids, steps) AS c(analyst, article_id, step),
           LATERAL (SELECT a.sort_time, a.mentions FROM articles a WHERE a.id = c.article_id OFFSET 0) a,
           LATERAL (SELECT DISTINCT p.region_id AS region FROM jsonb_array_elements(a.mentions::jsonb) x
                      JOIN place_closure p ON p.place_id = x ->> 0) m
     WHERE (SELECT true FROM article_regions g WHERE g.region_id = m.region
               AND g.sort_time = a.sort_time AND g.article_id = c.article_id) IS TRUE
     GROUP BY 1, 2
    ON CONFLICT (analyst, region_id) DO UPDATE SET read = r.read + excluded.read;
END $$;

CREATE FUNCTION mirsad_states_added() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM mirsad_count_reads(array_agg(analyst), array_agg(article_id), array_agg(read))
       FROM new_rows WHERE read <> 0 HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE FUNCTION mirsad_states_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM mirsad_count_reads(array_agg(analyst), array_agg(article_id), array_agg(step))
       FROM (SELECT analyst, article_id, sum(step)::integer AS step
               FROM (SELECT analyst, article_id, -read AS step FROM old_rows
                     UNION ALL SELECT analyst, article_id, read FROM new_rows) AS rows
              GROUP BY analyst, article_id HAVING sum(step) <> 0) AS changed
     HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE FUNCTION mirsad_states_removed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM mirsad_count_reads(array_agg(analyst), array_agg(article_id), array_agg(-read))
       FROM old_rows WHERE read <> 0 HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE TRIGGER article_states_added AFTER INSERT ON article_states REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_states_added();
CREATE TRIGGER article_states_changed AFTER UPDATE ON article_states
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_states_changed();
CREATE TRIGGER article_states_removed AFTER DELETE ON article_states REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mirsad_states_removed();

-- An article about to go takes its states with it while its row still names its feed and
-- mentions (a cascade would come after). The name sorts before articles_index_delete, which
-- removes its index rows next: by then no state is left for those to count.
CREATE FUNCTION mirsad_article_states_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    DELETE FROM article_states WHERE article_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER articles_drop_states BEFORE DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION mirsad_article_states_delete();

-- An article moved to another feed, or given another time.
CREATE FUNCTION mirsad_article_states_moved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NEW.sort_time <> OLD.sort_time THEN
        UPDATE article_states SET sort_time = NEW.sort_time WHERE article_id = NEW.id;
    END IF;
    IF NEW.feed_id <> OLD.feed_id THEN
        INSERT INTO feed_reads AS r (analyst, feed_id, read)
        SELECT s.analyst, f.feed_id, f.step FROM article_states s,
               (VALUES (OLD.feed_id, -1), (NEW.feed_id, 1)) AS f(feed_id, step)
         WHERE s.article_id = NEW.id AND s.read <> 0
        ON CONFLICT (analyst, feed_id) DO UPDATE SET read = r.read + excluded.read;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_states_moved AFTER UPDATE OF feed_id, sort_time ON articles
    FOR EACH ROW WHEN (NEW.feed_id <> OLD.feed_id OR NEW.sort_time <> OLD.sort_time)
    EXECUTE FUNCTION mirsad_article_states_moved();

-- An article's names changed (tagged again): the analysts who read it count it under its new
-- names, no longer under its old ones. An import's new articles have no state: one probe each.
CREATE FUNCTION mirsad_entity_rows_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO entity_reads AS r (analyst, entity_id, read)
        SELECT s.analyst, n.entity_id, count(*) FROM new_rows n,
               LATERAL (SELECT s.analyst FROM article_states s WHERE s.article_id = n.article_id
                           AND s.read <> 0 OFFSET 0) s GROUP BY 1, 2
        ON CONFLICT (analyst, entity_id) DO UPDATE SET read = r.read + excluded.read;
    ELSE
        INSERT INTO entity_reads AS r (analyst, entity_id, read)
        SELECT s.analyst, o.entity_id, -count(*) FROM old_rows o,
               LATERAL (SELECT s.analyst FROM article_states s WHERE s.article_id = o.article_id
                           AND s.read <> 0 OFFSET 0) s GROUP BY 1, 2
        ON CONFLICT (analyst, entity_id) DO UPDATE SET read = r.read + excluded.read;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER article_entities_added_reads AFTER INSERT ON article_entities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mirsad_entity_rows_changed();
CREATE TRIGGER article_entities_removed_reads AFTER DELETE ON article_entities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mirsad_entity_rows_changed();

CREATE FUNCTION mirsad_region_rows_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO region_reads AS r (analyst, region_id, read)
        SELECT s.analyst, n.region_id, count(*) FROM new_rows n,
               LATERAL (SELECT s.analyst FROM article_states s WHERE s.article_id = n.article_id
                           AND s.read <> 0 OFFSET 0) s GROUP BY 1, 2
        ON CONFLICT (analyst, region_id) DO UPDATE SET read = r.read + excluded.read;
    ELSE
        INSERT INTO region_reads AS r (analyst, region_id, read)
        SELECT s.analyst, o.region_id, -count(*) FROM old_rows o,
               LATERAL (SELECT s.analyst FROM article_states s WHERE s.article_id = o.article_id
                           AND s.read <> 0 OFFSET 0) s GROUP BY 1, 2
        ON CONFLICT (analyst, region_id) DO UPDATE SET read = r.read + excluded.read;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER article_regions_added_reads AFTER INSERT ON article_regions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mirsad_region_rows_changed();
CREATE TRIGGER article_regions_removed_reads AFTER DELETE ON article_regions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mirsad_region_rows_changed();

-- The old shared columns, written with SQL: the mark is the writing role's. The columns
-- themselves keep their value (the old counters, no longer read, stay as they are).
CREATE FUNCTION mirsad_article_read_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_states AS s (article_id, sort_time, read) VALUES (NEW.id, NEW.sort_time, NEW.read)
    ON CONFLICT (analyst, article_id) DO UPDATE SET read = excluded.read WHERE s.read <> excluded.read;
    NEW.read := OLD.read;
    RETURN NEW;
END $$;
CREATE TRIGGER articles_read_written BEFORE UPDATE OF read ON articles
    FOR EACH ROW EXECUTE FUNCTION mirsad_article_read_written();
CREATE FUNCTION mirsad_article_starred_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_states AS s (article_id, sort_time, starred)
    VALUES (NEW.id, NEW.sort_time, NEW.starred)
    ON CONFLICT (analyst, article_id) DO UPDATE SET starred = excluded.starred
     WHERE s.starred <> excluded.starred;
    NEW.starred := OLD.starred;
    RETURN NEW;
END $$;
CREATE TRIGGER articles_starred_written BEFORE UPDATE OF starred ON articles
    FOR EACH ROW EXECUTE FUNCTION mirsad_article_starred_written();
CREATE FUNCTION mirsad_article_copied_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_states (article_id, sort_time, read, starred)
    VALUES (NEW.id, NEW.sort_time, NEW.read, NEW.starred)
    ON CONFLICT (analyst, article_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_copied_in AFTER INSERT ON articles
    FOR EACH ROW WHEN (NEW.read <> 0 OR NEW.starred <> 0) EXECUTE FUNCTION mirsad_article_copied_in();

-- Watchlists are each analyst's: those made before belong to the role that migrates, and are
-- copied to every colleague below.
ALTER TABLE watchlists ADD COLUMN analyst text COLLATE "C" NOT NULL DEFAULT current_user;
CREATE INDEX watchlists_by_analyst ON watchlists(analyst, position);

ALTER TABLE article_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY article_states_own ON article_states USING (analyst = current_user::text)
    WITH CHECK (analyst = current_user::text);
ALTER TABLE feed_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY feed_reads_own ON feed_reads USING (analyst = current_user::text);
ALTER TABLE entity_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY entity_reads_own ON entity_reads USING (analyst = current_user::text);
ALTER TABLE region_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_reads_own ON region_reads USING (analyst = current_user::text);
ALTER TABLE watchlists ENABLE ROW LEVEL SECURITY;
CREATE POLICY watchlists_own ON watchlists USING (analyst = current_user::text)
    WITH CHECK (analyst = current_user::text);

-- The functions that run as the owner look in the archive's schema only (never a temporary
-- table an analyst made), and the tables are the owner's. Then the team's groups, if `mirsadctl
-- team init` made them already, get their rights to the new tables (team init grants the same):
-- each reader keeps their own state and watchlists; the counts are read only.
--
-- Carrying the shared state over: before this migration everyone saw one state, so each of the
-- team's people (the groups' members) and the role migrating keep that state as their own —
-- no one finds a million articles unread again, or loses a star or a watchlist. A person added
-- later starts with everything unread.
DO $$
DECLARE
    schema text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.oid = 'articles'::regclass);
    f text;
    g text;
    people text[];
BEGIN
    FOREACH f IN ARRAY ARRAY['mirsad_count_reads(text[], bigint[], integer[])', 'mirsad_states_added()',
                             'mirsad_states_changed()', 'mirsad_states_removed()',
                             'mirsad_article_states_delete()', 'mirsad_article_states_moved()',
                             'mirsad_entity_rows_changed()', 'mirsad_region_rows_changed()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, schema);
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
    SELECT array_agg(DISTINCT m.rolname) INTO people
      FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
     WHERE g.rolname IN (current_database() || '_reader', current_database() || '_analyst',
                         current_database() || '_admin')
       AND m.rolcanlogin AND m.rolname <> current_user;
    people := coalesce(people, '{}') || current_user::text;
    INSERT INTO article_states (analyst, article_id, sort_time, read, starred)
    SELECT p, a.id, a.sort_time, a.read, a.starred FROM articles a, unnest(people) AS p
     WHERE a.read <> 0 OR a.starred <> 0;
    INSERT INTO watchlists (name, filter, position, created, analyst)
    SELECT w.name, w.filter, w.position, w.created, p FROM watchlists w, unnest(people) AS p
     WHERE w.analyst = current_user::text AND p <> current_user::text;
    g := current_database() || '_reader';
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
        EXECUTE format('GRANT SELECT, INSERT, DELETE, UPDATE (read, starred) ON article_states TO %I', g);
        EXECUTE format('GRANT SELECT ON feed_reads, entity_reads, region_reads TO %I', g);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON watchlists TO %I', g);
    END IF;
END $$;
