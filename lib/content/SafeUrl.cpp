#include "content/SafeUrl.h"

#include <QStringTokenizer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace mirsad::content {
namespace {

// A host name that QUrl keeps exactly as written: dot-separated labels of lower-case ASCII
// letters, digits and inner hyphens (no "--", so no ACE label), the last one starting with a
// letter (so that it is not an IPv4 address in one of the forms QUrl rewrites).
bool isPlainHostName(QStringView host) {
    if (host.isEmpty() || host.size() > 253 || host.contains(u"--"))
        return false;
    for (QStringView label : qTokenize(host, u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
                return false;
        }
    }
    const QChar lastStart = host[host.lastIndexOf(u'.') + 1];
    return lastStart >= u'a' && lastStart <= u'z';
}

// True when QUrl would parse the URL and give it back unchanged in FullyEncoded form: http or
// https, a plain host name, and a path, query and fragment of printable ASCII that needs no
// percent-encoding. Nearly every link and image in a feed is like that, and the check costs a
// fraction of QUrl's parsing and formatting.
bool isPlainHttpUrl(QStringView url) {
    qsizetype i = 0;
    if (url.startsWith(u"https://"))
        i = 8;
    else if (url.startsWith(u"http://"))
        i = 7;
    else
        return false;
    qsizetype hostEnd = i;
    while (hostEnd < url.size() && url[hostEnd] != u'/' && url[hostEnd] != u'?' && url[hostEnd] != u'#')
        ++hostEnd;
    if (!isPlainHostName(url.sliced(i, hostEnd - i)))
        return false;
    bool inFragment = false;
    for (QChar c : url.sliced(hostEnd)) {
        switch (c.unicode()) {
        case u'"':
        case u'%': // QUrl decodes escaped unreserved characters
        case u'<':
        case u'>':
        case u'\\':
        case u'^':
        case u'`':
        case u'{':
        case u'|':
        case u'}':
            return false;
        case u'#': // a second one is escaped
            if (inFragment)
                return false;
            inFragment = true;
            break;
        default:
            if (c.unicode() <= 0x20 || c.unicode() >= 0x7F)
                return false;
        }
    }
    return true;
}

} // namespace

QString safeUrl(const QString& raw, const QUrl& base, bool isLink) {
    const auto ignored = [](QChar c) { return c.unicode() <= 0x20 || c.unicode() == 0x7F; };
    QString value = raw;
    if (std::any_of(raw.begin(), raw.end(), ignored))
        value.removeIf(ignored);
    if (value.isEmpty())
        return {};
    if (isPlainHttpUrl(value))
        return value;
    QUrl url(value);
    if (!url.isValid())
        return {};
    if (url.scheme().isEmpty()) {
        if (!base.isValid() || base.isRelative())
            return url.toString(QUrl::FullyEncoded);
        url = base.resolved(url);
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s || (isLink && scheme == u"mailto"_s))
        return url.toString(QUrl::FullyEncoded);
    return {};
}

} // namespace mirsad::content
