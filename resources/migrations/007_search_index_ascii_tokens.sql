-- The full-text index takes text that storage::searchText has already folded, lower-cased and
-- split with spaces, so FTS5's ascii tokenizer reads it as unicode61 read the raw text, at about
-- half the cost (on the single writer's thread). The index is contentless: Migrations.cpp refills
-- it from the articles after this script.
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content='', contentless_delete=1, tokenize='ascii');
