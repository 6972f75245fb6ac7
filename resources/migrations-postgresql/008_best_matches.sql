-- Relevance without ranking every match (storage/PostgresBestMatches.h). A query's score is the
-- sum of one score per required word (with its forms); for each such word the best-scoring
-- articles are kept ranked, with the score no article left out exceeds. A page whose last row
-- scores above the sum of those is exact, having ranked only the lists' members.

-- One word's score (storage/PostgresSearch.h): ts_rank with the title (A) weighing three times
-- the body (D), normalised by 1 + log(length), plus the same for the forms typed. Inlined.
CREATE FUNCTION mirsad_group_rank(document tsvector, words tsquery, typed tsquery) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ts_rank('{0.3333,0.3333,0.3333,1}'::float4[], document, words, 1)
         + coalesce(ts_rank('{0.3333,0.3333,0.3333,1}'::float4[], document, typed, 1), 0)
$$;

-- Every document stored or changed takes the next number; a list is valid for the documents up
-- to the number it was made at (`through`), and those after are ranked with it. Rows from before
-- this migration have none: they are older than any list.
CREATE SEQUENCE article_search_seq;
ALTER TABLE article_search ADD COLUMN seq bigint;
ALTER TABLE article_search ALTER COLUMN seq SET DEFAULT nextval('article_search_seq');
CREATE INDEX article_search_by_seq ON article_search(seq);

-- A document changed leaves the lists (their members' scores stay those of their documents) and
-- counts as new to them. As the owner: the lists are the owner's.
CREATE FUNCTION article_search_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    NEW.seq := nextval('article_search_seq');
    DELETE FROM search_best WHERE article_id = NEW.article_id;
    RETURN NEW;
END $$;
CREATE TRIGGER article_search_changed BEFORE UPDATE OF document ON article_search
    FOR EACH ROW EXECUTE FUNCTION article_search_changed();

-- A writer holds this lock (shared) from its first document to its commit, so that a list's maker,
-- taking it alone for a moment, knows every number up to the newest is committed and seen.
CREATE FUNCTION article_search_writing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1298756212); -- 0x4D697274
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_writing BEFORE INSERT OR UPDATE ON article_search
    FOR EACH STATEMENT EXECUTE FUNCTION article_search_writing();

CREATE TABLE search_best_lists (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    words     text NOT NULL,   -- the word's tsquery, its forms
    typed     text NOT NULL,   -- its forms as typed, '' when the same
    -- No match outside the list ranks above (threshold, threshold_id): a score, then an id, as
    -- relevance orders them; NULL when every match is in it.
    threshold    real,
    threshold_id bigint,
    through   bigint NOT NULL, -- valid for the documents numbered up to this
    size      integer NOT NULL, -- how many it keeps
    used      bigint NOT NULL, -- when a query last used it (seconds since 1970)
    UNIQUE (words, typed)
);
CREATE TABLE search_best (
    list_id    bigint NOT NULL REFERENCES search_best_lists(id) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    score      real NOT NULL, -- mirsad_group_rank of its document, unchanged since
    PRIMARY KEY (list_id, article_id)
);
CREATE INDEX search_best_by_article ON search_best(article_id);

-- The list of a word, made or brought up to date when more than `stale` documents came after it;
-- its id, threshold and `through`, or no row when none could be made (writers kept the lock
-- busy, or the server is read-only): the caller then ranks every match. Runs as the database's
-- owner, so that any analyst, a reader too, uses and keeps the shared lists.
CREATE FUNCTION mirsad_best_list(p_words text, p_typed text, p_size integer, p_stale integer)
RETURNS TABLE (id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_words tsquery := p_words::tsquery;
    v_typed tsquery := nullif(p_typed, '')::tsquery;
    v_list search_best_lists%ROWTYPE;
    v_now bigint := extract(epoch FROM clock_timestamp())::bigint;
    v_newest bigint;
    v_locked boolean := false;
    v_ids bigint[];
    v_scores real[];
    v_cut real;
    v_cut_id bigint;
    v_deeper boolean;
BEGIN
    p_typed := coalesce(p_typed, '');
    -- One maker per list at a time; the others wait, then find it made.
    PERFORM pg_advisory_xact_lock(hashtextextended('mirsad best ' || p_words || ' ' || p_typed, 0));
    SELECT * INTO v_list FROM search_best_lists l WHERE l.words = p_words AND l.typed = p_typed;
    IF FOUND AND v_list.size >= p_size
       AND (SELECT count(*) FROM (SELECT 1 FROM article_search s WHERE s.seq > v_list.through
                                  LIMIT p_stale + 1) n) <= p_stale THEN
        IF v_list.used < v_now - 3600 THEN
            UPDATE search_best_lists l SET used = v_now WHERE l.id = v_list.id;
        END IF;
        RETURN QUERY SELECT v_list.id;
        RETURN;
    END IF;
    FOR attempt IN 1..40 LOOP
        v_locked := pg_try_advisory_lock(1298756212);
        EXIT WHEN v_locked;
        PERFORM pg_sleep(0.005);
    END LOOP;
    IF NOT v_locked THEN -- an older list still serves, its later documents ranked with it
        RETURN QUERY SELECT v_list.id WHERE v_list.id IS NOT NULL;
        RETURN;
    END IF;
    SELECT coalesce(max(s.seq), 0) INTO v_newest FROM article_search s;
    PERFORM pg_advisory_unlock(1298756212);

    v_deeper := v_list.id IS NULL OR v_list.size < p_size;
    p_size := greatest(p_size, coalesce(v_list.size, 0));
    IF v_deeper THEN -- a new list, or a deeper one: every match ranked
        SELECT array_agg(b.article_id ORDER BY b.score DESC, b.article_id DESC),
               array_agg(b.score ORDER BY b.score DESC, b.article_id DESC)
          INTO v_ids, v_scores
          FROM (SELECT s.article_id, mirsad_group_rank(s.document, v_words, v_typed) AS score
                  FROM article_search s WHERE s.document @@ v_words
                 ORDER BY score DESC, s.article_id DESC LIMIT p_size + 1) b;
        IF v_list.id IS NULL THEN
            INSERT INTO search_best_lists (words, typed, threshold, through, size, used)
                 VALUES (p_words, p_typed, NULL, v_newest, p_size, v_now) RETURNING * INTO v_list;
        ELSE
            UPDATE search_best_lists l SET threshold = NULL, threshold_id = NULL, size = p_size
             WHERE l.id = v_list.id RETURNING * INTO v_list;
        END IF;
    ELSE -- its members and the documents after it, ranked again
        SELECT array_agg(b.article_id ORDER BY b.score DESC, b.article_id DESC),
               array_agg(b.score ORDER BY b.score DESC, b.article_id DESC)
          INTO v_ids, v_scores
          FROM (SELECT s.article_id, mirsad_group_rank(s.document, v_words, v_typed) AS score
                  FROM article_search s
                 WHERE s.document @@ v_words
                   AND s.article_id = ANY(ARRAY(
                           SELECT m.article_id FROM search_best m WHERE m.list_id = v_list.id
                           UNION SELECT c.article_id FROM article_search c WHERE c.seq > v_list.through))
                 ORDER BY score DESC, s.article_id DESC LIMIT p_size + 1) b;
    END IF;
    -- The best left out bounds those left out now; what an older list's threshold bounded, it
    -- still does.
    IF cardinality(v_ids) > p_size THEN
        v_cut := v_scores[p_size + 1];
        v_cut_id := v_ids[p_size + 1];
    END IF;
    IF v_list.threshold IS NOT NULL
       AND (v_cut IS NULL OR (v_list.threshold, v_list.threshold_id) > (v_cut, v_cut_id)) THEN
        v_cut := v_list.threshold;
        v_cut_id := v_list.threshold_id;
    END IF;
    DELETE FROM search_best m WHERE m.list_id = v_list.id;
    INSERT INTO search_best (list_id, article_id, score)
         SELECT v_list.id, unnest(v_ids[1:p_size]), unnest(v_scores[1:p_size]) WHERE v_ids IS NOT NULL;
    UPDATE search_best_lists l
       SET threshold = v_cut, threshold_id = v_cut_id, through = v_newest, used = v_now
     WHERE l.id = v_list.id;
    -- Lists unused for a month go, and beyond the 500 used last those unused for a day (a list in
    -- use is never taken from under a query: `used` is at most an hour old).
    DELETE FROM search_best_lists l
     WHERE l.used < v_now - 30 * 86400
        OR (l.used < v_now - 86400
            AND l.id IN (SELECT o.id FROM search_best_lists o ORDER BY o.used DESC, o.id DESC OFFSET 500));
    RETURN QUERY SELECT v_list.id;
END $$;

-- What a query reads of lists, for any analyst (the lists are derived data, the owner's): their
-- thresholds and `through`, and their members. STABLE, so that both read one snapshot of the
-- statement that calls them: a list brought up to date meanwhile is seen whole or not at all.
CREATE FUNCTION mirsad_best_state(p_lists bigint[])
RETURNS TABLE (id bigint, threshold real, threshold_id bigint, through bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT l.id, l.threshold, l.threshold_id, l.through FROM search_best_lists l WHERE l.id = ANY(p_lists)
$$;
CREATE FUNCTION mirsad_best_members(p_lists bigint[])
RETURNS TABLE (list_id bigint, article_id bigint, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT ROWS 2000 AS $$
    SELECT m.list_id, m.article_id, m.score FROM search_best m WHERE m.list_id = ANY(p_lists)
$$;
