#pragma once

#include "articles/Article.h"
#include "feeds/FeedItem.h"

namespace mirsad::feeds {

// Maps a parsed item onto the stored-article shape: HTML sanitised (remote images left out
// unless allowed), plain text for search and names, published falling back to updated. The
// caller sets feedId and fetched (the time first seen, also the fallback date).
Article toArticle(const FeedItem& item, const ParsedFeed& feed, bool allowRemoteImages = false);

} // namespace mirsad::feeds
