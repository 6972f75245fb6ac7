-- A list of best matches for a whole query, not only for one word (storage/PostgresBestMatches.h).
-- A query of several words, or with words left out, summed its words' lists: a page could only be
-- told exact after ranking, from their documents, every candidate high in one word's list and
-- missing from another's (80-90 ms for two common words in a million articles). Its own list has
-- every member's score stored, as one word's does: the page is its best members.
--
-- The key of a query's list: a query of one word and nothing else keeps its word's key (the lists
-- made by migration 008's function serve on); any other query its tsquery, then its words, and
-- their forms as typed, a line each. The score is the sum of its words' scores, left to right,
-- as postgresRankExpression writes it: the members' stored scores are the same float4 a page
-- ranks the documents after them with.
CREATE FUNCTION mirsad_best_list(p_match text, p_groups text[], p_typed text[], p_size integer,
                                 p_stale integer)
RETURNS TABLE (id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_match tsquery := p_match::tsquery;
    v_single boolean := cardinality(p_groups) = 1 AND p_match = p_groups[1];
    v_words text;
    v_typed text;
    v_rank text;
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
    IF coalesce(cardinality(p_groups), 0) = 0 THEN
        RETURN;
    END IF;
    IF v_single THEN
        v_words := p_groups[1];
        v_typed := coalesce(p_typed[1], '');
    ELSE
        v_words := p_match || E'\n' || array_to_string(p_groups, E'\n');
        v_typed := array_to_string(ARRAY(SELECT coalesce(t, '') FROM unnest(p_typed) t), E'\n');
    END IF;
    SELECT '(' || string_agg(format('mirsad_group_rank(s.document, %L::tsquery, %s::tsquery)', g,
                                    CASE WHEN coalesce(t, '') IN ('', g) THEN 'NULL' ELSE quote_literal(t) END),
                             ' + ' ORDER BY i) || ')'
      INTO v_rank
      FROM unnest(p_groups, p_typed) WITH ORDINALITY AS u(g, t, i);

    -- One maker per list at a time (the same lock as migration 008's function takes for it).
    PERFORM pg_advisory_xact_lock(hashtextextended('mirsad best ' || v_words || ' ' || v_typed, 0));
    SELECT * INTO v_list FROM search_best_lists l WHERE l.words = v_words AND l.typed = v_typed;
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
        EXECUTE format('SELECT array_agg(b.article_id ORDER BY b.score DESC, b.article_id DESC), '
                       '       array_agg(b.score ORDER BY b.score DESC, b.article_id DESC) '
                       '  FROM (SELECT s.article_id, %s AS score FROM article_search s '
                       '         WHERE s.document @@ $1 ORDER BY 2 DESC, 1 DESC LIMIT $2) b', v_rank)
           INTO v_ids, v_scores USING v_match, p_size + 1;
        IF v_list.id IS NULL THEN
            INSERT INTO search_best_lists (words, typed, threshold, through, size, used)
                 VALUES (v_words, v_typed, NULL, v_newest, p_size, v_now) RETURNING * INTO v_list;
        ELSE
            UPDATE search_best_lists l SET threshold = NULL, threshold_id = NULL, size = p_size
             WHERE l.id = v_list.id RETURNING * INTO v_list;
        END IF;
    ELSE -- its members and the documents after it, ranked again
        EXECUTE format('SELECT array_agg(b.article_id ORDER BY b.score DESC, b.article_id DESC), '
                       '       array_agg(b.score ORDER BY b.score DESC, b.article_id DESC) '
                       '  FROM (SELECT s.article_id, %s AS score FROM article_search s '
                       '         WHERE s.document @@ $1 AND s.article_id = ANY(ARRAY('
                       '                 SELECT m.article_id FROM search_best m WHERE m.list_id = $3 '
                       '                 UNION SELECT c.article_id FROM article_search c WHERE c.seq > $4)) '
                       '         ORDER BY 2 DESC, 1 DESC LIMIT $2) b', v_rank)
           INTO v_ids, v_scores USING v_match, p_size + 1, v_list.id, v_list.through;
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

-- Migration 008's function, as older clients call it for one word, is now this one's: one way of
-- making and keeping a list.
CREATE OR REPLACE FUNCTION mirsad_best_list(p_words text, p_typed text, p_size integer, p_stale integer)
RETURNS TABLE (id bigint)
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT l.id FROM mirsad_best_list(p_words, ARRAY[p_words], ARRAY[coalesce(p_typed, '')], p_size, p_stale) l
$$;
