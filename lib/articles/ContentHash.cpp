#include "articles/ContentHash.h"

#include <QCryptographicHash>
#include <xxhash.h>

namespace mirsad {

static constexpr char separator = '\x1e';

static QByteArray hexDigest(XXH128_hash_t hash) {
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, hash);
    return QByteArrayLiteral("x3:") +
           QByteArray::fromRawData(reinterpret_cast<const char*>(canonical.digest), sizeof canonical.digest)
               .toHex();
}

QByteArray contentHash(const ContentParts& parts) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    for (QByteArrayView part : {parts.title, parts.author, parts.html, parts.text, parts.tags}) {
        XXH3_128bits_update(state, part.data(), size_t(part.size()));
        XXH3_128bits_update(state, &separator, 1);
    }
    const XXH128_hash_t digest = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    return hexDigest(digest);
}

QByteArray legacyContentHash(const ContentParts& parts) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (QByteArrayView part : {parts.title, parts.author, parts.html, parts.text, parts.tags}) {
        hash.addData(part);
        hash.addData(QByteArrayView(&separator, 1));
    }
    return hash.result().toHex();
}

bool isLegacyContentHash(QByteArrayView stored) {
    return stored.size() == 40 && !stored.startsWith("x3:");
}

QByteArray identityDigest(QStringView dedupeKey) {
    const QByteArray utf8 = dedupeKey.toUtf8();
    return hexDigest(XXH3_128bits(utf8.constData(), size_t(utf8.size())));
}

} // namespace mirsad
