-- The feed list's counts (storage/FeedQueries.cpp, selectFeeds): a feed's unread and total
-- articles, counted in this index alone. Through articles_by_feed they read every article row,
-- bodies and all, so opening a large archive read the whole file before the first article showed.
CREATE INDEX articles_by_feed_read ON articles(feed_id, read);
