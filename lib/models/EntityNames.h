#pragma once

#include <QLocale>
#include <QString>

namespace mirsad::models {

// Names and regions are shown in the interface's language: an Arabic interface (QLocale's
// default, set from the system or the --lang the window chose) lists أربيل and إقليم كردستان,
// any other the English names; the other language's name goes in the tooltip.
inline bool arabicInterface() {
    return QLocale().language() == QLocale::Arabic;
}

inline QString shownName(const QString& name, const QString& nameAr) {
    return arabicInterface() && !nameAr.isEmpty() ? nameAr : name;
}

inline QString otherName(const QString& name, const QString& nameAr) {
    return arabicInterface() && !nameAr.isEmpty() ? name : nameAr;
}

// The tooltip: the name in the other language, then the description.
inline QString nameTooltip(const QString& name, const QString& nameAr, const QString& description) {
    const QString other = otherName(name, nameAr);
    return description.isEmpty() ? other : QStringLiteral("%1\n%2").arg(other, description);
}

} // namespace mirsad::models
