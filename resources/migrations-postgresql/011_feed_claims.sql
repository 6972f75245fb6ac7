-- One fetch per feed for the whole team (issue 22): a client about to fetch a feed claims it
-- first (ingest/FeedRefresher through storage/FeedClaims), with one atomic UPDATE that succeeds
-- only when nobody holds a live claim and the feed is due (or, for a refresh someone asked for,
-- was not fetched by a colleague moments ago). The claim is a lease, not a lock: a client killed
-- mid-fetch leaves a claim that simply expires, and no session state is needed (a connection
-- pooler in transaction mode, or a reconnect, keeps claims as they were).
--
--   fetch_claimed_until  the claim's end (server time); NULL or past: unclaimed
--   fetch_claimed_by     the role that claimed it (to say who is fetching it)
--   last_fetched_by      the role whose fetch last_fetched records (to say who fetched it)
--
-- None of them is announced on mirsad_changes: what a fetch stores announces itself.

ALTER TABLE feeds
    ADD COLUMN fetch_claimed_until timestamptz,
    ADD COLUMN fetch_claimed_by    text,
    ADD COLUMN last_fetched_by     text;

-- Recording a fetch (storage::recordFetch, by any version of Mirsad) names who fetched it and
-- ends the claim: the next client finds the feed fresh instead of claimed.
CREATE FUNCTION mirsad_feed_fetched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_fetched_by := current_user;
    NEW.fetch_claimed_until := NULL;
    NEW.fetch_claimed_by := NULL;
    RETURN NEW;
END $$;

CREATE TRIGGER feeds_fetched BEFORE UPDATE OF last_fetched ON feeds
    FOR EACH ROW EXECUTE FUNCTION mirsad_feed_fetched();
