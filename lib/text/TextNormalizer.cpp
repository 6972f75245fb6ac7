#include "text/TextNormalizer.h"

#include "text/FoldInto.h"

#include <algorithm>
#include <utility>

namespace mirsad::text {

namespace {

// Collects units through a pointer into a preallocated buffer: QString::append(QChar) costs an
// out-of-line call and a capacity check per unit, which was most of the cost of folding a text.
template <typename Container> class Collector {
public:
    explicit Collector(qsizetype expected) {
        m_items.resize(expected);
        m_next = m_items.data();
        m_end = m_next + expected;
    }

    template <typename T> void append(const T* items, qsizetype n) {
        if (m_end - m_next < n)
            grow(n);
        for (qsizetype k = 0; k < n; ++k)
            *m_next++ = items[k];
    }
    void append(typename Container::value_type item) { append(&item, 1); }

    Container take() && {
        m_items.resize(m_next - m_items.data());
        return std::move(m_items);
    }

private:
    void grow(qsizetype n) {
        const qsizetype used = m_next - m_items.data();
        const qsizetype size = std::max(2 * m_items.size(), used + n);
        m_items.resize(size);
        m_next = m_items.data() + used;
        m_end = m_items.data() + size;
    }

    Container m_items;
    typename Container::value_type* m_next = nullptr;
    typename Container::value_type* m_end = nullptr;
};

} // namespace

NormalizedText normalizeForMatching(QStringView input) {
    Collector<QString> text(input.size());
    Collector<QList<qsizetype>> origin(input.size() + 1);
    foldInto(input, [&](const char16_t* units, qsizetype n, qsizetype from) {
        text.append(units, n);
        for (qsizetype k = 0; k < n; ++k)
            origin.append(from);
    });
    origin.append(input.size());
    return {std::move(text).take(), std::move(origin).take()};
}

QString normalizeForSearch(QStringView input) {
    Collector<QString> result(input.size());
    foldInto(input, [&](const char16_t* units, qsizetype n, qsizetype) { result.append(units, n); });
    return std::move(result).take();
}

Span originalSpan(const NormalizedText& normalized, qsizetype normStart, qsizetype normEnd) {
    const QList<qsizetype>& origin = normalized.origin;
    const qsizetype last = origin.size() - 1;
    normStart = qBound(qsizetype(0), normStart, last);
    normEnd = qBound(normStart, normEnd, last);
    if (normEnd == normStart)
        return {origin[normStart], origin[normStart]};
    // Skip the rest of an expansion the span ends inside (e.g. ﻻ → لا).
    qsizetype j = normEnd;
    while (j < last && origin[j] == origin[normEnd - 1])
        ++j;
    return {origin[normStart], origin[j]};
}

} // namespace mirsad::text
