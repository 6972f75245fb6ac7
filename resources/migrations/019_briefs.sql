-- Briefs the analyst composes (briefs/BriefStore.h): a title, a Markdown introduction and the
-- articles in the analyst's order. An article deleted from the archive leaves its briefs.
CREATE TABLE briefs (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL DEFAULT '',
    introduction TEXT NOT NULL DEFAULT '',
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL
);

CREATE TABLE brief_articles (
    brief_id   INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (brief_id, position)
) WITHOUT ROWID;
CREATE INDEX brief_articles_by_article ON brief_articles(article_id);
