#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace mirsad {

// The parts of an article whose change makes a feed's item an edit, in UTF-8.
struct ContentParts {
    QByteArrayView title;
    QByteArrayView author;
    QByteArrayView html;
    QByteArrayView text;
    QByteArrayView tags; // separated by U+001F
};

// An article's fingerprint, compared on every refresh to notice edits: XXH3 (128 bits) of its
// parts, as "x3:" and 32 hex digits. Not a defence against forgery, which a feed's publisher
// has no need of; SHA-1 here cost as much CPU as storing the article.
QByteArray contentHash(const ContentParts& parts);

// The form articles were stored with before: SHA-1, 40 hex digits. An article stored with it
// is compared by it when its feed sends it again, and then given the new form.
QByteArray legacyContentHash(const ContentParts& parts);
bool isLegacyContentHash(QByteArrayView stored);

// The stored form of an article's identity (Article::dedupeKey), which its feed's unique index
// orders: XXH3 (128 bits) of the key's UTF-8, as "x3:" and 32 hex digits. Identities such as
// WordPress's "?p=123" or "item-10" arrive in no order their text sorts in; indexed as they are,
// a large import touches the index all over and SQLite writes pages out mid-transaction only to
// change them again. A digest spreads a feed's keys evenly over few pages, which stay in the cache.
QByteArray identityDigest(QStringView dedupeKey);

} // namespace mirsad
