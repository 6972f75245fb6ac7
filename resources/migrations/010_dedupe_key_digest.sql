-- articles.dedupe_key holds the digest of an article's identity (articles/ContentHash.h,
-- identityDigest) instead of the identity itself ("guid:...", "link:...", "title:...|date").
-- The unique index on (feed_id, dedupe_key) then takes a feed's items in an even spread over
-- few pages, whatever order their GUIDs sort in. Migrations.cpp rewrites the stored keys after
-- this script, in the same transaction; the digest is computed in C++, so no SQL is needed here.
SELECT 1;
