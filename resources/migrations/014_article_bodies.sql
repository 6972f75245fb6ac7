-- Each article's body stored once, compressed, in a table of its own: articles.html and
-- articles.text held every body twice, uncompressed, and made every article row several pages
-- long, so that the list and the counts read bodies they never show. article_bodies.body is
-- the html and the text compressed together (storage/ArticleBody.h); mention and highlight
-- offsets stay UTF-16 indexes into that text.
--
-- Migrations.cpp converts the stored articles after this script in batches, each its own
-- transaction (a kill loses nothing and the next start resumes after the last converted article),
-- emptying articles.html and articles.text as it goes; then it sets the version and reclaims the
-- space. So this script must be safe to run again. The two columns stay, always '': nothing
-- reads or writes them (dropping them would rewrite every article row in one transaction).
CREATE TABLE IF NOT EXISTS article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    body       BLOB NOT NULL
);
