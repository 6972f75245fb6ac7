-- The search index's text comes from storage::searchText, already folded, lower-cased and split,
-- so the ascii tokenizer's copying and lower-casing of every token was wasted work on the single
-- writer's thread. mirsad_folded (storage/SearchTokenizer.cpp) makes exactly the same tokens and
-- hands them to FTS5 where they lie. It exists only in Mirsad: openDatabase registers it on every
-- connection, and a connection without it (the sqlite3 shell) cannot use this table. The index
-- is contentless: Migrations.cpp refills it from the articles after this script.
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content='', contentless_delete=1, tokenize='mirsad_folded');
