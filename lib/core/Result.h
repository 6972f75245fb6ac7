#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace mirsad {

// A failure a user can cause, as one clear sentence.
struct Error {
    QString message;
};

// The sentence for an operation that failed, as every layer words it: "Could not <what>: <why>".
inline Error couldNot(const QString& what, const QString& why) {
    // SQLite's words for a write the disk refused (full, or the file over its size limit): what
    // the user can do about it. The transaction was rolled back.
    const bool diskRefused =
        why.contains(QLatin1String("disk is full")) || why.contains(QLatin1String("disk I/O error"));
    // SQLite's words for a write to an archive opened read-only (see storage::isReadOnly).
    const bool readOnly = why.contains(QLatin1String("attempt to write a readonly database"));
    QString advice;
    if (diskRefused)
        advice = QStringLiteral(". The disk refused the write (is it full?): nothing of it was stored; free "
                                "some space and try again");
    else if (readOnly)
        advice = QStringLiteral(". This archive is read-only (its file, its folder or its disk cannot be "
                                "written): it can be read and exported, not changed; nothing was changed");
    return Error{QStringLiteral("Could not %1: %2%3").arg(what, why, advice)};
}

// A value or an Error; Mirsad does not throw across Qt.
template <typename T> class [[nodiscard]] Result {
public:
    // An empty Result is a failure; it exists so that Result can travel through QFuture.
    Result()
        : m_error(QStringLiteral("No result.")) {}
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

private:
    std::optional<T> m_value;
    QString m_error;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error.message)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

using Status = Result<void>;

} // namespace mirsad
