-- The words of the search index under the keys a query looks them up by (storage/SearchVocabulary.h):
-- the stem of each reading of the word without clitics. A query word's forms (الموصل finds
-- وبالموصل, delegation finds delegations) are the words under its keys; the index keeps the words
-- as written, so the exact ones can rank first. The writer adds the words of every article it
-- stores. For an archive made before this version, search_vocabulary_fill holds the last word of
-- the index already read into the vocabulary; the filling runs in the background, in steps, and
-- its row goes when it is done. Meanwhile a query still finds its clitic forms (they are
-- generated), only the inflections wait.
CREATE TABLE search_vocabulary (
    key TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (key, word)
) WITHOUT ROWID;

CREATE TABLE search_vocabulary_fill (after_word TEXT NOT NULL);
INSERT INTO search_vocabulary_fill SELECT '' WHERE EXISTS (SELECT 1 FROM articles);
