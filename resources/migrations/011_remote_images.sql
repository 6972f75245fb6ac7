-- articles.remote_images: the remote images an article shows (separated by U+001F), as the
-- sanitiser found them, so that the reader can offer images it left out of the html of a feed
-- that does not allow remote content. Migrations.cpp fills it for the articles already stored
-- from their html (which has the images of feeds that allowed them), in the same transaction.
ALTER TABLE articles ADD COLUMN remote_images TEXT NOT NULL DEFAULT '';
